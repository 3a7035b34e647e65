import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useErrorMessage } from '../../app/error-message';
import { LanguageSwitch } from '../../app/language-switch';
import { useLogin } from '../../app/session';
import { useT } from '../../i18n/i18n';
import { useDocumentTitle } from '../../ui/page-header';

export function LoginPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('login.title'));
  useEffect(() => emailRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!login.isPending) login.mutate({ email: email.trim(), password });
  }

  return (
    <div className="login">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span className="brand-name">Mercato</span>
        </div>
        <h1 className="login-title">{t('login.title')}</h1>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-email">{t('login.email')}</label>
            <input
              id="login-email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="login-email"
              ref={emailRef}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          </div>
          {login.isError && (
            <p className="form-error" role="alert" data-testid="login-error">
              {errorMessage(login.error)}
            </p>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={login.isPending || !email || !password}
            data-testid="login-submit"
          >
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login-hint">
          {t('login.demoHint.before')}
          <code>npm start</code>
          {t('login.demoHint.after')}
        </p>
      </div>
    </div>
  );
}
