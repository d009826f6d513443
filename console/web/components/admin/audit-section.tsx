// The audit log: newest entries first, filtered by action (the server matches its start, e.g.
// "user." or "login") and by actor (among the entries loaded: the API has no actor filter), with
// "Show more" up to the API's limit, and "Verify chain", which checks the hash chain of the whole
// log on the server and says whether it holds or where it breaks.
import { useState } from 'preact/hooks';
import { MAX_AUDIT_LISTED, type AuditEntryView, type AuditVerdict } from '../../../../protocol/api/audit.js';
import { API, call } from '../../api.js';
import { cached, locale, t, type Locale } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/time.js';
import { useLoad } from '../../state/load.js';
import { describeError, Empty, Failed, Loading } from '../states.js';

const PAGE = 100;
/** Longer details (a settings change holds the whole before and after) are cut; the whole is the hover title. */
const DETAIL_SHOWN = 240;

const shortFormats = new Map<Locale, Intl.DateTimeFormat>();
/** Date and time on two short lines' worth, so the column stays narrow; the long form is the hover title. */
function shortDateTime(iso: string): string {
  const current = locale.value;
  const format = cached(
    shortFormats,
    current,
    () => new Intl.DateTimeFormat(current, { dateStyle: 'short', timeStyle: 'medium' }),
  );
  return format.format(new Date(iso));
}

export function AuditSection() {
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const [actor, setActor] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const { state, reload } = useLoad(
    () => call(API.audit.list, { query: { limit, ...(applied ? { action: applied } : {}) } }),
    [applied, limit],
  );
  const shown =
    state.kind === 'ready'
      ? state.data.filter((entry) => entry.actor.toLowerCase().includes(actor.trim().toLowerCase()))
      : [];
  return (
    <div class="admin-section">
      <div class="admin-section-head">
        <h2>{t('admin.audit')}</h2>
        <VerifyChain />
      </div>
      <p class="page-intro">{t('admin.auditIntro')}</p>
      <form
        class="audit-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setLimit(PAGE);
          setApplied(action.trim());
        }}
      >
        <label class="field">
          <span class="field-label">{t('admin.auditAction')}</span>
          <input
            class="input"
            value={action}
            maxLength={64}
            placeholder={t('admin.auditActionPlaceholder')}
            onInput={(event) => setAction(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t('admin.auditActor')}</span>
          <input class="input" value={actor} onInput={(event) => setActor(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button">
          {t('admin.auditApply')}
        </button>
        <button type="button" class="button button-quiet" onClick={reload}>
          {t('common.refresh')}
        </button>
      </form>
      {state.kind === 'loading' && <Loading label={t('common.loading')} />}
      {state.kind === 'failed' && <Failed title={t('admin.loadFailed')} error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && shown.length === 0 && <Empty title={t('admin.auditEmpty')} />}
      {state.kind === 'ready' && shown.length > 0 && <AuditTable entries={shown} />}
      {state.kind === 'ready' && state.data.length === limit && limit < MAX_AUDIT_LISTED && (
        <button
          type="button"
          class="button audit-more"
          onClick={() => setLimit(Math.min(limit + PAGE * 4, MAX_AUDIT_LISTED))}
        >
          {t('admin.auditMore')}
        </button>
      )}
    </div>
  );
}

function AuditTable(props: { entries: AuditEntryView[] }) {
  return (
    <div class="table-scroll">
      <table class="table table-compact wrap-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.colSeq')}</th>
            <th scope="col">{t('admin.colTime')}</th>
            <th scope="col">{t('admin.colActor')}</th>
            <th scope="col">{t('admin.colAction')}</th>
            <th scope="col">{t('admin.colTarget')}</th>
            <th scope="col">{t('admin.colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => {
            const detail = detailText(entry.detail);
            return (
              <tr key={entry.seq} data-seq={entry.seq}>
                <td>{entry.seq}</td>
                <td class="audit-time" title={formatDateTime(entry.at)}>
                  {shortDateTime(entry.at)}
                </td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.target ?? ''}</td>
                <td class="audit-detail" title={detail.length > DETAIL_SHOWN ? detail : undefined}>
                  {detail.length > DETAIL_SHOWN ? `${detail.slice(0, DETAIL_SHOWN - 1)}…` : detail}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The detail as the CLI shows it: JSON text (rendered as text, never as markup). */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

function VerifyChain() {
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      setVerdict(await call(API.audit.verify));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="verify">
      <span role="status" class={`verify-result${verdict && !verdict.ok ? ' verify-broken' : ''}`}>
        {verdict?.ok && t('admin.verifyOk', { count: verdict.entries })}
        {verdict && !verdict.ok && t('admin.verifyBroken', { seq: verdict.brokenAt })}
        {error}
      </span>
      <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void verify()}>
        {busy ? t('common.working') : t('admin.verify')}
      </button>
    </div>
  );
}
