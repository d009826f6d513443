// One health sample: how the PC is doing now. Only calls measured to be cheap are used here
// (see `npm run bench:agent`): currentLoad and mem read /proc, fsSize runs df once, and
// processes is the costliest, so its result is reduced to the top five by CPU and by memory.
import { uptime } from 'node:os';
import si from 'systeminformation';
import type { HealthSample } from '../../protocol/messages/health.js';

const TOP = 5;
const clampPct = (value: number) =>
  Math.min(100, Math.max(0, Number.isFinite(value) ? Math.round(value * 10) / 10 : 0));

export async function sampleHealth(now: () => number = Date.now): Promise<HealthSample> {
  const load = await si.currentLoad();
  const mem = await si.mem();
  const filesystems = await si.fsSize();
  const temperature = await si.cpuTemperature();
  const battery = await si.battery();
  const processes = await si.processes();
  const entries = processes.list.map((process) => ({
    pid: process.pid,
    name: String(process.name).slice(0, 200),
    cpuPct: Math.max(0, Math.round(process.cpu * 10) / 10),
    memBytes: Math.max(0, Math.round(process.memRss * 1024)),
  }));
  const top = (key: 'cpuPct' | 'memBytes') =>
    [...entries].sort((a, b) => b[key] - a[key] || a.pid - b.pid).slice(0, TOP);
  return {
    at: now(),
    cpuPct: clampPct(load.currentLoad),
    memUsedPct: clampPct(mem.total ? (mem.active / mem.total) * 100 : 0),
    memUsedBytes: mem.active,
    swapUsedPct: mem.swaptotal > 0 ? clampPct((mem.swapused / mem.swaptotal) * 100) : null,
    filesystems: filesystems
      .filter((fs) => fs.size > 0)
      .slice(0, 64)
      .map((fs) => ({
        mount: String(fs.mount).slice(0, 1000),
        usedPct: clampPct(fs.use),
        usedBytes: fs.used,
        sizeBytes: fs.size,
      })),
    cpuTempC: typeof temperature.main === 'number' && Number.isFinite(temperature.main) ? temperature.main : null,
    battery: battery.hasBattery ? { percent: clampPct(battery.percent), charging: Boolean(battery.isCharging) } : null,
    uptimeSec: Math.round(uptime()),
    processCount: processes.all,
    topCpu: top('cpuPct'),
    topMem: top('memBytes'),
  };
}
