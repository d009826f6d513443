// /admin and /admin/:section: enrollment tokens, devices awaiting approval, users, help-desk
// settings, notification channels and the audit log. Admins only, as the API: anyone else who
// types the address is told politely that these pages are for administrators.
import { ADMIN } from '../../../protocol/api/access.js';
import { AdminNav, SECTION_TITLES } from '../components/admin/admin-nav.js';
import { AuditSection } from '../components/admin/audit-section.js';
import { NotificationsSection } from '../components/admin/notifications-section.js';
import { PendingDevicesSection } from '../components/admin/pending-devices-section.js';
import { SettingsSection } from '../components/admin/settings-section.js';
import { TokensSection } from '../components/admin/tokens-section.js';
import { UsersSection } from '../components/admin/users-section.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty } from '../components/states.js';
import { t } from '../i18n/index.js';
import type { AdminSection } from '../state/admin-sections.js';
import { session } from '../state/session.js';
import '../styles/admin.css';

export function AdminPage(props: { section: AdminSection }) {
  usePageTitle(`${t(SECTION_TITLES[props.section])} · ${t('admin.pageTitle')}`);
  const state = session.value;
  const admin = state.kind === 'signedIn' && ADMIN.includes(state.user.role);
  return (
    <section class="page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('admin.pageTitle')}</h1>
      </header>
      {admin ? (
        <>
          <AdminNav current={props.section} />
          <Section section={props.section} />
        </>
      ) : (
        <Empty title={t('admin.notAllowed')}>
          <p class="state-body">{t('admin.notAllowedHint')}</p>
        </Empty>
      )}
    </section>
  );
}

function Section(props: { section: AdminSection }) {
  switch (props.section) {
    case 'enrollment':
      return <TokensSection />;
    case 'devices':
      return <PendingDevicesSection />;
    case 'users':
      return <UsersSection />;
    case 'help-desk':
      return <SettingsSection />;
    case 'notifications':
      return <NotificationsSection />;
    case 'audit':
      return <AuditSection />;
  }
}
