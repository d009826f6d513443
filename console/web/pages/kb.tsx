// /kb: the knowledge base searched with the server's full-text index (best match first), or the
// most recently updated articles while the box is empty. The words stay in the address (?q=), so
// coming back from an article finds the same results. Everyone reads; staff write.
import { useEffect, useState } from 'preact/hooks';
import { STAFF } from '../../../protocol/api/access.js';
import { KB_QUERY_MAX_CHARS } from '../../../protocol/api/knowledge.js';
import { API, call } from '../api.js';
import { KbResults } from '../components/kb/kb-results.js';
import { usePageTitle } from '../components/page-title.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useDebounced } from '../state/debounced.js';
import { useLoad } from '../state/load.js';
import { navigate } from '../state/router.js';
import { session } from '../state/session.js';
import '../styles/kb.css';

const PAUSE_MS = 250;

export function KbPage() {
  usePageTitle(t('kb.pageTitle'));
  const state = session.value;
  const staff = state.kind === 'signedIn' && STAFF.includes(state.user.role);
  const [typed, setTyped] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const query = useDebounced(typed.trim(), PAUSE_MS);
  useEffect(() => {
    history.replaceState(null, '', query ? `/kb?q=${encodeURIComponent(query)}` : '/kb');
  }, [query]);
  const { state: hits, reload } = useLoad(
    () => call(API.knowledge.search, { query: query ? { q: query } : {} }),
    [query],
  );

  return (
    <section class="page kb-page" aria-labelledby="page-heading">
      <header class="page-header">
        <h1 id="page-heading">{t('kb.pageTitle')}</h1>
        <div class="toolbar">
          <input
            class="search"
            type="search"
            aria-label={t('kb.search')}
            placeholder={t('kb.searchPlaceholder')}
            maxLength={KB_QUERY_MAX_CHARS}
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          {staff && (
            <button type="button" class="button button-primary" onClick={() => navigate('/kb/new')}>
              {t('kb.write')}
            </button>
          )}
        </div>
      </header>
      <p class="page-intro">{t('kb.intro')}</p>
      {hits.kind === 'loading' && <Loading label={t('kb.loading')} />}
      {hits.kind === 'failed' && <Failed title={t('kb.failed')} error={hits.error} onRetry={reload} />}
      {hits.kind === 'ready' && hits.data.length === 0 && (
        <Empty title={query ? t('kb.noMatch', { query }) : t('kb.empty')}>
          <p class="state-body">{query ? t('kb.noMatchHint') : t('kb.emptyHint')}</p>
        </Empty>
      )}
      {hits.kind === 'ready' && hits.data.length > 0 && (
        <KbResults hits={hits.data} heading={query ? t('kb.matches', { count: hits.data.length }) : t('kb.recent')} />
      )}
    </section>
  );
}
