// Search results: each article's title (a link), category, when it last changed, and the
// server's plain-text snippet, shown as text like everything a person typed.
import type { KbSearchHit } from '../../../../protocol/api/knowledge.js';
import { t } from '../../i18n/index.js';
import { formatDateTime, formatRelative } from '../../i18n/time.js';
import { ArticleLink } from './article-link.js';

export function KbResults(props: { hits: KbSearchHit[]; heading: string }) {
  return (
    <section class="kb-results" aria-labelledby="kb-results-heading">
      <h2 id="kb-results-heading" class="kb-results-heading">
        {props.heading}
      </h2>
      <ul class="kb-hits" aria-label={t('kb.results')}>
        {props.hits.map((hit) => (
          <li key={hit.id} class="kb-hit" data-article={hit.id}>
            <div class="kb-hit-head">
              <ArticleLink id={hit.id} title={hit.title} class="kb-hit-title" />
              <span class="badge kb-category" title={t('kb.category')}>
                {hit.category}
              </span>
            </div>
            {hit.snippet && <p class="kb-snippet">{hit.snippet}</p>}
            <p class="kb-hit-meta">
              <time dateTime={hit.updatedAt} title={formatDateTime(hit.updatedAt)}>
                {t('kb.updated', { time: formatRelative(hit.updatedAt) })}
              </time>{' '}
              · {t('kb.by', { name: hit.createdBy })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
