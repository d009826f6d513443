// The ticket's conversation in time order: public replies (the requester sees them in the tray),
// internal notes set apart in their own colour and word, and the workflow's events as quiet lines.
// Staff write below: a reply to the requester or a note for colleagues, never mixed up.
import { useState } from 'preact/hooks';
import type { TicketDetailView } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatRelative } from '../../i18n/time.js';
import { describeError } from '../states.js';

type Entry = TicketDetailView['entries'][number];

export function Conversation(props: { detail: TicketDetailView }) {
  const { ticket, entries } = props.detail;
  return (
    <ol class="conversation" aria-label={t('ticket.conversation')}>
      <li class="entry entry-reply entry-opening">
        <EntryHead author={ticket.requester.name} at={ticket.createdAt} word={t('ticket.opened')} />
        <p class="entry-body">{ticket.description || t('ticket.noDescription')}</p>
      </li>
      {entries.map((entry, index) => (
        <EntryItem key={`${entry.at}-${index}`} entry={entry} />
      ))}
    </ol>
  );
}

function EntryItem(props: { entry: Entry }) {
  const { entry } = props;
  if (entry.kind === 'event')
    return (
      <li class="entry entry-event">
        <span class="entry-event-text">
          {entry.author}: {entry.body}
        </span>{' '}
        <time dateTime={entry.at} title={formatDateTime(entry.at)}>
          {formatRelative(entry.at)}
        </time>
      </li>
    );
  return (
    <li class={`entry entry-${entry.kind}`} data-entry={entry.kind}>
      <EntryHead
        author={entry.author}
        at={entry.at}
        word={entry.kind === 'note' ? t('ticket.internalNote') : t('ticket.publicReply')}
      />
      <p class="entry-body">{entry.body}</p>
    </li>
  );
}

function EntryHead(props: { author: string; at: string; word: string }) {
  return (
    <div class="entry-head">
      <strong>{props.author}</strong>
      <span class="entry-word">{props.word}</span>
      <time dateTime={props.at} title={formatDateTime(props.at)}>
        {formatRelative(props.at)}
      </time>
    </div>
  );
}

/** Where staff write: the same box, sent as a public reply or as an internal note. */
export function Composer(props: { ticketId: number; canReply: boolean; onSent: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (kind: 'reply' | 'note') => {
    if (!text.trim()) return setError(t('ticket.writeFirst'));
    setBusy(true);
    setError(null);
    try {
      await call(kind === 'reply' ? API.tickets.reply : API.tickets.note, {
        params: { id: props.ticketId },
        body: { body: text.trim() },
      });
      setText('');
      props.onSent();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="composer">
      <label class="field-label" for="composer-text">
        {t('ticket.write')}
      </label>
      <textarea
        id="composer-text"
        class="textarea"
        rows={4}
        maxLength={20_000}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="composer-actions">
        <span class="field-hint">{t('ticket.replyHint')}</span>
        <button type="button" class="button" disabled={busy} onClick={() => void send('note')}>
          {t('ticket.addNote')}
        </button>
        {props.canReply && (
          <button type="button" class="button button-primary" disabled={busy} onClick={() => void send('reply')}>
            {t('ticket.sendReply')}
          </button>
        )}
      </div>
    </div>
  );
}
