// /tickets/:id: one ticket worked from start to end — the conversation with replies and notes
// apart, the workflow buttons its status allows, the PC's snapshot, files, knowledge-base
// articles, a shell or a script on its PC, the full history and the requester's rating. It
// re-reads itself whenever the live stream says the ticket changed, wherever that happened.
import { useState } from 'preact/hooks';
import { STAFF } from '../../../protocol/api/access.js';
import { API, call } from '../api.js';
import { Panel } from '../components/device/facts.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { Failed, Loading } from '../components/states.js';
import { AttachmentsPanel } from '../components/ticket/attachments-panel.js';
import { Composer, Conversation } from '../components/ticket/conversation.js';
import { KbPanel } from '../components/ticket/kb-panel.js';
import { TicketActions } from '../components/ticket/ticket-actions.js';
import { RatingPanel, SnapshotPanel, TicketFacts } from '../components/ticket/ticket-facts.js';
import { TicketHistory } from '../components/ticket/ticket-history.js';
import { WorkPanel } from '../components/ticket/work-panel.js';
import { SlaTimer } from '../components/tickets/sla-timer.js';
import { PriorityBadge, TicketStatusBadge, lineLabel } from '../components/tickets/ticket-badges.js';
import { t } from '../i18n/index.js';
import { useLiveEvent, useResync } from '../state/live.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';
import '../styles/ticket.css';

export function TicketPage(props: { id: string }) {
  const id = Number(props.id);
  const user = session.value.kind === 'signedIn' ? session.value.user : null;
  const staff = user !== null && STAFF.includes(user.role);
  // Bumped on every change so the side panels (files, jobs) read again with the ticket.
  const [version, setVersion] = useState(0);
  const { state, reload } = useLoad(() => call(API.tickets.show, { params: { id } }), [id]);
  // Who a ticket can go to changes rarely: read once per page, not again on every live change.
  const people = useLoad(() => (staff ? call(API.tickets.assignees) : Promise.resolve([])), [staff]).state;
  const assignees = people.kind === 'ready' ? people.data : [];
  const refresh = () => {
    reload();
    setVersion((value) => value + 1);
  };
  useLiveEvent('ticket.changed', (event) => event.ticketId === id && refresh());
  useResync(refresh);
  const detail = state.kind === 'ready' ? state.data : null;
  usePageTitle(detail ? `#${id} ${detail.ticket.subject}` : t('ticket.title', { id: props.id }));

  if (!Number.isInteger(id) || id < 1) return <Failed title={t('ticket.notFound', { id: props.id })} error={null} />;
  if (state.kind === 'loading') return <Loading label={t('ticket.loading')} />;
  if (state.kind === 'failed')
    return <Failed title={t('ticket.failed', { id: props.id })} error={state.error} onRetry={reload} />;
  const data = state.data;
  const { ticket } = data;
  return (
    <section class="page ticket-page" aria-labelledby="page-heading">
      <Link href="/tickets" class="back-link">
        {t('ticket.backToQueue')}
      </Link>
      <header class="ticket-header">
        <h1 id="page-heading">
          <span class="ticket-number">#{ticket.id}</span> {ticket.subject}
        </h1>
        <div class="ticket-badges">
          <TicketStatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          <span class="badge">{lineLabel(ticket.line)}</span>
          <SlaTimer timer={ticket.sla.firstResponse} label={t('sla.firstResponse')} />
          <SlaTimer timer={ticket.sla.resolution} label={t('sla.resolution')} />
        </div>
        {staff && user && <TicketActions ticket={ticket} user={user} assignees={assignees} onChanged={refresh} />}
      </header>
      <div class="ticket-columns">
        <div class="ticket-main">
          <Conversation detail={data} />
          {staff && <Composer ticketId={ticket.id} canReply={ticket.status !== 'closed'} onSent={refresh} />}
          <TicketHistory history={data.history} />
        </div>
        <aside class="ticket-side" aria-label={t('ticket.aside')}>
          <Panel id="ticket-details" title={t('ticket.details')}>
            <TicketFacts detail={data} />
          </Panel>
          <Panel id="ticket-rating" title={t('ticket.rating')}>
            <RatingPanel detail={data} />
          </Panel>
          {data.snapshot && (
            <Panel id="ticket-snapshot" title={t('ticket.snapshot')}>
              <SnapshotPanel detail={data} />
            </Panel>
          )}
          <Panel id="ticket-files" title={t('ticket.files')}>
            <AttachmentsPanel ticketId={ticket.id} staff={staff} version={version} />
          </Panel>
          <Panel id="ticket-kb" title={t('ticket.kb')}>
            <KbPanel ticket={ticket} staff={staff} />
          </Panel>
          {staff && (
            <Panel id="ticket-work" title={t('ticket.work')}>
              <WorkPanel ticket={ticket} version={version} />
            </Panel>
          )}
        </aside>
      </div>
    </section>
  );
}
