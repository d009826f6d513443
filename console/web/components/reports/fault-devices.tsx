// The devices with the most fault tickets opened in the period: where to look for root causes.
import type { KpiReport } from '../../../../protocol/api/reports.js';
import { t } from '../../i18n/index.js';
import { numberText } from './report-words.js';

export function FaultDevices(props: { devices: KpiReport['topFaultDevices'] }) {
  if (props.devices.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="table table-compact">
        <caption class="report-caption">{t('reports.topDevices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.device')}</th>
            <th scope="col">{t('reports.col.deviceGroup')}</th>
            <th scope="col">{t('reports.col.faults')}</th>
          </tr>
        </thead>
        <tbody>
          {props.devices.map((device) => (
            <tr key={device.deviceId}>
              <td>{device.deviceName}</td>
              <td>{device.group}</td>
              <td class="num">{numberText(device.faults)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
