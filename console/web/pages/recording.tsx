// /recordings/:id: one shell session's recording played back in xterm.js (asciicast v2), with
// play/pause, speed 1×/2×/4×, the position, and from the start again. Opening it is audited by
// the server (the cast download is).
import { useMemo } from 'preact/hooks';
import { CastFormatError, parseCast } from '../../../protocol/asciicast.js';
import type { RecordingView } from '../../../protocol/api/shell.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';
import { Link } from '../components/link.js';
import { usePageTitle } from '../components/page-title.js';
import { RelativeTime } from '../components/relative-time.js';
import { Empty, Failed, Loading } from '../components/states.js';
import { t } from '../i18n/index.js';
import '../styles/terminal.css';
import { PlayerControls } from '../shell/player-controls.js';
import { recordingOutcome } from '../shell/recording-format.js';
import { useCastPlayer } from '../shell/use-cast-player.js';
import { useLoad } from '../state/load.js';

const RECORDING_ID = /^sh_[a-z0-9]{16,40}$/;

interface Loaded {
  recording: RecordingView;
  /** Null while the session still runs (the server keeps its cast until it ends). */
  castText: string | null;
}

async function loadRecording(id: string): Promise<Loaded> {
  if (!RECORDING_ID.test(id)) throw new ApiRequestError(`no recording ${id}`, 'not_found', 404);
  const recording = await call(API.recordings.show, { params: { id } });
  if (recording.endedAt === null) return { recording, castText: null };
  return { recording, castText: await call(API.recordings.cast, { params: { id } }) };
}

export function RecordingPage(props: { id: string }) {
  const { state, reload } = useLoad(() => loadRecording(props.id), [props.id]);
  usePageTitle(t('player.pageTitle', { id: props.id }));
  const missing = state.kind === 'failed' && state.error instanceof ApiRequestError && state.error.status === 404;
  const loaded = state.kind === 'ready' ? state.data : null;
  return (
    <section class="page" aria-labelledby="page-heading">
      {loaded && (
        <p class="back">
          <Link href={`/devices/${encodeURIComponent(loaded.recording.deviceId)}`} current={false}>
            <span aria-hidden="true">← </span>
            {t('shell.backToDevice')}
          </Link>
        </p>
      )}
      {state.kind === 'loading' && <Loading label={t('player.loading')} />}
      {missing && (
        <Empty title={t('player.notFound', { id: props.id })}>
          <h1 id="page-heading" class="visually-hidden">
            {t('player.pageTitle', { id: props.id })}
          </h1>
        </Empty>
      )}
      {state.kind === 'failed' && !missing && (
        <Failed title={t('player.loadFailed')} error={state.error} onRetry={reload} />
      )}
      {loaded && <Recording loaded={loaded} />}
    </section>
  );
}

function Recording(props: { loaded: Loaded }) {
  const { recording, castText } = props.loaded;
  const parsed = useMemo(() => {
    if (castText === null) return null;
    try {
      return parseCast(castText, `recording ${recording.id}`);
    } catch (error) {
      if (error instanceof CastFormatError) return error;
      throw error;
    }
  }, [castText, recording.id]);
  const cast = parsed instanceof CastFormatError ? null : parsed;
  const player = useCastPlayer(cast);
  const name = recording.deviceName ?? recording.deviceId;
  return (
    <>
      <header class="page-header">
        <div class="title-block">
          <h1 id="page-heading">{t('player.heading', { name })}</h1>
        </div>
        <p class="muted recording-facts">
          {recording.technician} · <RelativeTime iso={recording.startedAt} /> · {recordingOutcome(recording)}
          {recording.inputRecorded && <> · {t('player.inputRecorded')}</>}
        </p>
      </header>
      {castText === null && <Empty title={t('player.stillRunning')} />}
      {parsed instanceof CastFormatError && (
        <div class="state state-error" role="alert">
          <p class="state-body">{t('player.badCast', { message: parsed.message })}</p>
        </div>
      )}
      {player.failed !== null && <Failed title={t('shell.terminalFailed')} error={player.failed} />}
      {cast && (
        <>
          <PlayerControls player={player.player} state={player.state} />
          <div class="terminal-frame terminal-frame-playback">
            <div class="terminal-host" ref={player.host} />
          </div>
        </>
      )}
    </>
  );
}
