// Installed software, searchable: what the agent's package managers (or the Windows registry,
// or macOS's applications) listed.
import type { SoftwarePackage } from '../../../../protocol/messages/inventory-items.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { Empty, Failed, Loading } from '../states.js';
import { FilteredList, type ListColumn } from './filtered-list.js';

/** In the language shown, so built per render. */
const columns = (): Array<ListColumn<SoftwarePackage>> => [
  { label: t('inv.software'), cell: (pkg) => <span title={pkg.name}>{pkg.name}</span> },
  { label: t('inv.version'), cell: (pkg) => pkg.version },
  { label: t('inv.publisher'), cell: (pkg) => pkg.publisher ?? '—' },
  { label: t('inv.source'), cell: (pkg) => pkg.source },
];

export function SoftwareTab(props: { deviceId: string }) {
  const { state, reload } = useLoad(
    () => call(API.inventory.software, { params: { id: props.deviceId } }),
    [props.deviceId],
  );
  if (state.kind === 'loading') return <Loading label={t('inv.softwareLoading')} />;
  if (state.kind === 'failed') return <Failed title={t('inv.softwareFailed')} error={state.error} onRetry={reload} />;
  if (!state.data.length) return <Empty title={t('inv.noSoftware')} />;
  return (
    <FilteredList
      id="software"
      title={t('device.tabSoftware')}
      searchLabel={t('inv.searchSoftware')}
      items={state.data}
      text={(pkg) => `${pkg.name}\n${pkg.version}\n${pkg.publisher ?? ''}\n${pkg.source}`}
      columns={columns()}
      keyOf={(pkg) => `${pkg.source}:${pkg.name}:${pkg.arch ?? ''}:${pkg.version}`}
    />
  );
}
