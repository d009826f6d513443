// /kb/:id: one article, its Markdown rendered (sanitised), who wrote and last changed it, and
// the ticket it came from. Staff edit it; admins delete it, after a question.
import { useState } from 'preact/hooks';
import { ADMIN, STAFF } from '../../../protocol/api/access.js';
import type { KbArticleView } from '../../../protocol/api/knowledge.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { MarkdownView } from '../components/kb/markdown-view.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { RelativeTime } from '../components/relative-time.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';
import '../styles/kb.css';

export function KbArticlePage(props: { id: number }) {
  const { state, reload } = useLoad(() => call(API.knowledge.show, { params: { id: props.id } }), [props.id]);
  const article = state.kind === 'ready' ? state.data : null;
  const missing = state.kind === 'failed' && state.error instanceof ApiRequestError && state.error.status === 404;
  usePageTitle(article ? article.title : missing ? t('kb.notFoundTitle') : t('kb.pageTitle'));
  return (
    <section class="page kb-page" aria-labelledby="page-heading">
      <p class="back">
        <Link href="/kb" current={false}>
          <span aria-hidden="true">← </span>
          {t('kb.back')}
        </Link>
      </p>
      {state.kind === 'loading' && <Loading label={t('kb.articleLoading')} />}
      {missing && (
        <Empty title={t('kb.notFoundTitle')}>
          <h1 id="page-heading" class="visually-hidden">
            {t('kb.notFoundTitle')}
          </h1>
          <p class="state-body">{t('kb.notFoundBody', { id: props.id })}</p>
        </Empty>
      )}
      {state.kind === 'failed' && !missing && (
        <Failed title={t('kb.articleFailed')} error={state.error} onRetry={reload} />
      )}
      {article && <Article article={article} />}
    </section>
  );
}

function Article(props: { article: KbArticleView }) {
  const { article } = props;
  const user = session.value.kind === 'signedIn' ? session.value.user : null;
  const staff = !!user && STAFF.includes(user.role);
  const admin = !!user && ADMIN.includes(user.role);
  const [deleting, setDeleting] = useState(false);
  return (
    <article class="kb-article" aria-labelledby="page-heading">
      <header class="kb-article-head">
        <div class="title-block">
          <h1 id="page-heading">{article.title}</h1>
          <p class="kb-article-meta">
            <span class="badge kb-category" title={t('kb.category')}>
              {article.category}
            </span>
            <span>
              {t('kb.written', { name: article.createdBy })}, <RelativeTime iso={article.createdAt} />
            </span>
            {article.updatedBy && article.updatedAt !== article.createdAt && (
              <span>
                · {t('kb.updatedBy', { name: article.updatedBy })}, <RelativeTime iso={article.updatedAt} />
              </span>
            )}
            {article.sourceTicketId !== null && (
              <Link href={`/tickets/${article.sourceTicketId}`}>
                {t('kb.fromTicket', { id: article.sourceTicketId })}
              </Link>
            )}
          </p>
        </div>
        {staff && (
          <div class="toolbar">
            <button type="button" class="button" onClick={() => navigate(`/kb/${article.id}/edit`)}>
              {t('kb.edit')}
            </button>
            {admin && (
              <button type="button" class="button button-danger" onClick={() => setDeleting(true)}>
                {t('kb.delete')}
              </button>
            )}
          </div>
        )}
      </header>
      <MarkdownView source={article.body} id="kb-article-body" />
      {deleting && (
        <ConfirmDialog
          title={t('kb.deleteTitle')}
          question={t('kb.deleteConfirm', { title: article.title })}
          confirmLabel={t('kb.delete')}
          onConfirm={() => call(API.knowledge.remove, { params: { id: article.id } })}
          onClose={(deleted) => {
            setDeleting(false);
            if (deleted) navigate('/kb', { replace: true });
          }}
        />
      )}
    </article>
  );
}
