// The administration sections as links (each its own address), the current one marked for
// screen readers with aria-current.
import { t, type MessageKey } from '../../i18n/index.js';
import { ADMIN_SECTIONS } from '../../state/admin-sections.js';
import type { AdminSection } from '../../state/admin-sections.js';
import { Link } from '../link.js';

export const SECTION_TITLES: Record<AdminSection, MessageKey> = {
  enrollment: 'admin.enrollment',
  devices: 'admin.pendingDevices',
  users: 'admin.users',
  'help-desk': 'admin.helpDesk',
  notifications: 'admin.notifications',
  audit: 'admin.audit',
};

export function AdminNav(props: { current: AdminSection }) {
  return (
    <nav class="tabs admin-nav" aria-label={t('admin.sections')}>
      {ADMIN_SECTIONS.map((section) => (
        <Link key={section} href={`/admin/${section}`} class="tab" current={section === props.current}>
          {t(SECTION_TITLES[section])}
        </Link>
      ))}
    </nav>
  );
}
