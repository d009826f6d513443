// A request that came by phone, in person or by chat, written down as a ticket: who asked (an
// employee signed in on a PC, or a name typed), the PC (searched by name), the channel, the
// category, and impact × urgency. Picking a signed-in employee picks their PC too, so the ticket
// also shows in that PC's tray for them to follow and rate.
import { useMemo, useState } from 'preact/hooks';
import { TICKET_CHANNELS, type CreateTicketRequest, type TicketChannel } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { navigate } from '../../state/router.js';
import { ActionDialog, FormProblem } from '../ticket/action-dialog.js';
import { lineLabel, sourceLabel } from './ticket-badges.js';

const LEVELS = ['1', '2', '3', '4', '5'];

export function NewTicketDialog(props: { onClose: () => void }) {
  const people = useLoad(() => Promise.all([call(API.tickets.requesters), call(API.devices.list)]), []).state;
  const [requesters, devices] = people.kind === 'ready' ? people.data : [[], []];
  const [subject, setSubject] = useState('');
  const [requester, setRequester] = useState('');
  const [pc, setPc] = useState('');
  const [channel, setChannel] = useState<TicketChannel>('phone');
  const [category, setCategory] = useState('general');
  const [impact, setImpact] = useState('3');
  const [urgency, setUrgency] = useState('3');
  const [line, setLine] = useState('1');
  const active = useMemo(() => devices.filter((device) => device.status === 'active'), [devices]);
  const pickRequester = (value: string) => {
    setRequester(value);
    const known = requesters.find((entry) => entry.name === value);
    if (known) setPc(known.deviceName);
  };
  const submit = async (description: string) => {
    if (!subject.trim()) throw new FormProblem(t('newTicket.subjectNeeded'));
    const device = active.find((entry) => entry.name === pc.trim() || entry.id === pc.trim());
    if (pc.trim() && !device) throw new FormProblem(t('newTicket.noSuchPc', { pc: pc.trim() }));
    const body: CreateTicketRequest = {
      subject: subject.trim(),
      description,
      channel,
      category: category.trim().toLowerCase() || 'general',
      impact: Number(impact),
      urgency: Number(urgency),
      line: Number(line) as 1 | 2 | 3,
      ...(requester.trim() ? { requester: requester.trim() } : {}),
      ...(device ? { deviceId: device.id } : {}),
    };
    const ticket = await call(API.tickets.create, { body });
    navigate(`/tickets/${ticket.id}`);
  };
  const select = (id: string, label: string, value: string, set: (value: string) => void, options: string[][]) => (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => set(event.currentTarget.value)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <ActionDialog
      title={t('tickets.new')}
      textLabel={t('newTicket.description')}
      textLast
      wide
      submitLabel={t('newTicket.create')}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <div class="field">
        <label class="field-label" for="new-subject">
          {t('newTicket.subject')}
        </label>
        <input
          id="new-subject"
          value={subject}
          maxLength={200}
          onInput={(event) => setSubject(event.currentTarget.value)}
        />
      </div>
      <div class="form-grid">
        <div class="field">
          <label class="field-label" for="new-requester">
            {t('newTicket.requester')}
          </label>
          <input
            id="new-requester"
            list="new-requester-list"
            value={requester}
            maxLength={200}
            onInput={(event) => pickRequester(event.currentTarget.value)}
          />
          <datalist id="new-requester-list">
            {requesters.map((entry) => (
              <option key={entry.name} value={entry.name} />
            ))}
          </datalist>
          <span class="field-hint">{t('newTicket.requesterHint')}</span>
        </div>
        <div class="field">
          <label class="field-label" for="new-pc">
            {t('newTicket.pc')}
          </label>
          <input
            id="new-pc"
            list="new-pc-list"
            value={pc}
            maxLength={200}
            onInput={(event) => setPc(event.currentTarget.value)}
          />
          <datalist id="new-pc-list">
            {active.map((device) => (
              <option key={device.id} value={device.name}>
                {device.group}
              </option>
            ))}
          </datalist>
        </div>
        {select(
          'new-channel',
          t('newTicket.channel'),
          channel,
          (value) => setChannel(value as TicketChannel),
          TICKET_CHANNELS.map((value) => [value, sourceLabel(value)]),
        )}
        <div class="field">
          <label class="field-label" for="new-category">
            {t('newTicket.category')}
          </label>
          <input
            id="new-category"
            value={category}
            maxLength={64}
            onInput={(event) => setCategory(event.currentTarget.value)}
          />
        </div>
        {select(
          'new-impact',
          t('ticket.impact'),
          impact,
          setImpact,
          LEVELS.map((value) => [value, value]),
        )}
        {select(
          'new-urgency',
          t('ticket.urgency'),
          urgency,
          setUrgency,
          LEVELS.map((value) => [value, value]),
        )}
        {select(
          'new-line',
          t('newTicket.line'),
          line,
          setLine,
          ['1', '2', '3'].map((value) => [value, lineLabel(Number(value))]),
        )}
      </div>
      <p class="field-hint">{t('ticket.priorityFollows')}</p>
    </ActionDialog>
  );
}
