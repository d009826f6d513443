// The knowledge base beside a ticket: articles linked to it, suggestions from its subject (any
// of its words, best match first) that staff can link in one click, and for a solved ticket the
// way to turn it into an article.
import { useState } from 'preact/hooks';
import type { TicketView } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { useLoad } from '../../state/load.js';
import { navigate } from '../../state/router.js';
import { ArticleLink, kbArticlePath } from '../kb/article-link.js';
import { describeError } from '../states.js';

const SUGGESTIONS = 5;

export function KbPanel(props: { ticket: TicketView; staff: boolean }) {
  const { ticket } = props;
  const { state, reload } = useLoad(
    () =>
      Promise.all([
        call(API.knowledge.links, { params: { id: ticket.id } }),
        call(API.knowledge.search, {
          query: { q: ticket.subject.slice(0, 200), anyWord: true, limit: SUGGESTIONS + 5 },
        }),
      ]),
    [ticket.id, ticket.subject],
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.kind !== 'ready') return <p class="muted">{t('common.loading')}</p>;
  const [links, hits] = state.data;
  const linked = new Set(links.map((link) => link.article.id));
  const suggestions = hits.filter((hit) => !linked.has(hit.id)).slice(0, SUGGESTIONS);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const link = (articleId: number) =>
    act(async () => {
      await call(API.knowledge.link, { params: { id: ticket.id }, body: { articleId } });
      reload();
    });
  const writeArticle = () =>
    act(async () => {
      const article = await call(API.knowledge.fromTicket, { params: { id: ticket.id }, body: {} });
      navigate(`${kbArticlePath(article.id)}/edit`);
    });
  const solved = ticket.status === 'resolved' || ticket.status === 'closed';
  return (
    <div class="kb-panel">
      {links.length === 0 && <p class="muted">{t('ticket.noArticles')}</p>}
      <ul class="plain-list">
        {links.map((entry) => (
          <li key={entry.article.id}>
            <ArticleLink id={entry.article.id} title={entry.article.title} />
          </li>
        ))}
      </ul>
      {suggestions.length > 0 && (
        <>
          <h3 class="side-subheading">{t('ticket.suggested')}</h3>
          <ul class="plain-list">
            {suggestions.map((hit) => (
              <li key={hit.id} class="suggestion">
                <ArticleLink id={hit.id} title={hit.title} />
                {props.staff && (
                  <button
                    type="button"
                    class="button button-small"
                    disabled={busy}
                    aria-label={t('ticket.linkArticleNamed', { title: hit.title })}
                    onClick={() => void link(hit.id)}
                  >
                    {t('ticket.linkArticle')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.staff && solved && (
        <button type="button" class="button" disabled={busy} onClick={() => void writeArticle()}>
          {t('ticket.articleFromTicket')}
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
