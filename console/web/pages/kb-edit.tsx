// /kb/new and /kb/:id/edit: an article's title, category and Markdown with its live preview.
// Saving goes back to the article. Staff only, as the API: a viewer is told so.
import { STAFF } from '../../../protocol/api/access.js';
import type { KbArticleView } from '../../../protocol/api/knowledge.js';
import { API, call } from '../api.js';
import { ArticleForm } from '../components/kb/article-form.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';
import '../styles/kb.css';

export function KbEditPage(props: { id?: number }) {
  const title = props.id === undefined ? t('kb.newTitle') : t('kb.editTitle');
  usePageTitle(title);
  const state = session.value;
  const staff = state.kind === 'signedIn' && STAFF.includes(state.user.role);
  const back = props.id === undefined ? '/kb' : `/kb/${props.id}`;
  return (
    <section class="page kb-page" aria-labelledby="page-heading">
      <p class="back">
        <Link href={back} current={false}>
          <span aria-hidden="true">← </span>
          {t('kb.back')}
        </Link>
      </p>
      <h1 id="page-heading">{title}</h1>
      {!staff && <Empty title={t('kb.notAllowed')} />}
      {staff && props.id === undefined && <ArticleForm article={null} />}
      {staff && props.id !== undefined && <EditExisting key={props.id} id={props.id} />}
    </section>
  );
}

function EditExisting(props: { id: number }) {
  const { state, reload } = useLoad(() => call(API.knowledge.show, { params: { id: props.id } }), [props.id]);
  if (state.kind === 'loading') return <Loading label={t('kb.articleLoading')} />;
  if (state.kind === 'failed') return <Failed title={t('kb.articleFailed')} error={state.error} onRetry={reload} />;
  const article: KbArticleView = state.data;
  return <ArticleForm article={article} />;
}
