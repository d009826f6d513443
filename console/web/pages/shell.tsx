// /devices/:id/shell: a remote shell on one PC in xterm.js, through the same relay, policy,
// consent and recording as `helpline shell`. The status line says where the session is:
// connecting, waiting for the employee, open, ended (why, exit code) or refused (the server's words).
import { useState } from 'preact/hooks';
import { API, call } from '../api.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { recordingPath } from '../components/recordings-list.js';
import { describeError } from '../components/states.js';
import { t } from '../i18n/index.js';
import '../styles/terminal.css';
import type { ShellPhase } from '../shell/shell-socket.js';
import { useRemoteShell, type RemoteShellState } from '../shell/use-remote-shell.js';
import { useLoad } from '../state/load.js';

/** `?ticket=N` in the address links the session to a ticket (the relay checks it exists). */
function ticketInAddress(): number | undefined {
  const value = Number(new URLSearchParams(location.search).get('ticket'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function ShellPage(props: { id: string }) {
  const [attempt, setAttempt] = useState(0);
  const [ticket] = useState(ticketInAddress);
  const device = useLoad(() => call(API.devices.show, { params: { id: props.id } }), [props.id]);
  const name = device.state.kind === 'ready' ? device.state.data.name : null;
  usePageTitle(name ? t('shell.pageTitle', { name }) : t('shell.headingUnknown'));
  const shell = useRemoteShell({ deviceId: props.id, ticket, attempt });
  const finished = ['ended', 'refused', 'lost', 'failed'].includes(shell.state.kind);

  return (
    <section class="page page-fill shell-page" aria-labelledby="page-heading">
      <p class="back">
        <Link href={`/devices/${encodeURIComponent(props.id)}`} current={false}>
          <span aria-hidden="true">← </span>
          {t('shell.backToDevice')}
        </Link>
      </p>
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{name ? t('shell.heading', { name }) : t('shell.headingUnknown')}</h1>
          {ticket !== undefined && <span class="badge">{t('shell.forTicket', { ticket: String(ticket) })}</span>}
        </div>
        <div class="toolbar">
          {shell.state.kind === 'open' && (
            <button type="button" class="button" onClick={shell.end}>
              {t('shell.end')}
            </button>
          )}
          {finished && (
            <button type="button" class="button button-primary" onClick={() => setAttempt((n) => n + 1)}>
              {t('shell.reconnect')}
            </button>
          )}
        </div>
      </header>
      <ShellStatus state={shell.state} />
      <div class="terminal-frame">
        <div class="terminal-host" ref={shell.host} />
      </div>
      <p class="muted terminal-hint">{t('shell.hint')}</p>
    </section>
  );
}

function ShellStatus(props: { state: RemoteShellState }) {
  const { state } = props;
  const problem = state.kind === 'refused' || state.kind === 'lost' || state.kind === 'failed';
  const recording = (state.kind === 'ended' || state.kind === 'lost') && state.sessionId;
  return (
    <div
      class={`terminal-status terminal-status-${state.kind}`}
      role={problem ? 'alert' : 'status'}
      data-state={state.kind}
    >
      {(state.kind === 'loading' || state.kind === 'connecting' || state.kind === 'waiting') && (
        <span class="spinner spinner-small" aria-hidden="true" />
      )}
      <span>{statusText(state)}</span>
      {state.kind === 'waiting' && <span class="muted">{t('shell.agentSays', { message: state.message })}</span>}
      {recording && (
        <Link href={recordingPath(recording)} current={false}>
          {t('shell.watchRecording')}
        </Link>
      )}
    </div>
  );
}

function statusText(state: RemoteShellState): string {
  switch (state.kind) {
    case 'loading':
      return t('shell.loadingTerminal');
    case 'failed':
      return `${t('shell.terminalFailed')}: ${describeError(state.error)}`;
    default:
      return phaseText(state);
  }
}

function phaseText(phase: ShellPhase): string {
  switch (phase.kind) {
    case 'connecting':
      return t('shell.connecting');
    case 'waiting':
      return t('shell.waiting');
    case 'open':
      return t('shell.connected', { shell: phase.shell });
    case 'refused':
      return t('shell.refused', { message: phase.message });
    case 'lost':
      return t('shell.lost', { code: String(phase.code) });
    case 'ended': {
      const parts = [
        phase.reason ? t('shell.ended', { reason: phase.reason }) : null,
        phase.exitCode !== null ? t('shell.endedExit', { code: String(phase.exitCode) }) : null,
        phase.signal !== null ? t('shell.endedSignal', { signal: String(phase.signal) }) : null,
      ].filter((part) => part !== null);
      return parts.length > 0 ? parts.join(' ') : t('shell.endedPlain');
    }
  }
}
