// The ticket steps that ask more than words: to whom it goes, the next line's note (and whether
// the priority rises), and impact × urgency with the category.
import { useState } from 'preact/hooks';
import type { AssigneeView, TicketView } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { lineLabel } from '../tickets/ticket-badges.js';
import { ActionDialog } from './action-dialog.js';

const LEVELS = [1, 2, 3, 4, 5] as const;

function PersonSelect(props: {
  id: string;
  label: string;
  people: AssigneeView[];
  value: string;
  optional?: boolean;
  onPick: (name: string) => void;
}) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(event) => props.onPick(event.currentTarget.value)}>
        {props.optional && <option value="">{t('ticket.nobodyYet')}</option>}
        {props.people.map((person) => (
          <option key={person.name} value={person.name}>
            {person.line ? `${person.name} (${lineLabel(person.line)})` : person.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AssignDialog(props: {
  ticket: TicketView;
  assignees: AssigneeView[];
  onClose: (done: boolean) => void;
}) {
  const [name, setName] = useState(props.ticket.assignee ?? props.assignees[0]?.name ?? '');
  return (
    <ActionDialog
      title={t('ticket.assignTitle', { id: props.ticket.id })}
      submitLabel={t('ticket.assignSubmit')}
      onSubmit={() => call(API.tickets.assign, { params: { id: props.ticket.id }, body: { assignee: name } })}
      onClose={props.onClose}
    >
      <PersonSelect
        id="assign-to"
        label={t('ticket.assignTo')}
        people={props.assignees}
        value={name}
        onPick={setName}
      />
    </ActionDialog>
  );
}

export function EscalateDialog(props: {
  ticket: TicketView;
  assignees: AssigneeView[];
  onClose: (done: boolean) => void;
}) {
  const next = props.ticket.line + 1;
  const [raise, setRaise] = useState(false);
  const [assignee, setAssignee] = useState('');
  const nextLine = props.assignees.filter((person) => person.line === next);
  return (
    <ActionDialog
      title={t('ticket.escalateTitle', { id: props.ticket.id, line: next })}
      textLabel={t('ticket.escalateNote')}
      textRequired
      submitLabel={t('ticket.escalateTo', { line: next })}
      onSubmit={(note) =>
        call(API.tickets.escalate, {
          params: { id: props.ticket.id },
          body: { note, raisePriority: raise, ...(assignee ? { assignee } : {}) },
        })
      }
      onClose={props.onClose}
    >
      <label class="check">
        <input type="checkbox" checked={raise} onChange={(event) => setRaise(event.currentTarget.checked)} />
        {t('ticket.raisePriority')}
      </label>
      <PersonSelect
        id="escalate-to"
        label={t('ticket.escalateAssignee')}
        people={nextLine}
        value={assignee}
        optional
        onPick={setAssignee}
      />
    </ActionDialog>
  );
}

export function ClassifyDialog(props: { ticket: TicketView; onClose: (done: boolean) => void }) {
  const [impact, setImpact] = useState(props.ticket.impact);
  const [urgency, setUrgency] = useState(props.ticket.urgency);
  const [category, setCategory] = useState(props.ticket.category);
  const level = (id: string, label: string, value: number, set: (value: number) => void, words: string) => (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} value={String(value)} onChange={(event) => set(Number(event.currentTarget.value))}>
        {LEVELS.map((option) => (
          <option key={option} value={String(option)}>
            {option}
          </option>
        ))}
      </select>
      <span class="field-hint">{words}</span>
    </div>
  );
  return (
    <ActionDialog
      title={t('ticket.classifyTitle', { id: props.ticket.id })}
      submitLabel={t('ticket.save')}
      onSubmit={() =>
        call(API.tickets.classify, {
          params: { id: props.ticket.id },
          body: { impact, urgency, category: category.trim().toLowerCase() },
        })
      }
      onClose={props.onClose}
    >
      <div class="form-grid">
        {level('classify-impact', t('ticket.impact'), impact, setImpact, t('ticket.impactHint'))}
        {level('classify-urgency', t('ticket.urgency'), urgency, setUrgency, t('ticket.urgencyHint'))}
      </div>
      <p class="field-hint">{t('ticket.priorityFollows')}</p>
      <div class="field">
        <label class="field-label" for="classify-category">
          {t('ticket.category')}
        </label>
        <input
          id="classify-category"
          value={category}
          maxLength={64}
          onInput={(event) => setCategory(event.currentTarget.value)}
        />
      </div>
    </ActionDialog>
  );
}
