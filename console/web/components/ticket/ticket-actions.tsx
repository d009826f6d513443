// The workflow buttons of one ticket, only those its status allows and only for staff (a viewer
// sees none: the API would refuse them). Steps that need words open a dialog; the page reloads
// the ticket after each step, and the live stream tells every other open page.
import { useState } from 'preact/hooks';
import type { UserView } from '../../../../protocol/api/auth.js';
import type { AssigneeView, TicketView } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { describeError } from '../states.js';
import { ActionDialog } from './action-dialog.js';
import { AssignDialog, ClassifyDialog, EscalateDialog } from './ticket-dialogs.js';

export type TicketActionKind = 'assign' | 'pending' | 'resolve' | 'reopen' | 'escalate' | 'classify';

const OPEN = new Set(['new', 'assigned', 'in_progress', 'pending']);

export function TicketActions(props: {
  ticket: TicketView;
  user: UserView;
  assignees: AssigneeView[];
  onChanged: () => void;
}) {
  const { ticket, user } = props;
  const [dialog, setDialog] = useState<TicketActionKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const params = { params: { id: ticket.id } };
  const open = OPEN.has(ticket.status);
  /** A step with no words: done at once, its refusal shown under the buttons. */
  const now = async (step: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
      props.onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const closed = (done: boolean) => {
    setDialog(null);
    if (done) props.onChanged();
  };
  const button = (label: string, onClick: () => void, primary = false) => (
    <button type="button" class={`button${primary ? ' button-primary' : ''}`} disabled={busy} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div class="ticket-actions" role="group" aria-label={t('ticket.actions')}>
      {open &&
        ticket.assignee !== user.name &&
        button(
          t('ticket.take'),
          () => void now(() => call(API.tickets.assign, { ...params, body: { assignee: user.name } })),
          true,
        )}
      {open && button(t('ticket.assign'), () => setDialog('assign'))}
      {['new', 'assigned', 'pending'].includes(ticket.status) &&
        button(t('ticket.start'), () => void now(() => call(API.tickets.start, params)))}
      {['assigned', 'in_progress'].includes(ticket.status) && button(t('ticket.pending'), () => setDialog('pending'))}
      {open && ticket.line < 3 && button(t('ticket.escalate'), () => setDialog('escalate'))}
      {open && button(t('ticket.resolve'), () => setDialog('resolve'), ticket.assignee === user.name)}
      {ticket.status === 'resolved' && button(t('ticket.close'), () => void now(() => call(API.tickets.close, params)))}
      {ticket.status === 'resolved' && button(t('ticket.reopen'), () => setDialog('reopen'))}
      {ticket.status !== 'closed' && button(t('ticket.classify'), () => setDialog('classify'))}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {dialog === 'assign' && <AssignDialog ticket={ticket} assignees={props.assignees} onClose={closed} />}
      {dialog === 'escalate' && <EscalateDialog ticket={ticket} assignees={props.assignees} onClose={closed} />}
      {dialog === 'classify' && <ClassifyDialog ticket={ticket} onClose={closed} />}
      {dialog === 'pending' && (
        <ActionDialog
          title={t('ticket.pendingTitle', { id: ticket.id })}
          textLabel={t('ticket.pendingReason')}
          submitLabel={t('ticket.pending')}
          onSubmit={(reason) => call(API.tickets.pending, { ...params, body: reason ? { reason } : {} })}
          onClose={closed}
        />
      )}
      {dialog === 'resolve' && (
        <ActionDialog
          title={t('ticket.resolveTitle', { id: ticket.id })}
          textLabel={t('ticket.resolution')}
          textRequired
          submitLabel={t('ticket.resolveSubmit')}
          onSubmit={(resolution) => call(API.tickets.resolve, { ...params, body: { resolution } })}
          onClose={closed}
        />
      )}
      {dialog === 'reopen' && (
        <ActionDialog
          title={t('ticket.reopenTitle', { id: ticket.id })}
          textLabel={t('ticket.reopenReason')}
          textRequired
          submitLabel={t('ticket.reopenSubmit')}
          onSubmit={(reason) => call(API.tickets.reopen, { ...params, body: { reason } })}
          onClose={closed}
        />
      )}
    </div>
  );
}
