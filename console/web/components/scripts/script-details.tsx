// One script version's header as the page shows it: what it is and how it runs, the parameters
// it declares (each required unless it has a default), and the versions of its variant.
import type { ScriptParam, ScriptVersionView } from '../../../../protocol/api/scripts.js';
import { formatDuration } from '../../../../protocol/duration.js';
import { formatBytes } from '../../i18n/bytes.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';
import { Fact, Facts } from '../device/facts.js';
import { RelativeTime } from '../relative-time.js';

export function ScriptFacts(props: { script: ScriptVersionView }) {
  const { script } = props;
  return (
    <Facts>
      <Fact label={t('scripts.interpreter')}>
        <code>{script.interpreter}</code>
      </Fact>
      <Fact label={t('scripts.platforms')}>{script.platforms.join(', ')}</Fact>
      <Fact label={t('scripts.timeout')}>{formatDuration(script.timeoutMs)}</Fact>
      <Fact label={t('scripts.elevation')}>{t(script.elevation ? 'scripts.elevationYes' : 'scripts.elevationNo')}</Fact>
      <Fact label={t('scripts.concurrency')}>
        {t(script.concurrent ? 'scripts.concurrentYes' : 'scripts.concurrentNo')}
      </Fact>
      <Fact label={t('scripts.size')}>{formatBytes(script.bytes)}</Fact>
      <Fact label={t('scripts.addedBy')}>{script.createdBy}</Fact>
      <Fact label={t('scripts.addedAt')}>{formatDateTime(script.createdAt)}</Fact>
      <div class="fact fact-wide">
        <dt>{t('scripts.changes')}</dt>
        <dd>{script.changes || <span class="muted">—</span>}</dd>
      </div>
    </Facts>
  );
}

export function ParamTable(props: { params: readonly ScriptParam[] }) {
  if (props.params.length === 0) return <p class="muted">{t('scripts.noParams')}</p>;
  return (
    <table class="table table-compact wrap-table params-table">
      <thead>
        <tr>
          <th scope="col">{t('scripts.paramName')}</th>
          <th scope="col">{t('scripts.paramType')}</th>
          <th scope="col">{t('scripts.paramDefault')}</th>
          <th scope="col">{t('scripts.paramDescription')}</th>
        </tr>
      </thead>
      <tbody>
        {props.params.map((param) => (
          <tr key={param.name} data-param={param.name}>
            <td>
              <code>{param.name}</code>
            </td>
            <td>{param.type}</td>
            <td>
              {param.default === null ? (
                <span class="badge badge-pending">{t('scripts.paramRequired')}</span>
              ) : (
                <code>{param.default === '' ? '""' : param.default}</code>
              )}
            </td>
            <td>{param.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VersionList(props: {
  versions: readonly ScriptVersionView[];
  shown: number;
  onShow: (version: number) => void;
}) {
  return (
    <table class="table table-compact wrap-table versions-table">
      <thead>
        <tr>
          <th scope="col">{t('scripts.colVersion')}</th>
          <th scope="col">{t('scripts.colDescription')}</th>
          <th scope="col">{t('scripts.versionHash')}</th>
          <th scope="col">{t('scripts.addedBy')}</th>
          <th scope="col">{t('scripts.addedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {[...props.versions].reverse().map((version) => (
          <tr key={version.version} class={version.version === props.shown ? 'row-selected' : undefined}>
            <td>
              <button
                type="button"
                class="button button-small"
                aria-pressed={version.version === props.shown}
                aria-label={t('scripts.showVersion', { version: version.version })}
                onClick={() => props.onShow(version.version)}
              >
                v{version.version}
              </button>
            </td>
            <td>{version.description}</td>
            <td>
              <code title={version.sha512}>{version.sha512.slice(0, 12)}</code>
            </td>
            <td>{version.createdBy}</td>
            <td>
              <RelativeTime iso={version.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
