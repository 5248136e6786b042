import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Field, Spinner, StatusBadge } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';
import { fieldError } from '../lib/problem';
import { navigate } from '../router';

export function ProfilePage() {
  const { api, toast } = useApp();
  const [token, setToken] = useState<string | undefined>();
  const me = useQuery(() => must(api.client.GET('/api/me', { params: { header: token ? { 'x-consistency-token': token } : {} } })), [token]);
  const [name, setName] = useState<string | undefined>();
  const [passwords, setPasswords] = useState({ currentPassword: '', newPassword: '' });
  const [error, setError] = useState<unknown>();
  const [passwordError, setPasswordError] = useState<unknown>();

  if (me.loading && !me.data) return <Spinner />;
  if (!me.data) return <ErrorBox error={me.error} />;
  const profile = me.data;

  const rename = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      setToken((await command(api.client.PATCH('/api/me', { body: { name: name ?? profile.name } }))).token);
      toast('Your name is saved');
    } catch (failure) {
      setError(failure);
    }
  };
  const changePassword = async (event: Event) => {
    event.preventDefault();
    setPasswordError(undefined);
    try {
      await command(api.client.POST('/api/me/password', { body: passwords }));
      // every session ends with a password change, this one too
      await api.session.logout();
      toast('Password changed: please log in with the new one');
      navigate('/login?next=/account');
    } catch (failure) {
      setPasswordError(failure);
    }
  };
  const removeAddress = async (addressId: string) => {
    try {
      setToken((await command(api.client.DELETE('/api/me/addresses/{addressId}', { params: { path: { addressId } } }))).token);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section class="profile">
      <h1>Your account</h1>
      <div class="profile-grid">
        <form class="card" onSubmit={rename}>
          <h2>Profile</h2>
          <p>{profile.email} <StatusBadge status={profile.role} /></p>
          <Field label="Name" error={fieldError(error, 'name')}>{(props) => <input {...props} name="name" autoComplete="name" required value={name ?? profile.name} onInput={(event) => setName(event.currentTarget.value)} />}</Field>
          <ErrorBox error={error} />
          <button type="submit">Save</button>
        </form>
        <form class="card" onSubmit={changePassword}>
          <h2>Password</h2>
          <Field label="Current password" error={fieldError(passwordError, 'currentPassword')}>{(props) => <input {...props} type="password" autoComplete="current-password" required value={passwords.currentPassword} onInput={(event) => setPasswords({ ...passwords, currentPassword: event.currentTarget.value })} />}</Field>
          <Field label="New password" error={fieldError(passwordError, 'newPassword')} hint="At least 10 characters. You will be logged out everywhere.">{(props) => <input {...props} type="password" autoComplete="new-password" required minLength={10} value={passwords.newPassword} onInput={(event) => setPasswords({ ...passwords, newPassword: event.currentTarget.value })} />}</Field>
          <ErrorBox error={passwordError} />
          <button type="submit">Change password</button>
        </form>
        <div class="card">
          <h2>Saved addresses</h2>
          {profile.addresses.length === 0 && <p class="muted">None yet: addresses you save at checkout appear here.</p>}
          <ul class="address-list">
            {profile.addresses.map((address) => (
              <li key={address.id}>{address.recipient}, {address.line1}, {address.postalCode} {address.city}, {address.country} <button class="link-button" onClick={() => void removeAddress(address.id)} aria-label={`Remove the address ${address.line1}`}>Remove</button></li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
