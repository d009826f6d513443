// Keeps a jobs view current while it shows unfinished jobs. The live stream's `job.changed`
// (status only, never output) says when to read again; reads are coalesced so a run on many PCs
// does not read once per event. While the stream is down, it polls every 2 s instead, and reads
// once more when the stream comes back (events may have been missed).
import { useEffect, useRef } from 'preact/hooks';
import { liveStatus, useLiveEvent, useResync } from './live.js';

const COALESCE_MS = 300;
const POLL_MS = 2_000;

/**
 * `watching`: whether anything shown can still change (an unfinished job, or a list that new
 * jobs may join); `concerns`: whether one event is about what is shown.
 */
export function useJobUpdates(
  reload: () => void,
  watching: boolean,
  concerns: (jobId: string, deviceId: string) => boolean = () => true,
): void {
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(reload);
  latest.current = reload;
  const soon = () => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      latest.current();
    }, COALESCE_MS);
  };
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvent('job.changed', (event) => {
    if (watching && concerns(event.jobId, event.deviceId)) soon();
  });
  useResync(() => watching && soon());
  const live = liveStatus.value === 'live';
  useEffect(() => {
    if (!watching || live) return;
    const timer = setInterval(() => latest.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [watching, live]);
}
