import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Link } from '../components/ui';
import { command } from '../lib/use-query';
import { fieldError } from '../lib/problem';
import { navigate } from '../router';
import type { Location } from '../router';

/** Only paths of this site: `next=https://evil.example` must not send a fresh login elsewhere. */
export const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage({ location }: { location: Location }) {
  const { api } = useApp();
  const [form, setForm] = useState({ email: '', password: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.session.login(form.email, form.password);
      navigate(safeNext(location.query.get('next')), { replace: true });
    } catch (failure) {
      setError((failure as { problem?: unknown }).problem ?? failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="auth card narrow">
      <h1>Log in</h1>
      <form onSubmit={submit}>
        <Field label="Email" error={fieldError(error, 'email')}>{(props) => <input {...props} type="email" name="email" autoComplete="email" required value={form.email} onInput={(event) => setForm({ ...form, email: event.currentTarget.value })} />}</Field>
        <Field label="Password" error={fieldError(error, 'password')}>{(props) => <input {...props} type="password" name="password" autoComplete="current-password" required value={form.password} onInput={(event) => setForm({ ...form, password: event.currentTarget.value })} />}</Field>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p>New here? <Link href={`/register${location.query.get('next') ? `?next=${encodeURIComponent(location.query.get('next') ?? '')}` : ''}`}>Create an account</Link></p>
    </section>
  );
}

export function RegisterPage({ location }: { location: Location }) {
  const { api } = useApp();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await command(api.client.POST('/api/auth/register', { body: form }));
      await api.session.login(form.email, form.password);
      navigate(safeNext(location.query.get('next')), { replace: true });
    } catch (failure) {
      setError((failure as { problem?: unknown }).problem ?? failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="auth card narrow">
      <h1>Create your account</h1>
      <form onSubmit={submit}>
        <Field label="Name" error={fieldError(error, 'name')}>{(props) => <input {...props} name="name" autoComplete="name" required value={form.name} onInput={(event) => setForm({ ...form, name: event.currentTarget.value })} />}</Field>
        <Field label="Email" error={fieldError(error, 'email')}>{(props) => <input {...props} type="email" name="email" autoComplete="email" required value={form.email} onInput={(event) => setForm({ ...form, email: event.currentTarget.value })} />}</Field>
        <Field label="Password" error={fieldError(error, 'password')} hint="At least 10 characters; a passphrase is best.">{(props) => <input {...props} type="password" name="new-password" autoComplete="new-password" required minLength={10} value={form.password} onInput={(event) => setForm({ ...form, password: event.currentTarget.value })} />}</Field>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      <p>Already have an account? <Link href="/login">Log in</Link></p>
    </section>
  );
}
