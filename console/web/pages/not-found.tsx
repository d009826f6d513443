// Any address the console has no page for.
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { t } from '../i18n/index.js';

export function NotFoundPage(props: { path: string }) {
  usePageTitle(t('notFound.pageTitle'));
  return (
    <section class="page" aria-labelledby="page-heading">
      <div class="state state-empty">
        <h1 id="page-heading" class="state-title">
          {t('notFound.pageTitle')}
        </h1>
        <p class="state-body">{t('notFound.body', { path: props.path })}</p>
        <Link href="/devices" class="button" current={false}>
          {t('notFound.home')}
        </Link>
      </div>
    </section>
  );
}
