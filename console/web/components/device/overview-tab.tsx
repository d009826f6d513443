// The device's overview: its record on the server, its operating system, its network
// interfaces and who is signed in on it now.
import type { DeviceView } from '../../../../protocol/api/devices.js';
import type { InventoryData } from '../../../../protocol/messages/inventory.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';
import { osLabel } from '../../state/fleet.js';
import { OnlineBadge, StatusBadge } from '../badges.js';
import { RelativeTime } from '../relative-time.js';
import { Empty } from '../states.js';
import { Fact, Facts, Panel } from './facts.js';

export function OverviewTab(props: { device: DeviceView; inventory: Partial<InventoryData> }) {
  const { device, inventory } = props;
  const os = inventory.os;
  const interfaces = (inventory.network ?? []).filter((entry) => !entry.virtual || entry.default);
  return (
    <div class="panels">
      <Panel id="summary" title={t('device.summary')}>
        <Facts>
          <Fact label={t('device.group')}>{device.group}</Fact>
          <Fact label={t('device.status')}>
            <StatusBadge status={device.status} />
          </Fact>
          {device.statusReason && <Fact label={t('device.statusReason')}>{device.statusReason}</Fact>}
          <Fact label={t('device.online')}>
            <OnlineBadge online={device.online} />
          </Fact>
          <Fact label={t('device.lastSeen')}>
            <RelativeTime iso={device.lastSeenAt} />
          </Fact>
          <Fact label={t('device.agentVersion')}>{device.agentVersion}</Fact>
          <Fact label={t('device.enrolledAt')}>{formatDateTime(device.enrolledAt)}</Fact>
          <Fact label={t('device.id')}>
            <code>{device.id}</code>
          </Fact>
          <Fact label={t('device.fingerprint')}>
            <code class="wrap">{device.fingerprint}</code>
          </Fact>
        </Facts>
      </Panel>
      <Panel id="os" title={t('device.os')}>
        <Facts>
          <Fact label={t('inv.osName')}>{os ? `${os.distro} ${os.release}`.trim() : osLabel(device)}</Fact>
          <Fact label={t('inv.kernel')}>{os?.kernel}</Fact>
          <Fact label={t('device.arch')}>{os?.arch ?? device.arch}</Fact>
          <Fact label={t('inv.hostname')}>{os?.hostname}</Fact>
          <Fact label={t('inv.bootTime')}>{os?.bootTime ? <RelativeTime iso={os.bootTime} /> : null}</Fact>
        </Facts>
      </Panel>
      <Panel id="network" title={t('inv.network')}>
        {interfaces.length === 0 ? (
          <Empty title={t('inv.noData')} />
        ) : (
          <table class="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('inv.iface')}</th>
                <th scope="col">{t('inv.ip4')}</th>
                <th scope="col">{t('inv.mac')}</th>
                <th scope="col">{t('inv.speed')}</th>
              </tr>
            </thead>
            <tbody>
              {interfaces.map((entry) => (
                <tr key={entry.iface}>
                  <td>
                    {entry.iface}
                    {entry.default && <span class="tag tag-inline">{t('inv.default')}</span>}
                  </td>
                  <td>{entry.ip4 || '—'}</td>
                  <td>
                    <code>{entry.mac || '—'}</code>
                  </td>
                  <td>{entry.speedMbps ? t('inv.mbps', { value: entry.speedMbps }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel id="signed-in" title={t('inv.signedIn')}>
        {(inventory.users?.loggedIn ?? []).length === 0 ? (
          <p class="muted">{t('inv.nobodySignedIn')}</p>
        ) : (
          <ul class="plain-list">
            {inventory.users!.loggedIn.map((entry) => (
              <li key={`${entry.user}-${entry.terminal}`}>
                <strong>{entry.user}</strong> <span class="muted">{entry.terminal}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
