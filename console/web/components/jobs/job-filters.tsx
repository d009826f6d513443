// The jobs list's filters: status, script and device (and the run, when the list came from one).
// Choosing one changes the list at once; the address keeps them so the view can be linked to.
import type { DeviceView } from '../../../../protocol/api/devices.js';
import type { JobStatus } from '../../../../protocol/api/jobs.js';
import { t } from '../../i18n/index.js';
import { jobStatuses, NO_JOB_FILTER, type JobFilter } from '../../state/job-view.js';

export function JobFilters(props: {
  filter: JobFilter;
  scripts: readonly string[];
  devices: readonly DeviceView[];
  onChange: (filter: JobFilter) => void;
}) {
  const { filter } = props;
  const set = (patch: Partial<JobFilter>) => props.onChange({ ...filter, ...patch });
  const any = Object.values(filter).some(Boolean);
  return (
    <form class="job-filters" role="search" aria-label={t('jobs.filters')} onSubmit={(event) => event.preventDefault()}>
      <label class="field">
        <span class="field-label">{t('jobs.filterStatus')}</span>
        <select
          class="input"
          value={filter.status}
          onChange={(event) => set({ status: event.currentTarget.value as JobStatus | '' })}
        >
          <option value="">{t('jobs.filterAny')}</option>
          {jobStatuses().map((status) => (
            <option key={status} value={status}>
              {t(`jobStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('jobs.filterScript')}</span>
        <select class="input" value={filter.script} onChange={(event) => set({ script: event.currentTarget.value })}>
          <option value="">{t('jobs.filterAny')}</option>
          {props.scripts.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t('jobs.filterDevice')}</span>
        <select class="input" value={filter.device} onChange={(event) => set({ device: event.currentTarget.value })}>
          <option value="">{t('jobs.filterAny')}</option>
          {props.devices.map((device) => (
            <option key={device.id} value={device.id}>
              {device.name} ({device.group})
            </option>
          ))}
        </select>
      </label>
      {any && (
        <button type="button" class="button button-quiet" onClick={() => props.onChange(NO_JOB_FILTER)}>
          {t('jobs.clearFilters')}
        </button>
      )}
    </form>
  );
}
