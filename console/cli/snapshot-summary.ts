// `ticket show`: the PC as it was when the ticket was opened, for people. What it is (the stored
// inventory summary), how it was doing (the last health sample), what ran on it and what changed
// lately. Every text from the server (or the agent behind it) goes through clean().
import type { TicketSnapshot } from '../../protocol/api/snapshot.js';
import { formatBytes } from '../../protocol/api/inventory.js';
import type { HealthSample } from '../../protocol/messages/health.js';
import { formatDuration } from '../../protocol/duration.js';
import { clean, localTime } from './output.js';

const TOP_PROCESSES = 5;
const RECENT_CHANGES = 10;
const INDENT = '    ';

type Process = HealthSample['topCpu'][number];

const pct = (value: number): string => `${Math.round(value)} %`;

/** "label: value" lines with the values aligned. */
function aligned(fields: Array<[string, string]>): string[] {
  const width = Math.max(0, ...fields.map(([label]) => label.length)) + 1;
  return fields.map(([label, value]) => `${`${label}:`.padEnd(width)}  ${value}`);
}

/** "firefox (pid 4242): CPU 12 %, memory 512 MB". */
const processLine = (process: Process): string =>
  `${clean(process.name)} (pid ${process.pid}): CPU ${pct(process.cpuPct)}, memory ${formatBytes(process.memBytes)}`;

function processSection(title: string, processes: readonly Process[]): string[] {
  if (processes.length === 0) return [`${title} none`];
  return [title, ...processes.slice(0, TOP_PROCESSES).map((process) => `${INDENT}${processLine(process)}`)];
}

function healthLines(health: HealthSample | null): string[] {
  if (health === null) return ['Health: no sample had arrived yet'];
  const memory = `memory ${pct(health.memUsedPct)} (${formatBytes(health.memUsedBytes)} used)`;
  const facts = [
    `CPU ${pct(health.cpuPct)}`,
    memory,
    `up ${formatDuration(health.uptimeSec * 1000)}`,
    `${health.processCount} processes`,
  ];
  if (health.battery !== null)
    facts.push(`battery ${pct(health.battery.percent)}${health.battery.charging ? ' (charging)' : ''}`);
  const filesystems = health.filesystems.map(
    (fs) => `${INDENT}${clean(fs.mount)} ${pct(fs.usedPct)} of ${formatBytes(fs.sizeBytes)}`,
  );
  return [
    `Health (measured ${localTime(health.at)}): ${facts.join(', ')}`,
    ...(filesystems.length === 0 ? ['File systems: none reported'] : ['File systems:', ...filesystems]),
    ...processSection('Top CPU:', health.topCpu),
    ...processSection('Top memory:', health.topMem),
  ];
}

/** The "Snapshot of the PC" section of `ticket show`: a heading, then indented lines. */
export function snapshotLines(snapshot: TicketSnapshot): string[] {
  const { device } = snapshot;
  const about: Array<[string, string]> = [
    [
      'device',
      `${clean(device.name)} (${clean(device.id)}), group ${clean(device.group)}, agent ${clean(device.agentVersion)}`,
    ],
    ...Object.entries(snapshot.summary).map(([label, value]): [string, string] => [clean(label), clean(value)]),
  ];
  const changes = snapshot.recentChanges
    .slice(-RECENT_CHANGES)
    .map((change) => `${INDENT}${localTime(change.at)}  ${clean(change.text)}`);
  const body = [
    ...aligned(about),
    ...healthLines(snapshot.health),
    ...(changes.length === 0 ? ['Recent changes: none'] : ['Recent changes:', ...changes]),
  ];
  return [`Snapshot of the PC (taken ${localTime(snapshot.takenAt)}):`, ...body.map((line) => `${INDENT}${line}`)];
}
