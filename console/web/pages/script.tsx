// /scripts/:name: one script — its variants (one per set of platforms), the text of the version
// shown (as text, never markup), what its header declares, every version, and the Run button.
// ?platform= picks the variant and ?version= an older version, so either can be linked to.
import { useState } from 'preact/hooks';
import type { ScriptVersionView } from '../../../protocol/api/scripts.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { Panel } from '../components/device/facts.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { RunDialog } from '../components/scripts/run-dialog.js';
import { ParamTable, ScriptFacts, VersionList } from '../components/scripts/script-details.js';
import { isStaff, StaffOnly } from '../components/scripts/scripts-nav.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import '../styles/scripts.css';

export function ScriptPage(props: { name: string }) {
  usePageTitle(props.name);
  if (!isStaff()) return <StaffOnly title={t('scripts.pageTitle')} />;
  return <ScriptView key={props.name} name={props.name} />;
}

interface Choice {
  platform: string;
  version: number | null;
}

function choiceFromAddress(): Choice {
  const query = new URLSearchParams(location.search);
  const version = Number(query.get('version'));
  return { platform: query.get('platform') ?? '', version: Number.isInteger(version) && version > 0 ? version : null };
}

const variantKey = (script: ScriptVersionView) => script.platforms.join('+');

function ScriptView(props: { name: string }) {
  const [choice, setChoice] = useState<Choice>(choiceFromAddress);
  const [running, setRunning] = useState(false);
  const versions = useLoad(() => call(API.scripts.versions, { params: { name: props.name } }), [props.name]);
  const choose = (next: Choice) => {
    setChoice(next);
    const query = new URLSearchParams({ platform: next.platform });
    if (next.version !== null) query.set('version', String(next.version));
    // The same page: the address follows the choice without a new history entry per click.
    history.replaceState(null, '', `${location.pathname}?${query}`);
  };

  const back = (
    <p class="back">
      <Link href="/scripts" current={false}>
        <span aria-hidden="true">← </span>
        {t('scripts.back')}
      </Link>
    </p>
  );
  if (versions.state.kind !== 'ready') {
    const missing =
      versions.state.kind === 'failed' &&
      versions.state.error instanceof ApiRequestError &&
      versions.state.error.status === 404;
    return (
      <section class="page" aria-labelledby="page-heading">
        {back}
        <h1 id="page-heading">{props.name}</h1>
        {versions.state.kind === 'loading' && <Loading label={t('scripts.loadingOne')} />}
        {missing && <Empty title={t('scripts.notFound', { name: props.name })} />}
        {versions.state.kind === 'failed' && !missing && (
          <Failed title={t('scripts.failedOne')} error={versions.state.error} onRetry={versions.reload} />
        )}
      </section>
    );
  }

  const all = versions.state.data;
  const variants = [...new Set(all.map(variantKey))];
  const key = variants.find((each) => each.split('+').includes(choice.platform)) ?? variants[0]!;
  const ofVariant = all.filter((each) => variantKey(each) === key);
  const newest = ofVariant[ofVariant.length - 1]!;
  const shown = ofVariant.find((each) => each.version === choice.version) ?? newest;
  const platform = newest.platforms[0]!;

  return (
    <section class="page script-page" aria-labelledby="page-heading">
      {back}
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{props.name}</h1>
          <span class="badge badge-neutral">{t('scripts.versionBadge', { version: shown.version })}</span>
        </div>
        <div class="toolbar">
          <button type="button" class="button button-primary" onClick={() => setRunning(true)}>
            {t('scripts.run')}
          </button>
        </div>
      </header>
      <p class="page-intro">{shown.description}</p>
      {variants.length > 1 && (
        <div class="segmented" role="group" aria-label={t('scripts.variants')}>
          {variants.map((each) => (
            <button
              key={each}
              type="button"
              class="segment"
              aria-pressed={each === key}
              onClick={() => choose({ platform: each.split('+')[0]!, version: null })}
            >
              {each.split('+').join(', ')}
            </button>
          ))}
        </div>
      )}
      <div class="panels">
        <Panel id="script-body" title={t('scripts.body')}>
          <ScriptBody name={props.name} version={shown.version} platform={platform} />
        </Panel>
        <div class="panels-column">
          <Panel id="script-facts" title={t('scripts.details')}>
            <ScriptFacts script={shown} />
          </Panel>
          <Panel id="script-params" title={t('scripts.params')}>
            <ParamTable params={shown.params} />
          </Panel>
          <Panel id="script-versions" title={t('scripts.versions')}>
            <VersionList
              versions={ofVariant}
              shown={shown.version}
              onShow={(version) => choose({ platform, version: version === newest.version ? null : version })}
            />
          </Panel>
        </div>
      </div>
      {running && <RunDialog script={newest} onClose={() => setRunning(false)} />}
    </section>
  );
}

function ScriptBody(props: { name: string; version: number; platform: string }) {
  const { state, reload } = useLoad(
    () =>
      call(API.scripts.show, {
        params: { name: props.name },
        query: { version: props.version, platform: props.platform as ScriptVersionView['platforms'][number] },
      }),
    [props.name, props.version, props.platform],
  );
  if (state.kind === 'loading') return <Loading label={t('scripts.loadingBody')} />;
  if (state.kind === 'failed') return <Failed title={t('scripts.failedBody')} error={state.error} onRetry={reload} />;
  return (
    <pre class="code-block" tabIndex={0} aria-label={t('scripts.bodyOf', { name: props.name })}>
      {state.data.body}
    </pre>
  );
}
