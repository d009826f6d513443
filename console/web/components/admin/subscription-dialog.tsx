// Adding a notification subscription: the channel (e-mail or webhook) and where it goes, whose it
// is (a user, or the team when none), which ticket events, and the optional device-group and
// support-line filters. The server's refusal shows next to the field it names.
import { useState } from 'preact/hooks';
import {
  TICKET_EVENT_KINDS,
  type CreateSubscriptionRequest,
  type NotificationChannel,
  type TicketEventKind,
} from '../../../../protocol/api/notifications.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { Modal } from '../modal.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';

const KIND_WORDS: Record<TicketEventKind, MessageKey> = {
  'ticket.created': 'admin.kindCreated',
  'ticket.assigned': 'admin.kindAssigned',
  'ticket.escalated': 'admin.kindEscalated',
  'sla.warning': 'admin.kindSlaWarning',
  'sla.breach': 'admin.kindSlaBreach',
  'ticket.resolved': 'admin.kindResolved',
};
export const eventKindLabel = (kind: TicketEventKind): string => t(KIND_WORDS[kind]);

type Errors = Partial<Record<'target' | 'user' | 'kinds' | 'deviceGroup' | 'form', string>>;

export function SubscriptionDialog(props: { onClose: (added: boolean) => void }) {
  const [channel, setChannel] = useState<NotificationChannel>('webhook');
  const [target, setTarget] = useState('');
  const [user, setUser] = useState('');
  const [kinds, setKinds] = useState<TicketEventKind[]>(['ticket.created', 'sla.breach']);
  const [deviceGroup, setDeviceGroup] = useState('');
  const [line, setLine] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (kinds.length === 0) return setErrors({ kinds: t('admin.kindsNone') });
    const body: CreateSubscriptionRequest = {
      channel,
      kinds: TICKET_EVENT_KINDS.filter((kind) => kinds.includes(kind)),
      ...(target.trim() ? { target: target.trim() } : {}),
      ...(user.trim() ? { user: user.trim() } : {}),
      ...(deviceGroup.trim() ? { deviceGroup: deviceGroup.trim() } : {}),
      ...(line ? { line: Number(line) as 1 | 2 | 3 } : {}),
    };
    setSaving(true);
    try {
      await call(API.notifications.createSubscription, { body });
      props.onClose(true);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? failure.message : describeError(failure);
      setErrors({ [failure instanceof ApiRequestError ? fieldOf(message) : 'form']: message });
      setSaving(false);
    }
  };

  return (
    <Modal title={t('admin.subscriptionAdd')} onClose={() => props.onClose(false)} wide>
      <form class="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <div class="form-row">
          <Field id="subscription-channel" label={t('admin.channel')}>
            <select
              id="subscription-channel"
              class="input"
              value={channel}
              onChange={(event) => setChannel(event.currentTarget.value as NotificationChannel)}
            >
              <option value="webhook">{t('admin.channelWebhook')}</option>
              <option value="email">{t('admin.channelEmail')}</option>
            </select>
          </Field>
          <Field
            id="subscription-target"
            label={t(channel === 'webhook' ? 'admin.targetUrl' : 'admin.targetEmail')}
            hint={t(channel === 'webhook' ? 'admin.targetUrlHint' : 'admin.targetEmailHint')}
            error={errors.target}
          >
            <input
              id="subscription-target"
              class="input input-wide"
              autoComplete="off"
              spellcheck={false}
              value={target}
              onInput={(event) => setTarget(event.currentTarget.value)}
            />
          </Field>
        </div>
        <fieldset class={`form-fieldset${errors.kinds ? ' field-invalid' : ''}`}>
          <legend>{t('admin.kinds')}</legend>
          <div class="check-grid">
            {TICKET_EVENT_KINDS.map((kind) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={(event) =>
                    setKinds(event.currentTarget.checked ? [...kinds, kind] : kinds.filter((each) => each !== kind))
                  }
                />
                {eventKindLabel(kind)}
              </label>
            ))}
          </div>
          <FieldError id="subscription-kinds-error" message={errors.kinds} />
        </fieldset>
        <div class="form-grid">
          <Field
            id="subscription-user"
            label={t('admin.subscriptionUser')}
            hint={t('admin.subscriptionUserHint')}
            error={errors.user}
          >
            <input
              id="subscription-user"
              class="input"
              autoComplete="off"
              value={user}
              onInput={(event) => setUser(event.currentTarget.value)}
            />
          </Field>
          <Field id="subscription-group" label={t('admin.subscriptionGroup')} error={errors.deviceGroup}>
            <input
              id="subscription-group"
              class="input"
              autoComplete="off"
              value={deviceGroup}
              onInput={(event) => setDeviceGroup(event.currentTarget.value)}
            />
          </Field>
          <Field id="subscription-line" label={t('admin.subscriptionLine')}>
            <select
              id="subscription-line"
              class="input"
              value={line}
              onChange={(event) => setLine(event.currentTarget.value)}
            >
              <option value="">{t('admin.anyLine')}</option>
              {[1, 2, 3].map((each) => (
                <option key={each} value={String(each)}>
                  {t('admin.lineNumber', { line: each })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <FieldError id="subscription-form-error" message={errors.form} />
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? t('common.working') : t('admin.subscriptionAdd')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Which field a refusal is about, from the words and body paths the server uses. */
function fieldOf(message: string): keyof Errors {
  if (/device group|deviceGroup/i.test(message)) return 'deviceGroup';
  if (/target|webhook|e-mail|address|url/i.test(message)) return 'target';
  if (/\buser\b/i.test(message)) return 'user';
  if (/kinds/i.test(message)) return 'kinds';
  return 'form';
}
