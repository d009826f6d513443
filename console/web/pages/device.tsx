// /devices/:id and /devices/:id/:section: one PC, its header (name, status, connection, actions)
// and its sections as tabs: overview, hardware, software, services and users, inventory changes,
// health charts, and its tickets and jobs. The page follows the live stream: the device is read
// again when its record or its connection changes.
import type { DeviceView } from '../../../protocol/api/devices.js';
import { DEVICE_ID_PATTERN } from '../../../protocol/messages/common.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { OnlineBadge, StatusBadge } from '../components/badges.js';
import { ActivityTab } from '../components/device/activity-tab.js';
import { ChangesTab } from '../components/device/changes-tab.js';
import { DeviceActions } from '../components/device/device-actions.js';
import { HardwareTab } from '../components/device/hardware-tab.js';
import { HealthTab } from '../components/device/health-tab.js';
import {
  DeviceMaintenanceActions,
  DeviceMaintenanceBadge,
  useDeviceMaintenance,
} from '../components/maintenance/device-maintenance.js';
import { OverviewTab } from '../components/device/overview-tab.js';
import { ServicesTab } from '../components/device/services-tab.js';
import { SoftwareTab } from '../components/device/software-tab.js';
import { Tabs } from '../components/device/tabs.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { DeviceRecordings } from '../components/recordings-list.js';
import { ShellActions } from '../components/shell-actions.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t, type MessageKey } from '../i18n/index.js';
import { DEVICE_SECTIONS, type DeviceSection } from '../state/device-sections.js';
import { useDeviceChanges } from '../state/live.js';
import { useLoad } from '../state/load.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';

/** Ids the server could hold (the route's own pattern); anything else is not found without asking. */
const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

const SECTION_LABELS: Record<DeviceSection, MessageKey> = {
  overview: 'device.tabOverview',
  hardware: 'device.tabHardware',
  software: 'device.tabSoftware',
  services: 'device.tabServices',
  changes: 'device.tabChanges',
  health: 'device.tabHealth',
  activity: 'device.tabActivity',
};

export function DevicePage(props: { id: string; section?: DeviceSection }) {
  const { state, reload } = useLoad(
    () =>
      DEVICE_ID.test(props.id)
        ? call(API.devices.show, { params: { id: props.id } })
        : Promise.reject(notFound(props.id)),
    [props.id],
  );
  useDeviceChanges(props.id, reload);
  const device = state.kind === 'ready' ? state.data : null;
  const missing = state.kind === 'failed' && state.error instanceof ApiRequestError && state.error.status === 404;
  usePageTitle(device ? device.name : missing ? t('device.notFoundTitle') : t('devices.title'));

  return (
    <section class="page" aria-labelledby="page-heading">
      <p class="back">
        <Link href="/devices" current={false}>
          <span aria-hidden="true">← </span>
          {t('device.back')}
        </Link>
      </p>
      {state.kind === 'loading' && <Loading label={t('device.loading')} />}
      {missing && (
        <Empty title={t('device.notFoundTitle')}>
          <h1 id="page-heading" class="visually-hidden">
            {t('device.notFoundTitle')}
          </h1>
          <p class="state-body">{t('device.notFoundBody', { id: props.id })}</p>
        </Empty>
      )}
      {state.kind === 'failed' && !missing && (
        <Failed title={t('device.loadFailed')} error={state.error} onRetry={reload} />
      )}
      {device && <DeviceDetails device={device} section={props.section ?? 'overview'} onChanged={reload} />}
    </section>
  );
}

function DeviceDetails(props: { device: DeviceView; section: DeviceSection; onChanged: () => void }) {
  const { device, section } = props;
  const user = session.value.kind === 'signedIn' ? session.value.user : null;
  const inventory = useLoad(() => call(API.inventory.show, { params: { id: device.id } }), [device.id]);
  const sections = inventory.state.kind === 'ready' ? inventory.state.data.sections : {};
  const select = (next: DeviceSection) =>
    navigate(`/devices/${encodeURIComponent(device.id)}${next === 'overview' ? '' : `/${next}`}`, { replace: true });
  const needsInventory = section === 'overview' || section === 'hardware' || section === 'services';
  const maintenance = useDeviceMaintenance(device.id);

  return (
    <>
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{device.name}</h1>
          <div class="title-badges">
            <StatusBadge status={device.status} />
            <OnlineBadge online={device.online} />
            <DeviceMaintenanceBadge windows={maintenance.windows} />
          </div>
        </div>
        <div class="header-actions">
          <ShellActions device={device} />
          {user && user.role !== 'viewer' && (
            <DeviceMaintenanceActions device={device} windows={maintenance.windows} onChanged={maintenance.reload} />
          )}
          {user?.role === 'admin' && <DeviceActions device={device} onChanged={props.onChanged} />}
        </div>
      </header>
      <Tabs
        label={t('device.sections')}
        tabs={DEVICE_SECTIONS.map((key) => ({ key, label: t(SECTION_LABELS[key]) }))}
        current={section}
        onSelect={select}
      >
        {needsInventory && inventory.state.kind === 'loading' && <Loading label={t('inv.loading')} />}
        {needsInventory && inventory.state.kind === 'failed' && (
          <Failed title={t('inv.failed')} error={inventory.state.error} onRetry={inventory.reload} />
        )}
        {section === 'overview' && inventory.state.kind !== 'loading' && (
          <OverviewTab device={device} inventory={sections} />
        )}
        {section === 'hardware' && inventory.state.kind === 'ready' && <HardwareTab inventory={sections} />}
        {section === 'services' && inventory.state.kind === 'ready' && <ServicesTab inventory={sections} />}
        {section === 'software' && <SoftwareTab deviceId={device.id} />}
        {section === 'changes' && <ChangesTab deviceId={device.id} />}
        {section === 'health' && <HealthTab deviceId={device.id} />}
        {section === 'activity' && <ActivityTab deviceId={device.id} staff={user?.role !== 'viewer'} />}
        {section === 'activity' && <DeviceRecordings deviceId={device.id} />}
      </Tabs>
    </>
  );
}

function notFound(id: string): ApiRequestError {
  return new ApiRequestError(`no device ${id}`, 'not_found', 404);
}
