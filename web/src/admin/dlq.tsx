import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { DataTable } from '../components/data-table';
import type { Column } from '../components/data-table';
import { Pager, useCursorPages } from '../components/pager';
import { ErrorBox, Spinner, formatDate } from '../components/ui';
import type { paths } from '../api/client';
import { command, must, useQuery } from '../lib/use-query';

type DeadLetter = paths['/api/admin/dlq']['get']['responses'][200]['content']['application/json']['items'][number];

/** Where the message was: topic, partition and offset for a Kafka message; the position for an event read from the store. */
function Origin({ letter }: { letter: DeadLetter }) {
  const { source } = letter;
  if (!source) return <>—</>;
  if (source.kind === 'event-store') return <span class="origin">event store<small>position {source.position ?? '?'}</small></span>;
  return <span class="origin">{source.topic ?? '?'}<small>partition {source.partition ?? '?'} · offset {source.offset ?? '?'}</small></span>;
}

export function AdminDeadLettersPage() {
  const { api, toast } = useApp();
  const pages = useCursorPages();
  const page = useQuery(() => must(api.client.GET('/api/admin/dlq', { params: { query: { limit: 20, cursor: pages.cursor } } })), [pages.cursor]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [replayed, setReplayed] = useState<Record<string, string>>({});
  const replay = async (letter: DeadLetter) => {
    setError(undefined);
    setBusy(letter.id);
    try {
      const answer = await command(api.client.POST('/api/admin/dlq/{id}/replay', { params: { path: { id: letter.id } } }));
      const where = `${answer.replayedTo.topic} / ${answer.replayedTo.partition} @ ${answer.replayedTo.offset}`;
      setReplayed({ ...replayed, [letter.id]: where });
      toast(`Replayed to ${where}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  const columns: Array<Column<DeadLetter>> = [
    { header: 'When', cell: (letter) => <span class="nowrap">{formatDate(letter.at)}</span> },
    { header: 'Consumer group', cell: (letter) => <code>{letter.source?.consumerGroup ?? '—'}</code> },
    { header: 'Came from', cell: (letter) => <Origin letter={letter} /> },
    { header: 'Event', cell: (letter) => letter.eventType ?? '—' },
    { header: 'Reason', cell: (letter) => <span class="reason">{letter.reason}</span> },
    { header: 'Attempts', kind: 'numeric', cell: (letter) => letter.attempts ?? '—' },
    {
      header: 'Replay',
      kind: 'actions',
      cell: (letter) => (letter.replayable
        ? (
          <>
            {replayed[letter.id] && <span class="badge good" title={`to ${replayed[letter.id] ?? ''}`}>replayed</span>}{' '}
            <button class="secondary small" disabled={busy === letter.id} aria-label={`Replay dead letter ${letter.id}`} onClick={() => void replay(letter)}>Replay</button>
          </>
        )
        : <span class="muted small" title="Read from the event store: its consumer reads it again on a rebuild">not replayable</span>),
    },
  ];
  return (
    <section>
      <h1>Dead letters</h1>
      <p class="muted">Messages a consumer gave up on, newest first. Replay puts a copy back on its original topic; every consumer of that topic reads it again.</p>
      <ErrorBox error={page.error ?? error} />
      {page.loading && !page.data && <Spinner />}
      <DataTable caption="Dead letters, newest first" captionHidden columns={columns} rows={page.data?.items} rowKey={(letter) => letter.id} empty="No dead letters: every consumer handled what it read." />
      <Pager pages={pages} nextCursor={page.data?.nextCursor} />
    </section>
  );
}
