// How a recording's length, size and outcome read in the console's language.
import type { RecordingView } from '../../../protocol/api/shell.js';
import { formatNumber, t } from '../i18n/index.js';

/** "42 seconds", "3 min 05 s". */
export function formatSeconds(total: number): string {
  const seconds = Math.max(0, Math.round(total));
  if (seconds < 60) return t('recordings.seconds', { count: seconds });
  return t('recordings.minutes', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') });
}

/** A playback clock: 0:07, 12:30. */
export function formatClock(total: number): string {
  const seconds = Math.max(0, Math.floor(total));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatKilobytes(bytes: number): string {
  return t('recordings.kilobytes', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
}

export function recordingDuration(recording: Pick<RecordingView, 'startedAt' | 'endedAt'>): string | null {
  if (recording.endedAt === null) return null;
  return formatSeconds((Date.parse(recording.endedAt) - Date.parse(recording.startedAt)) / 1000);
}

/** The exit code, else the server's reason (text from the server, shown as text). */
export function recordingOutcome(recording: Pick<RecordingView, 'endedAt' | 'exitCode' | 'reason'>): string {
  if (recording.endedAt === null) return t('recordings.running');
  if (recording.exitCode !== null) return t('recordings.exitCode', { code: recording.exitCode });
  return recording.reason ?? t('shell.endedPlain');
}
