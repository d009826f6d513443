// Whether this tab hears changes as they happen: a small word with a dot in the header. It says so
// in words too (the colour is never the only cue), and is a live region so a screen reader hears
// when the connection drops and comes back.
import { t } from '../i18n/index.js';
import { liveStatus } from '../state/live.js';

export function LiveIndicator() {
  const status = liveStatus.value;
  if (status === 'off') return null;
  const label = status === 'live' ? t('live.on') : status === 'connecting' ? t('live.connecting') : t('live.down');
  return (
    <p class={`live-indicator live-${status}`} role="status" title={t('live.hint')}>
      <span class="presence-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
