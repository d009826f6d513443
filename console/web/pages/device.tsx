// /devices/:id: one PC's summary. Inventory, health charts and the remote shell join it next.
import type { ComponentChildren } from 'preact';
import type { DeviceView } from '../../../protocol/api/devices.js';
import { DEVICE_ID_PATTERN } from '../../../protocol/messages/common.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { OnlineBadge, StatusBadge } from '../components/badges.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { DeviceRecordings } from '../components/recordings-list.js';
import { RelativeTime } from '../components/relative-time.js';
import { ShellActions } from '../components/shell-actions.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { formatDateTime } from '../i18n/time.js';
import { osLabel } from '../state/fleet.js';
import { useLoad } from '../state/load.js';

/** Ids the server could hold (the route's own pattern); anything else is not found without asking. */
const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

export function DevicePage(props: { id: string }) {
  const { state, reload } = useLoad(
    () =>
      DEVICE_ID.test(props.id)
        ? call(API.devices.show, { params: { id: props.id } })
        : Promise.reject(notFound(props.id)),
    [props.id],
  );
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
      {device && <DeviceSummary device={device} />}
    </section>
  );
}

function DeviceSummary(props: { device: DeviceView }) {
  const { device } = props;
  return (
    <>
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{device.name}</h1>
          <div class="title-badges">
            <StatusBadge status={device.status} />
            <OnlineBadge online={device.online} />
          </div>
        </div>
        <ShellActions device={device} />
      </header>
      <div class="panels">
        <section class="panel" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('device.summary')}</h2>
          <dl class="facts">
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
            <Fact label={t('device.os')}>{osLabel(device)}</Fact>
            <Fact label={t('device.arch')}>{device.arch}</Fact>
            <Fact label={t('device.agentVersion')}>{device.agentVersion}</Fact>
            <Fact label={t('device.enrolledAt')}>{formatDateTime(device.enrolledAt)}</Fact>
            <Fact label={t('device.id')}>
              <code>{device.id}</code>
            </Fact>
            <Fact label={t('device.fingerprint')}>
              <code class="wrap">{device.fingerprint}</code>
            </Fact>
          </dl>
        </section>
        <section class="panel panel-placeholder" aria-labelledby="more-heading">
          <h2 id="more-heading">{t('device.moreTitle')}</h2>
          <p class="muted">{t('device.moreBody')}</p>
        </section>
      </div>
      <DeviceRecordings deviceId={device.id} />
    </>
  );
}

function Fact(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function notFound(id: string): ApiRequestError {
  return new ApiRequestError(`no device ${id}`, 'not_found', 404);
}
