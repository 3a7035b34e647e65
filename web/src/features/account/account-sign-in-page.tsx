import { type FormEvent, useEffect, useRef, useState } from 'react';
import { navigate, useLocation } from '../../app/router';
import { useDocumentTitle } from '../../ui/page-header';
import { useLinkSignIn, usePasswordSignIn } from './account-api';
import { useAccountT } from './account-i18n';
import { AccountLanguageSwitch } from './account-shell';

/** Password sign-in, or the landing page of a one-time link (`?token=`), whose token is posted once. */
export function AccountSignInPage() {
  const { t, errorText } = useAccountT();
  const { search } = useLocation();
  const token = search.get('token');
  const next = search.get('next');
  const password = usePasswordSignIn();
  const link = useLinkSignIn();
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const posted = useRef(false);
  useDocumentTitle(t('signIn.title'));
  const goOn = () =>
    navigate(next?.startsWith('/account') || next?.startsWith('/sellers/') ? next : '/account', {
      replace: true,
    });

  useEffect(() => {
    // StrictMode runs effects twice in development: the single-use token must be sent once.
    if (!token || posted.current) return;
    posted.current = true;
    link.mutate(token, { onSuccess: goOn });
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!password.isPending) password.mutate({ email: email.trim(), password: secret }, { onSuccess: goOn });
  }

  const error = link.error ?? password.error;
  return (
    <div className="login">
      <div className="login-language">
        <AccountLanguageSwitch />
      </div>
      <div className="login-card" data-testid="account-sign-in">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span className="brand-name">Mercato</span>
        </div>
        <h1 className="login-title">{t('signIn.title')}</h1>
        <p className="login-subtitle">{t('signIn.subtitle')}</p>
        {token && link.isPending && (
          <p role="status" data-testid="account-link-checking">
            {t('signIn.linkChecking')}
          </p>
        )}
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="buyer-email">{t('signIn.email')}</label>
            <input
              id="buyer-email"
              className="input"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="account-email"
            />
          </div>
          <div className="field">
            <label htmlFor="buyer-password">{t('signIn.password')}</label>
            <input
              id="buyer-password"
              className="input"
              type="password"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              data-testid="account-password"
            />
          </div>
          {error && (
            <p className="form-error" role="alert" data-testid="account-sign-in-error">
              {errorText(error)}
            </p>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={password.isPending || !email || !secret}
            data-testid="account-sign-in-submit"
          >
            {password.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="login-hint">{t('signIn.linkHint')}</p>
      </div>
    </div>
  );
}
