// /ops/policy — the operator's extra phrases the message policy refuses in seller messages, per
// marketplace and rule (MSG-8..11), on top of the built-in lexicons. Validation is the server's:
// its refusal is shown beside the input it names.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { useToast } from '../../app/toast';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { PageHeader, useDocumentTitle } from '../../ui/page-header';
import { SkeletonRows } from '../../ui/skeleton';
import { useMessagesT } from '../messages/messages-i18n';
import {
  PHRASE_RULES,
  type PhraseLanguage,
  type PhraseRule,
  useAddPolicyPhrase,
  useDeletePolicyPhrase,
  usePolicyPhrases,
} from './policy-phrases-api';

const MARKETPLACES = ['A1VC38T7YXB528', 'APJ6JRA9NG5V4'] as const;
const LANGUAGES: PhraseLanguage[] = ['ja', 'en', 'it'];
type Field = 'rule' | 'phrase' | 'language' | 'marketplaceId';

/** The input a refusal is about: `details.field`, or the first of `details.fields`. */
function refusedField(error: unknown): Field | null {
  if (!(error instanceof ApiError)) return null;
  const d = error.details;
  const name =
    typeof d.field === 'string'
      ? d.field
      : Array.isArray(d.fields)
        ? String(
            (d.fields[0] as { field?: string; path?: unknown })?.field ??
              (d.fields[0] as { path?: unknown })?.path ??
              '',
          )
        : '';
  const field = name.split('.')[0] as Field;
  return ['rule', 'phrase', 'language', 'marketplaceId'].includes(field) ? field : null;
}

export function PolicyPhrasesPage() {
  const { t, tCode, errorText } = useMessagesT();
  const format = useFormat();
  const toast = useToast();
  useDocumentTitle(t('phrases.title'));
  const [marketplaceId, setMarketplaceId] = useState<string>(MARKETPLACES[0]);
  const [rule, setRule] = useState<PhraseRule>('marketing');
  const [phrase, setPhrase] = useState('');
  const [language, setLanguage] = useState<PhraseLanguage | ''>('');
  const phrases = usePolicyPhrases(marketplaceId);
  const add = useAddPolicyPhrase();
  const remove = useDeletePolicyPhrase();
  const field = refusedField(add.error);
  const errorOf = (name: Field) =>
    add.error && (field === name || (name === 'phrase' && field === null)) ? (
      <p className="field-hint text-danger" id={`phrase-${name}-error`} data-testid={`phrase-${name}-error`}>
        {errorText(add.error)}
      </p>
    ) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { marketplaceId, rule, phrase, ...(language ? { language } : {}) },
      {
        onSuccess: () => {
          toast(t('phrases.added.toast'), 'success');
          setPhrase('');
        },
      },
    );
  }

  return (
    <div className="page stack-lg" data-testid="policy-phrases">
      <PageHeader
        title={t('phrases.title')}
        subtitle={t('phrases.subtitle')}
        actions={
          <div className="field">
            <label htmlFor="phrases-marketplace">{t('phrases.marketplace')}</label>
            <select
              id="phrases-marketplace"
              className="select"
              value={marketplaceId}
              onChange={(event) => {
                setMarketplaceId(event.target.value);
                add.reset();
              }}
              data-testid="phrases-marketplace"
            >
              {MARKETPLACES.map((id) => (
                <option key={id} value={id}>
                  {tCode('marketplace', id, id)}
                </option>
              ))}
            </select>
          </div>
        }
      />
      <section className="panel" aria-labelledby="phrase-form-title">
        <div className="panel-header">
          <h2 className="panel-title" id="phrase-form-title">
            {t('phrases.new')}
          </h2>
        </div>
        <form className="panel-body stack" onSubmit={submit} noValidate data-testid="phrase-form">
          <div className="form-grid">
            <div className="field">
              <label htmlFor="phrase-rule">{t('phrases.rule')}</label>
              <select
                id="phrase-rule"
                className="select"
                value={rule}
                onChange={(event) => setRule(event.target.value as PhraseRule)}
                data-testid="phrase-rule"
              >
                {PHRASE_RULES.map((r) => (
                  <option key={r} value={r}>
                    {tCode('rule', r, r)}
                  </option>
                ))}
              </select>
              {errorOf('rule')}
            </div>
            <div className="field field-grow">
              <label htmlFor="phrase-text">{t('phrases.phrase')}</label>
              <input
                id="phrase-text"
                className="input"
                value={phrase}
                onChange={(event) => setPhrase(event.target.value)}
                aria-invalid={add.error !== null && (field === 'phrase' || field === null)}
                aria-describedby={add.error ? 'phrase-phrase-error' : undefined}
                data-testid="phrase-text"
              />
              {errorOf('phrase')}
            </div>
            <div className="field">
              <label htmlFor="phrase-language">{t('phrases.language')}</label>
              <select
                id="phrase-language"
                className="select"
                value={language}
                onChange={(event) => setLanguage(event.target.value as PhraseLanguage | '')}
                data-testid="phrase-language"
              >
                <option value="">{t('phrases.any')}</option>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`language.${l}`)}
                  </option>
                ))}
              </select>
              {errorOf('language')}
            </div>
          </div>
          {errorOf('marketplaceId')}
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={add.isPending}
              data-testid="phrase-add"
            >
              {t('phrases.add')}
            </button>
          </div>
        </form>
      </section>
      {phrases.isError ? (
        <ErrorState error={phrases.error} onRetry={() => phrases.refetch()} />
      ) : phrases.data && phrases.data.length === 0 ? (
        <div className="panel">
          <EmptyState icon="inbox" title={t('phrases.empty')} testId="phrases-empty" />
        </div>
      ) : (
        <div className="panel">
          <div className="table-wrap">
            <table className="table" data-testid="phrases-table">
              <thead>
                <tr>
                  <th scope="col">{t('phrases.rule')}</th>
                  <th scope="col">{t('phrases.phrase')}</th>
                  <th scope="col">{t('phrases.language')}</th>
                  <th scope="col">{t('phrases.added')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('phrases.delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {!phrases.data ? (
                  <SkeletonRows rows={3} columns={5} />
                ) : (
                  phrases.data.map((p) => (
                    <tr key={p.id} data-testid="phrase-row" data-rule={p.rule} data-phrase={p.phrase}>
                      <td>
                        <Badge tone="neutral">{tCode('rule', p.rule, p.rule)}</Badge>
                      </td>
                      <td className="break">{p.phrase}</td>
                      <td>{p.language ? t(`language.${p.language}`) : t('phrases.any')}</td>
                      <td className="nowrap">{format.dateTime(p.createdAt)}</td>
                      <td className="num">
                        <button
                          type="button"
                          className="btn btn-ghost btn-sm"
                          disabled={remove.isPending}
                          onClick={() =>
                            remove.mutate(p.id, {
                              onSuccess: () => toast(t('phrases.deleted'), 'success'),
                              onError: (e) => toast(errorText(e), 'error'),
                            })
                          }
                          data-testid="phrase-delete"
                        >
                          {t('phrases.delete')}
                        </button>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
