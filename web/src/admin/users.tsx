import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { ErrorBox, Spinner, StatusBadge, formatDate } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';

export function AdminUsersPage() {
  const { api, user, toast } = useApp();
  const [q, setQ] = useState('');
  const [token, setToken] = useState<string | undefined>();
  const page = useQuery(() => must(api.client.GET('/api/admin/users', { params: { query: { q: q || undefined, limit: 50 }, header: token ? { 'x-consistency-token': token } : {} } })), [q, token]);
  const [error, setError] = useState<unknown>();
  const run = async (call: () => Promise<{ token: string | undefined }>, message: string) => {
    setError(undefined);
    try {
      setToken((await call()).token);
      toast(message);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section>
      <h1>Users</h1>
      <label class="search-inline">Email or name <input type="search" value={q} onInput={(event) => setQ(event.currentTarget.value)} /></label>
      <ErrorBox error={page.error ?? error} />
      {page.loading && !page.data && <Spinner />}
      <table class="table">
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Since</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {page.data?.items.map((account) => (
            <tr key={account.id}>
              <td>{account.name}</td>
              <td>{account.email}</td>
              <td><StatusBadge status={account.role} /></td>
              <td><StatusBadge status={account.status} /></td>
              <td>{formatDate(account.createdAt)}</td>
              <td class="actions">
                {account.id !== user?.id && (
                  <>
                    {account.status === 'active'
                      ? <button class="danger small" onClick={() => void run(() => command(api.client.POST('/api/admin/users/{id}/disable', { params: { path: { id: account.id } }, body: {} })), `${account.email} disabled`)}>Disable</button>
                      : <button class="secondary small" onClick={() => void run(() => command(api.client.POST('/api/admin/users/{id}/enable', { params: { path: { id: account.id } } })), `${account.email} enabled`)}>Enable</button>}
                    <button class="secondary small" onClick={() => void run(() => command(api.client.POST('/api/admin/users/{id}/role', { params: { path: { id: account.id } }, body: { role: account.role === 'admin' ? 'customer' : 'admin' } })), `${account.email} is now ${account.role === 'admin' ? 'a customer' : 'an admin'}`)}>
                      Make {account.role === 'admin' ? 'customer' : 'admin'}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
