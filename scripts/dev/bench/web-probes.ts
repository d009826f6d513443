// What bench:web measures inside the page, installed before the console's own script runs:
// - firstRowsAt: when the fleet table first shows a device's name link, or the ticket queue its
//   first ticket row (ms from navigation start);
// - long tasks (PerformanceObserver 'longtask'), from which the time to interactive is read: the
//   end of the last long task before a quiet second after the first rows;
// - per keystroke in the search box: from the keydown's timestamp to the frame after the input
//   was handled and the page re-rendered (a requestAnimationFrame, then a task after it, so style,
//   layout and paint of the new rows are inside the figure).
// A string, not a function: it runs in the browser, where none of this file's imports exist.
export const PROBE_SCRIPT = `
(() => {
  const bench = { firstRowsAt: null, longTasks: [], keystrokes: [] };
  window.__helplineBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const rows = new MutationObserver(() => {
    if (bench.firstRowsAt === null && document.querySelector('tbody td.cell-name a, tbody tr[data-ticket]')) {
      bench.firstRowsAt = performance.now();
      rows.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => rows.observe(document.body, { childList: true, subtree: true }));
  let keyAt = null;
  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.id === 'device-search') keyAt = event.timeStamp;
  }, true);
  document.addEventListener('input', (event) => {
    if (keyAt === null || !event.target || event.target.id !== 'device-search') return;
    const started = keyAt;
    keyAt = null;
    requestAnimationFrame(() => setTimeout(() => bench.keystrokes.push(performance.now() - started), 0));
  }, true);
})();
`;

export interface ProbeReadings {
  firstRowsAt: number | null;
  longTasks: Array<[number, number]>;
  keystrokes: number[];
}

/** The end of the last long task before `quietMs` without one, after `from` (the first rows). */
export function timeToInteractive(readings: ProbeReadings, from: number, quietMs: number): number {
  let interactive = from;
  for (const [start, end] of [...readings.longTasks].sort((a, b) => a[0] - b[0])) {
    if (start - interactive >= quietMs) break;
    interactive = Math.max(interactive, end);
  }
  return interactive;
}
