// A device's enrollment status and its connection, as short labels with a colour that is never
// the only cue (the word is always there).
import type { DeviceView } from '../../../protocol/api/devices.js';
import { onlineLabel, statusLabel } from '../i18n/labels.js';

export function StatusBadge(props: { status: DeviceView['status'] }) {
  return <span class={`badge badge-${props.status}`}>{statusLabel(props.status)}</span>;
}

export function OnlineBadge(props: { online: boolean }) {
  return (
    <span class={`presence ${props.online ? 'presence-online' : 'presence-offline'}`}>
      <span class="presence-dot" aria-hidden="true" />
      {onlineLabel(props.online)}
    </span>
  );
}
