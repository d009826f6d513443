// The sign-in page, shown for any address while signed out; after signing in the page asked for
// opens. Wrong passwords and the server's rate limit get a clear message.
import { useRef, useState } from 'preact/hooks';
import { ApiRequestError } from '../../../protocol/errors.js';
import { LanguageSelect } from '../components/language-select.js';
import { usePageTitle } from '../components/page-title.js';
import { describeError } from '../components/states.js';
import { t } from '../i18n/index.js';
import { signIn } from '../state/session.js';

export function LoginPage(props: { notice: 'ended' | 'signedOut' | null }) {
  usePageTitle(t('login.pageTitle'));
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!user.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(user.trim(), password);
    } catch (failure) {
      setError(messageFor(failure));
      setPassword('');
      passwordInput.current?.focus();
      setBusy(false);
    }
  };

  return (
    <main class="login" id="content">
      <div class="login-card">
        <div class="brand brand-large" aria-hidden="true">
          <span class="brand-mark">H</span>
        </div>
        <h1>{t('login.heading')}</h1>
        <p class="muted login-tagline">{t('login.tagline')}</p>
        {props.notice && !error && (
          <p class="notice" role="status">
            {t(props.notice === 'ended' ? 'login.sessionEnded' : 'login.signedOut')}
          </p>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <form class="form" onSubmit={(event) => void submit(event)} noValidate>
          <label class="field">
            <span class="field-label">{t('login.user')}</span>
            <input
              name="username"
              autoComplete="username"
              required
              value={user}
              onInput={(event) => setUser(event.currentTarget.value)}
              autoFocus
            />
          </label>
          <label class="field">
            <span class="field-label">{t('login.password')}</span>
            <input
              ref={passwordInput}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button button-primary button-wide" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <div class="login-footer">
          <LanguageSelect />
        </div>
      </div>
    </main>
  );
}

function messageFor(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'invalid_credentials') return t('login.wrongPassword');
    if (error.code === 'rate_limited') return t('login.rateLimited');
  }
  return describeError(error);
}
