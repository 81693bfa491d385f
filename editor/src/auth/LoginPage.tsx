import './auth.css';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { sessionNotice, startSession } from './session';

/**
 * Shown instead of any page while nobody is signed in; after signing in the user stays on
 * the address they asked for (a deep link survives the login).
 */
export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = sessionNotice();
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      startSession(await api.auth.login(email.trim(), password));
    } catch (err) {
      setError(messageFor(err));
      setBusy(false);
    }
  }

  return (
    <main className="login" aria-labelledby="login-title">
      <form className="login-card" onSubmit={submit} data-testid="login-form" aria-describedby={error ? 'login-error' : undefined}>
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Firebreak</span>
        </div>
        <h1 id="login-title">Sign in</h1>
        {notice && !error && (
          <p className="login-notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        {error && (
          <p className="login-error" role="alert" id="login-error" data-testid="login-error">
            {error}
          </p>
        )}
        <label htmlFor="login-email">E-mail</label>
        <input
          ref={emailRef}
          id="login-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function messageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'That e-mail and password do not match. Check them and try again.';
    if (err.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    if (err.status === 403) return err.message || 'Signing in from this address is not allowed.';
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
