import { useApp } from '../context';
import { ErrorBox, Spinner, formatDate } from '../components/ui';
import { command, must, useQuery } from '../lib/use-query';

export function NotificationsPage() {
  const { api } = useApp();
  const inbox = useQuery(() => must(api.client.GET('/api/notifications', { params: { query: { limit: 50 } } })), [], { pollMs: 10_000 });
  const markRead = async (id: string) => {
    await command(api.client.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    void inbox.reload(true);
  };
  return (
    <section class="inbox">
      <h1>Notifications {inbox.data && inbox.data.unread > 0 && <span class="badge info">{inbox.data.unread} unread</span>}</h1>
      <ErrorBox error={inbox.error} />
      {inbox.loading && !inbox.data && <Spinner />}
      {inbox.data?.items.length === 0 && <p class="empty">Nothing yet: we will tell you here when your orders move.</p>}
      <ul class="messages">
        {inbox.data?.items.map((message) => (
          <li key={message.id} class={message.read ? 'message read' : 'message unread'}>
            <div class="message-head"><strong>{message.subject}</strong> <time dateTime={message.createdAt}>{formatDate(message.createdAt)}</time></div>
            <p>{message.text}</p>
            {!message.read && <button class="link-button" onClick={() => void markRead(message.id)}>Mark as read</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}
