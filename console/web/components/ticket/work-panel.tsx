// Working on the ticket's PC from the ticket: a remote shell recorded against the ticket, a
// script run tied to it (its PC chosen already), and the jobs run for it so far.
import { useState } from 'preact/hooks';
import type { ScriptVersionView } from '../../../../protocol/api/scripts.js';
import type { TicketView } from '../../../../protocol/api/tickets.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { formatRelative } from '../../i18n/time.js';
import { useLoad } from '../../state/load.js';
import { JobStatusBadge } from '../jobs/job-status.js';
import { Link } from '../link.js';
import { Modal } from '../modal.js';
import { RunDialog } from '../scripts/run-dialog.js';

export function WorkPanel(props: { ticket: TicketView; version: number }) {
  const { ticket } = props;
  const deviceId = ticket.deviceId;
  const jobs = useLoad(
    () => call(API.jobs.list, { query: { ticketId: ticket.id, limit: 50 } }),
    [ticket.id, props.version],
  ).state;
  const [picking, setPicking] = useState(false);
  const [script, setScript] = useState<ScriptVersionView | null>(null);
  return (
    <div class="work-panel">
      {deviceId ? (
        <div class="button-row">
          <Link href={`/devices/${encodeURIComponent(deviceId)}/shell?ticket=${ticket.id}`} class="button">
            {t('ticket.openShell')}
          </Link>
          <button type="button" class="button" onClick={() => setPicking(true)}>
            {t('ticket.runScript')}
          </button>
        </div>
      ) : (
        <p class="muted">{t('ticket.noDevice')}</p>
      )}
      {jobs.kind === 'ready' && jobs.data.length > 0 && (
        <ul class="plain-list">
          {jobs.data.map((job) => (
            <li key={job.id}>
              <Link href={`/jobs/${job.id}`}>{job.script}</Link> <JobStatusBadge status={job.status} />{' '}
              <span class="muted">{formatRelative(job.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {picking && deviceId && (
        <ScriptPicker
          onPick={(picked) => {
            setPicking(false);
            setScript(picked);
          }}
          onClose={() => setPicking(false)}
        />
      )}
      {script && deviceId && (
        <RunDialog script={script} forTicket={{ id: ticket.id, deviceId }} onClose={() => setScript(null)} />
      )}
    </div>
  );
}

function ScriptPicker(props: { onPick: (script: ScriptVersionView) => void; onClose: () => void }) {
  const scripts = useLoad(() => call(API.scripts.list), []).state;
  const [name, setName] = useState('');
  const list = scripts.kind === 'ready' ? scripts.data : [];
  const chosen = list.find((script) => `${script.name}:${script.platforms.join('+')}` === name) ?? list[0];
  return (
    <Modal title={t('ticket.runScript')} onClose={props.onClose}>
      <div class="field">
        <label class="field-label" for="pick-script">
          {t('ticket.script')}
        </label>
        <select id="pick-script" value={name} onChange={(event) => setName(event.currentTarget.value)}>
          {list.map((script) => (
            <option
              key={`${script.name}:${script.platforms.join('+')}`}
              value={`${script.name}:${script.platforms.join('+')}`}
            >
              {script.name} ({script.platforms.join(', ')})
            </option>
          ))}
        </select>
      </div>
      <div class="modal-actions">
        <button type="button" class="button button-quiet" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          class="button button-primary"
          disabled={!chosen}
          onClick={() => chosen && props.onPick(chosen)}
        >
          {t('ticket.next')}
        </button>
      </div>
    </Modal>
  );
}
