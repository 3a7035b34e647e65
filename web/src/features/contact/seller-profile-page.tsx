// MSG-1: the seller's public profile ("Seller at a glance") with Contact This Seller. Anyone can
// read it and write; sending needs the buyer's sign-in, and what was typed survives the detour.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { Link, navigate, useLocation, withQuery } from '../../app/router';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { Icon } from '../../ui/icon';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { SkeletonPanel } from '../../ui/skeleton';
import {
  MAX_MESSAGE_CHARS,
  useContactSeller,
  useLiveCheck,
  useOrdersWithSeller,
  useSellerProfile,
  violationsOf,
} from './contact-api';
import { useContactT } from './contact-i18n';
import './contact.css';
import type { BuyerThreadSummary, ContactTopic, SellerProfileView } from './contact-types';
import { MessageBox } from './message-box';

export function SellerProfilePage({ sellerId, signedIn }: { sellerId: string; signedIn: boolean }) {
  const { t, errorText } = useContactT();
  const profile = useSellerProfile(sellerId);
  useDocumentTitle(profile.data?.name ?? t('profile.glance'));
  if (profile.isError) {
    const notFound = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <div className="page">
        <PageHeader title={t('profile.glance')} />
        {notFound ? (
          <div className="panel">
            <EmptyState icon="search" title={t('profile.notFound.title')} testId="seller-profile-not-found">
              {errorText(profile.error) || t('profile.notFound.body')}
            </EmptyState>
          </div>
        ) : (
          <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
        )}
      </div>
    );
  }
  if (!profile.data) {
    return (
      <div className="page" aria-busy="true">
        <PageHeader title={t('profile.glance')} />
        <SkeletonPanel />
      </div>
    );
  }
  const p = profile.data;
  return (
    <div className="page" data-testid="seller-profile" data-seller-id={p.id}>
      <PageHeader
        title={<span data-testid="seller-profile-name">{p.name}</span>}
        subtitle={t('profile.marketplace', { marketplace: p.marketplace.name })}
      />
      <div className="detail-grid">
        <div className="detail-main">
          <ContactForm key={p.id} profile={p} signedIn={signedIn} />
        </div>
        <aside className="detail-side">
          <Panel title={t('profile.glance')} testId="seller-glance">
            <dl className="dl">
              <dt>{t('profile.seller')}</dt>
              <dd>{p.name}</dd>
              <dt>{t('profile.marketplaceLabel')}</dt>
              <dd data-testid="seller-marketplace">{p.marketplace.name}</dd>
            </dl>
          </Panel>
        </aside>
      </div>
    </div>
  );
}

type Draft = { topic: ContactTopic | ''; orderId: string; productRef: string; text: string };

const draftKey = (sellerId: string) => `mercato.contact-draft.${sellerId}`;

/** Keeps what a signed-out visitor typed across the sign-in page (this tab only). */
function saveDraft(sellerId: string, draft: Draft) {
  try {
    window.sessionStorage.setItem(draftKey(sellerId), JSON.stringify(draft));
  } catch {
    // Storage can be disabled: the visitor types again after signing in.
  }
}

function takeDraft(sellerId: string): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(sellerId));
    window.sessionStorage.removeItem(draftKey(sellerId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function ContactForm({ profile, signedIn }: { profile: SellerProfileView; signedIn: boolean }) {
  const { t, errorText } = useContactT();
  const format = useFormat();
  const { pathname, search } = useLocation();
  const [draft, setDraft] = useState<Draft>(() => ({
    topic: '',
    orderId: search.get('order') ?? '',
    productRef: search.get('product') ?? '',
    text: '',
  }));
  const [sent, setSent] = useState<BuyerThreadSummary | null>(null);
  useEffect(() => {
    // After the sign-in detour: the draft comes back once (StrictMode runs this twice; the second
    // read finds nothing and keeps the state).
    const saved = takeDraft(profile.id);
    if (saved) setDraft(saved);
  }, [profile.id]);
  const orders = useOrdersWithSeller(profile.id, signedIn);
  const live = useLiveCheck(profile.id, draft.text, signedIn);
  const send = useContactSeller();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const topic = profile.topics.find((x) => x.id === draft.topic);
  // A refusal belongs to the text that was sent; once the buyer edits it, the live check speaks.
  const refusal = send.variables?.text === draft.text ? violationsOf(send.error) : null;
  const otherError = send.error && !violationsOf(send.error) ? send.error : null;
  const tooLong = [...draft.text].length > MAX_MESSAGE_CHARS;
  const canSend =
    topic !== undefined && draft.text.trim() !== '' && !tooLong && !live.refused && !send.isPending;

  if (sent) {
    return (
      <Panel title={t('sent.title')} testId="contact-sent">
        <p role="status" data-testid="contact-sent-body">
          {t('sent.body', { seller: profile.name })}
        </p>
        <div className="contact-sent-actions">
          <Link
            to={`/account/messages/${encodeURIComponent(sent.id)}`}
            className="btn btn-primary btn-sm"
            data-testid="contact-sent-thread"
          >
            {t('sent.view')}
          </Link>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => {
              setSent(null);
              send.reset();
              setDraft({ topic: '', orderId: '', productRef: '', text: '' });
            }}
          >
            {t('sent.another')}
          </button>
        </div>
      </Panel>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!signedIn) {
      saveDraft(profile.id, draft);
      navigate(withQuery('/account/sign-in', { next: pathname + (search.size ? `?${search}` : '') }));
      return;
    }
    if (!canSend || !topic) return;
    send.mutate(
      {
        sellerId: profile.id,
        topic: topic.id,
        text: draft.text,
        ...(draft.orderId ? { amazonOrderId: draft.orderId } : {}),
        ...(draft.productRef.trim() ? { productRef: draft.productRef.trim() } : {}),
      },
      { onSuccess: (r) => setSent(r.thread) },
    );
  }

  const orderOptions = orders.data ?? [];
  const preselectedMissing =
    draft.orderId !== '' && !orderOptions.some((o) => o.amazonOrderId === draft.orderId);
  return (
    <Panel title={t('contact.title')} testId="contact-form">
      <form className="form" onSubmit={submit} noValidate>
        <p className="panel-intro">{t('contact.intro', { seller: profile.name })}</p>
        <fieldset className="form-fieldset contact-topics">
          <legend className="contact-legend">{t('contact.topic')}</legend>
          {profile.topics.map((x) => (
            <label key={x.id} className="contact-topic">
              <input
                type="radio"
                name="topic"
                value={x.id}
                checked={draft.topic === x.id}
                onChange={() => set({ topic: x.id })}
                data-testid={`contact-topic-${x.id}`}
              />
              <span>{x.label}</span>
            </label>
          ))}
        </fieldset>
        {topic && (
          <p className="contact-subject" data-testid="contact-subject">
            <span className="muted">{t('contact.subject')}:</span> <strong>{topic.subject}</strong>
          </p>
        )}
        {signedIn && (orderOptions.length > 0 || preselectedMissing) && (
          <div className="field">
            <label htmlFor="contact-order">{t('contact.order')}</label>
            <select
              id="contact-order"
              className="select"
              value={draft.orderId}
              onChange={(e) => set({ orderId: e.target.value })}
              data-testid="contact-order"
            >
              <option value="">{t('contact.order.none')}</option>
              {preselectedMissing && <option value={draft.orderId}>{draft.orderId}</option>}
              {orderOptions.map((o) => {
                const first = o.items[0];
                const more =
                  o.items.length > 1 ? ` ${t('contact.order.moreItems', { count: o.items.length - 1 })}` : '';
                return (
                  <option key={o.amazonOrderId} value={o.amazonOrderId}>
                    {`${o.amazonOrderId} · ${format.date(o.purchaseDate)}${first ? ` · ${first.title}${more}` : ''}`}
                  </option>
                );
              })}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="contact-product">{t('contact.product')}</label>
          <input
            id="contact-product"
            className="input"
            value={draft.productRef}
            maxLength={200}
            placeholder={t('contact.product.hint')}
            onChange={(e) => set({ productRef: e.target.value })}
            data-testid="contact-product"
          />
        </div>
        <MessageBox
          id="contact-text"
          label={t('contact.message')}
          value={draft.text}
          onChange={(text) => set({ text })}
          live={signedIn ? live : null}
          refusal={refusal}
          testId="contact-text"
        />
        {otherError && (
          <p className="form-error" role="alert" data-testid="contact-error">
            {errorText(otherError)}
          </p>
        )}
        <div className="form-actions">
          {signedIn ? (
            <button type="submit" className="btn btn-primary" disabled={!canSend} data-testid="contact-send">
              <Icon name="mail" size={15} /> {send.isPending ? t('contact.sending') : t('contact.send')}
            </button>
          ) : (
            <>
              <button type="submit" className="btn btn-primary" data-testid="contact-sign-in">
                {t('contact.signInToSend')}
              </button>
              <span className="field-hint">{t('contact.signInNote')}</span>
            </>
          )}
        </div>
      </form>
    </Panel>
  );
}
