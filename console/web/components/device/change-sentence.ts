// One inventory change as a sentence in the reader's language, from the change's parts (section,
// item, field, old and new value) rather than the server's English `text`:
// "Memory total: 16 GB → 8 GB", "Installed firefox (dpkg) 129.0", "Network adapter eth0, IPv4 address: …".
// Items and values come from the agent: they go into the sentence as plain text (rendered as text).
import type { InventoryChangeView } from '../../../../protocol/api/inventory.js';
import { formatBytes } from '../../i18n/bytes.js';
import { t, type MessageKey } from '../../i18n/index.js';

const SECTIONS: Record<string, MessageKey> = {
  system: 'change.section.system',
  bios: 'change.section.bios',
  baseboard: 'change.section.baseboard',
  cpu: 'change.section.cpu',
  memory: 'change.section.memory',
  disks: 'change.section.disks',
  filesystems: 'change.section.filesystems',
  network: 'change.section.network',
  graphics: 'change.section.graphics',
  battery: 'change.section.battery',
  os: 'change.section.os',
  users: 'change.section.users',
  software: 'change.section.software',
  services: 'change.section.services',
};

/** Field names the agent reports, as words; a field not listed here is shown by its own name. */
const FIELDS: Record<string, MessageKey> = {
  total: 'change.field.total',
  swapTotal: 'change.field.swapTotal',
  size: 'change.field.size',
  version: 'change.field.version',
  kernel: 'change.field.kernel',
  release: 'change.field.release',
  distro: 'change.field.distro',
  hostname: 'change.field.hostname',
  bootTime: 'change.field.bootTime',
  ip4: 'change.field.ip4',
  ip6: 'change.field.ip6',
  mac: 'change.field.mac',
  speedMbps: 'change.field.speed',
  speedGHz: 'change.field.speed',
  brand: 'change.field.model',
  model: 'change.field.model',
  cores: 'change.field.cores',
  physicalCores: 'change.field.physicalCores',
  serial: 'change.field.serial',
  state: 'change.field.state',
  startup: 'change.field.startup',
  smartStatus: 'change.field.smartStatus',
  maxCapacity: 'change.field.capacity',
  cycleCount: 'change.field.cycles',
  modules: 'change.field.modules',
  controllers: 'change.field.controllers',
  displays: 'change.field.displays',
  local: 'change.field.local',
  loggedIn: 'change.field.loggedIn',
};

/** Fields that hold a size in bytes (as the CLI's describeChange knows them). */
const SIZE_FIELDS = new Set(['total', 'swapTotal', 'size']);

const sectionName = (section: string) => (SECTIONS[section] ? t(SECTIONS[section]) : section);
const fieldName = (field: string) =>
  field
    .split('.')
    .map((part) => (FIELDS[part] ? t(FIELDS[part]) : part))
    .join(' ');
const lastPart = (field: string | null) => (field ? (field.split('.').pop() ?? field) : null);

function valueText(value: string | null, field: string | null): string {
  if (value === null || value === '') return '—';
  const name = lastPart(field);
  if (name && SIZE_FIELDS.has(name) && /^\d+$/.test(value)) return formatBytes(Number(value));
  if (value === 'true') return t('inv.yes');
  if (value === 'false') return t('inv.no');
  return value;
}

function subjectOf(change: InventoryChangeView): string {
  const section = sectionName(change.section);
  const { item, field } = change;
  if (item && field) return t('change.subjectItemField', { section, item, field: fieldName(field) });
  if (item) return t('change.subjectItem', { section, item });
  if (field) return t('change.subjectField', { section, field: fieldName(field) });
  return section;
}

export function changeSentence(change: InventoryChangeView): string {
  const { kind, item, field } = change;
  // Software has its own verbs: a package is installed, uninstalled or updated.
  if (change.section === 'software' && item && !field) {
    if (kind === 'added')
      return change.newValue
        ? t('change.installed', { name: item, version: change.newValue })
        : t('change.installedNoVersion', { name: item });
    if (kind === 'removed')
      return change.oldValue
        ? t('change.uninstalled', { name: item, version: change.oldValue })
        : t('change.uninstalledNoVersion', { name: item });
  }
  if (change.section === 'software' && item && field === 'version' && kind === 'changed')
    return t('change.updated', {
      name: item,
      from: valueText(change.oldValue, field),
      to: valueText(change.newValue, field),
    });
  const subject = subjectOf(change);
  // A whole section that appeared or went away (a battery plugged in) is not spelled out value by value.
  const wholeSection = item === null && field === null;
  if (kind === 'added')
    return change.newValue && !wholeSection
      ? t('change.addedValue', { subject, value: valueText(change.newValue, field) })
      : t('change.added', { subject });
  if (kind === 'removed')
    return change.oldValue && !wholeSection
      ? t('change.removedValue', { subject, value: valueText(change.oldValue, field) })
      : t('change.removed', { subject });
  return t('change.changed', {
    subject,
    from: valueText(change.oldValue, field),
    to: valueText(change.newValue, field),
  });
}
