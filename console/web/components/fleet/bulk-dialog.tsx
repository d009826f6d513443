// One bulk action, confirmed before it runs: what it will do, to how many devices and to which
// (the first few by name), then what happened to each. Nothing runs until the confirm button.
import { useState } from 'preact/hooks';
import type { FleetRow } from '../../../../protocol/api/fleet.js';
import { API, call } from '../../api.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { runBulk, type BulkInput, type BulkKind, type DeviceOutcome } from '../../state/fleet-bulk.js';
import { useLoad } from '../../state/load.js';
import { Modal } from '../modal.js';

const NAMED = 5;

const TITLES: Record<BulkKind, MessageKey> = {
  run: 'fleet.bulkRun',
  move: 'fleet.bulkMove',
  addTag: 'fleet.bulkAddTag',
  removeTag: 'fleet.bulkRemoveTag',
  approve: 'fleet.bulkApprove',
  revoke: 'fleet.bulkRevoke',
};
const CONFIRMS: Record<BulkKind, MessageKey> = {
  run: 'fleet.confirmRun',
  move: 'fleet.confirmMove',
  addTag: 'fleet.confirmAddTag',
  removeTag: 'fleet.confirmRemoveTag',
  approve: 'fleet.confirmApprove',
  revoke: 'fleet.confirmRevoke',
};

export function BulkDialog(props: { kind: BulkKind; rows: FleetRow[]; onClose: (changed: boolean) => void }) {
  const [input, setInput] = useState<BulkInput>({ kind: props.kind });
  const [outcomes, setOutcomes] = useState<DeviceOutcome[] | null>(null);
  const [running, setRunning] = useState(false);
  const names = new Map(props.rows.map((row) => [row.device.id, row.device.name]));
  const count = props.rows.length;
  const shown = props.rows.slice(0, NAMED).map((row) => row.device.name);
  const more = count - shown.length;
  const ready =
    (props.kind !== 'run' || Boolean(input.script)) &&
    (props.kind !== 'move' || Boolean(input.group?.trim())) &&
    ((props.kind !== 'addTag' && props.kind !== 'removeTag') || Boolean(input.tag?.trim()));

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!ready || running) return;
    setRunning(true);
    const trimmed = { ...input, group: input.group?.trim(), tag: input.tag?.trim(), reason: input.reason?.trim() };
    setOutcomes(
      await runBulk(
        trimmed,
        props.rows.map((row) => row.device.id),
      ),
    );
    setRunning(false);
  };

  if (outcomes) {
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    return (
      <Modal title={t(TITLES[props.kind])} onClose={() => props.onClose(true)} wide>
        <p class="modal-text" role="status">
          {t('fleet.outcomeSummary', { count: outcomes.length - failed, failed })}
        </p>
        <ul class="outcome-list" aria-label={t('fleet.outcomes')}>
          {outcomes.map((outcome) => (
            <li key={outcome.deviceId} class={outcome.ok ? 'outcome-ok' : 'outcome-failed'}>
              <span class="outcome-name">{names.get(outcome.deviceId) ?? outcome.deviceId}</span>
              <span class="outcome-result">
                {outcome.ok
                  ? t(props.kind === 'run' ? 'fleet.outcomeQueued' : 'fleet.outcomeDone')
                  : (outcome.message ?? t('fleet.outcomeNotQueued'))}
              </span>
            </li>
          ))}
        </ul>
        <div class="modal-actions">
          <button type="button" class="button button-primary" onClick={() => props.onClose(true)}>
            {t('fleet.close')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t(TITLES[props.kind])} onClose={() => props.onClose(false)} wide>
      <form onSubmit={(event) => void confirm(event)}>
        <BulkFields input={input} onInput={setInput} />
        <p class="modal-text">
          {t(CONFIRMS[props.kind], {
            count,
            script: input.script ?? '',
            group: input.group?.trim() ?? '',
            tag: input.tag?.trim() ?? '',
          })}
        </p>
        <p class="modal-devices">
          {more > 0 ? t('fleet.namedAndMore', { names: shown.join(', '), count: more }) : shown.join(', ')}
        </p>
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => props.onClose(false)}>
            {t('fleet.cancel')}
          </button>
          <button
            type="submit"
            class={`button ${props.kind === 'revoke' ? 'button-danger' : 'button-primary'}`}
            disabled={!ready || running}
            aria-busy={running}
          >
            {t(running ? 'fleet.working' : TITLES[props.kind])}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The one thing each action needs to know, if any. */
function BulkFields(props: { input: BulkInput; onInput: (input: BulkInput) => void }) {
  const { input, onInput } = props;
  switch (input.kind) {
    case 'run':
      return <ScriptPicker value={input.script ?? ''} onChange={(script) => onInput({ ...input, script })} />;
    case 'move':
      return (
        <TextField
          label={t('fleet.groupField')}
          value={input.group ?? ''}
          onChange={(group) => onInput({ ...input, group })}
        />
      );
    case 'addTag':
    case 'removeTag':
      return (
        <TextField label={t('fleet.tagField')} value={input.tag ?? ''} onChange={(tag) => onInput({ ...input, tag })} />
      );
    case 'revoke':
      return (
        <TextField
          label={t('fleet.reasonField')}
          value={input.reason ?? ''}
          onChange={(reason) => onInput({ ...input, reason })}
        />
      );
    case 'approve':
      return null;
  }
}

function TextField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      <input
        class="input"
        type="text"
        autoComplete="off"
        value={props.value}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </label>
  );
}

function ScriptPicker(props: { value: string; onChange: (script: string) => void }) {
  const { state } = useLoad(() => call(API.scripts.list), []);
  if (state.kind === 'loading') return <p class="modal-text">{t('fleet.scriptsLoading')}</p>;
  if (state.kind === 'failed') return <p class="form-error">{t('fleet.scriptsFailed')}</p>;
  if (!state.data.length) return <p class="modal-text">{t('fleet.noScripts')}</p>;
  return (
    <label class="field">
      <span class="field-label">{t('fleet.scriptField')}</span>
      <select class="input" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{t('fleet.scriptChoose')}</option>
        {state.data.map((script) => (
          <option key={script.name} value={script.name}>
            {script.name} — {script.description}
          </option>
        ))}
      </select>
      <span class="field-hint">{t('fleet.scriptDefaults')}</span>
    </label>
  );
}
