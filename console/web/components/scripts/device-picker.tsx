// Choosing the PCs a script runs on: a search over the fleet (name, group, platform) and a
// checkbox per device, the chosen ones kept whatever the search shows. A fleet of thousands stays
// usable: only the first matches are listed, and the search narrows them.
import { useMemo, useState } from 'preact/hooks';
import type { DeviceView } from '../../../../protocol/api/devices.js';
import { t } from '../../i18n/index.js';
import { matchesDeviceSearch } from '../../state/run-form.js';

const SHOWN_AT_MOST = 200;

export function DevicePicker(props: {
  devices: readonly DeviceView[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const matching = useMemo(
    () => props.devices.filter((device) => matchesDeviceSearch(device, query)),
    [props.devices, query],
  );
  const chosen = new Set(props.chosen);
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, id] : props.chosen.filter((each) => each !== id));
  return (
    <div class={`field device-picker${props.error ? ' field-invalid' : ''}`}>
      <label class="field-label" for="run-device-search">
        {t('run.devices')}
      </label>
      <input
        id="run-device-search"
        class="input"
        type="search"
        autoComplete="off"
        placeholder={t('run.deviceSearchPlaceholder')}
        aria-describedby="run-devices-chosen"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <ul class="device-choices" aria-label={t('run.deviceList')}>
        {matching.slice(0, SHOWN_AT_MOST).map((device) => (
          <li key={device.id}>
            <label class="device-choice">
              <input
                type="checkbox"
                checked={chosen.has(device.id)}
                onChange={(event) => toggle(device.id, event.currentTarget.checked)}
              />
              <span class="device-choice-name">{device.name}</span>
              <span class="muted">
                {device.group} · {device.platform}
              </span>
              <span class={`presence ${device.online ? 'presence-online' : 'presence-offline'}`}>
                <span class="presence-dot" aria-hidden="true" />
                {t(device.online ? 'online.online' : 'online.offline')}
              </span>
            </label>
          </li>
        ))}
        {matching.length === 0 && <li class="muted">{t('run.noDeviceMatch')}</li>}
        {matching.length > SHOWN_AT_MOST && (
          <li class="muted">{t('run.moreDevices', { count: matching.length - SHOWN_AT_MOST })}</li>
        )}
      </ul>
      <span id="run-devices-chosen" class="field-hint">
        {t('run.devicesChosen', { count: props.chosen.length })}
        {props.chosen.length > 0 && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => props.onChange([])}>
              {t('run.clearDevices')}
            </button>
          </>
        )}
      </span>
      {props.error && (
        <p id="run-target-error" class="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Active devices only: the server sends jobs to nothing else. Sorted by name. */
export const runnableDevices = (devices: readonly DeviceView[]): DeviceView[] =>
  devices.filter((device) => device.status === 'active').sort((a, b) => a.name.localeCompare(b.name));
