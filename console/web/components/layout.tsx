// The frame of every signed-in page: the header with the product, the navigation and the user
// menu, and the page itself in <main>.
import type { ComponentChildren } from 'preact';
import { ADMIN, STAFF } from '../../../protocol/api/access.js';
import type { UserView } from '../../../protocol/api/auth.js';
import { t } from '../i18n/index.js';
import { route } from '../state/router.js';
import { Link } from './link.js';
import { LiveIndicator } from './live-indicator.js';
import { UserMenu } from './user-menu.js';

export function Layout(props: { user: UserView; children: ComponentChildren }) {
  const path = route.value;
  return (
    <div class="shell">
      <a class="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header class="topbar">
        <Link href="/devices" class="brand" current={false}>
          <span class="brand-mark" aria-hidden="true">
            H
          </span>
          <span class="brand-name">{t('app.name')}</span>
        </Link>
        <nav class="nav" aria-label={t('nav.label')}>
          <Link href="/devices" class="nav-link" current={path === '/devices' || path.startsWith('/devices/')}>
            {t('nav.devices')}
          </Link>
          <Link href="/tickets" class="nav-link" current={path === '/tickets' || path.startsWith('/tickets/')}>
            {t('nav.tickets')}
          </Link>
          <Link href="/kb" class="nav-link" current={path === '/kb' || path.startsWith('/kb/')}>
            {t('nav.kb')}
          </Link>
          {STAFF.includes(props.user.role) && (
            <Link href="/scripts" class="nav-link" current={/^\/(scripts|jobs)(\/|$)/.test(path)}>
              {t('nav.scripts')}
            </Link>
          )}
          {STAFF.includes(props.user.role) && (
            <Link href="/schedules" class="nav-link" current={path.startsWith('/schedules')}>
              {t('nav.schedules')}
            </Link>
          )}
          {STAFF.includes(props.user.role) && (
            <Link href="/checks" class="nav-link" current={path === '/checks' || path.startsWith('/checks/')}>
              {t('nav.checks')}
            </Link>
          )}
          {/* Every role: the report routes answer viewers too (reading changes nothing). */}
          <Link href="/reports" class="nav-link" current={path === '/reports'}>
            {t('nav.reports')}
          </Link>
          {ADMIN.includes(props.user.role) && (
            <Link href="/admin" class="nav-link" current={path === '/admin' || path.startsWith('/admin/')}>
              {t('nav.admin')}
            </Link>
          )}
        </nav>
        <LiveIndicator />
        <UserMenu user={props.user} />
      </header>
      <main class="content" id="content" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
