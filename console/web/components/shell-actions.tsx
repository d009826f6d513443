// The device page's "Open shell" button: staff only (viewers never get a shell, so they are not
// offered one), and usable only while the PC is active and online; otherwise it says why not.
// An optional ticket number links the session to a ticket (the server notes it there at the end).
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../protocol/api/devices.js';
import { STAFF } from '../../../protocol/api/access.js';
import { t } from '../i18n/index.js';
import '../styles/terminal.css';
import { statusLabel } from '../i18n/labels.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';

export const shellPath = (deviceId: string, ticket?: number) =>
  `/devices/${encodeURIComponent(deviceId)}/shell${ticket === undefined ? '' : `?ticket=${ticket}`}`;

/** '' is no ticket; anything else must be a ticket number (a whole number from 1). */
function parseTicket(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^#?\d{1,9}$/.test(trimmed) && Number(trimmed.replace('#', '')) > 0 ? Number(trimmed.replace('#', '')) : null;
}

export function ShellActions(props: { device: Pick<DeviceView, 'id' | 'status' | 'online'> }) {
  const { device } = props;
  const [ticket, setTicket] = useState('');
  const [invalid, setInvalid] = useState(false);
  const state = session.value;
  if (state.kind !== 'signedIn' || !STAFF.includes(state.user.role)) return null;
  const why =
    device.status !== 'active'
      ? t('shell.notActive', { status: statusLabel(device.status) })
      : !device.online
        ? t('shell.offline')
        : null;
  const open = (event: Event) => {
    event.preventDefault();
    const number = parseTicket(ticket);
    setInvalid(number === null);
    if (number !== null) navigate(shellPath(device.id, number));
  };
  const described = [why ? 'shell-unavailable' : null, invalid ? 'shell-ticket-error' : null].filter(Boolean);
  return (
    <form class="shell-actions" onSubmit={open} noValidate>
      <label class="shell-ticket">
        <span>{t('shell.ticket')}</span>
        <input
          type="text"
          inputMode="numeric"
          class="input shell-ticket-input"
          value={ticket}
          disabled={why !== null}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'shell-ticket-error' : undefined}
          onInput={(event) => setTicket(event.currentTarget.value)}
        />
      </label>
      <button
        type="submit"
        class="button button-primary"
        disabled={why !== null}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
      >
        {t('shell.open')}
      </button>
      {invalid && (
        <p id="shell-ticket-error" class="field-error" role="alert">
          {t('shell.ticketInvalid')}
        </p>
      )}
      {why && (
        <p id="shell-unavailable" class="muted shell-unavailable">
          {why}
        </p>
      )}
    </form>
  );
}
