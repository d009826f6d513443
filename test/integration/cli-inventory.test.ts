// The real compiled `helpline` CLI reading inventory, software, changes and health that a real
// agent on this machine sent: what it prints is checked against what the API answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes, type DeviceInventoryView, type HealthSeriesView } from '../../protocol/api/inventory.js';
import { API } from '../../protocol/api/routes/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { enrollTestAgent, eventually, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SPARK = '[▁▂▃▄▅▆▇█ ]+';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('helpline device show --inventory, device software|changes|health, software find', () => {
  let server: TestServer;
  let agent: TestAgent;
  let dir: string;
  let deviceId: string;
  const helpline = (...args: string[]): Promise<CliResult> =>
    runCli('helpline', args, {
      HELPLINE_SERVER: server.url,
      HELPLINE_TOKEN: server.adminToken,
      HELPLINE_CONFIG: join(dir, 'cli.json'),
    });
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await helpline(...args, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as T;
  };
  const inventory = () => server.client().call(API.inventory.show, { params: { id: deviceId } });
  const health = () => server.client().call(API.inventory.health, { params: { id: deviceId } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'helpline-cli-inventory-'));
    server = await startTestServer();
    agent = await enrollTestAgent(server, { config: { healthIntervalMs: 200 } });
    deviceId = agent.deviceId;
    await eventually(async () => Object.keys((await inventory()).sections).length >= 14, 25_000, 'full inventory');
    await eventually(async () => (await health()).raw.length >= 3, 20_000, 'three health samples');
  });
  afterAll(async () => {
    await agent?.cleanup();
    await server?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('device show --inventory adds the CPU, memory and a software count of this machine, as the API reports them', async () => {
    const { sections } = await inventory();
    const shown = await helpline('device', 'show', deviceId, '--inventory');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(new RegExp(`^id:\\s+${deviceId}$`, 'm'));
    const cpuLine = shown.stdout.split('\n').find((line) => line.startsWith('CPU:'));
    expect(cpuLine).toContain(sections.cpu!.brand);
    expect(cpuLine).toContain(`${sections.cpu!.cores} cores`);
    expect(shown.stdout).toMatch(new RegExp(`^memory:\\s+${formatBytes(sections.memory!.total)}, swap `, 'm'));
    expect(shown.stdout).toMatch(new RegExp(`^software:\\s+${sections.software!.length} packages \\(.*dpkg \\d+`, 'm'));
    expect(shown.stdout).toMatch(/^services:\s+\d+ running, \d+ stopped/m);
    expect(shown.stdout).toMatch(/^file systems:\s+\/ /m);
    expect(shown.stdout.split('\n').length).toBeLessThan(sections.software!.length); // counted, not listed

    type Both = { device: { id: string }; inventory: DeviceInventoryView };
    const both = await json<Both>('device', 'show', deviceId, '--inventory');
    expect(both.device.id).toBe(deviceId);
    expect(both.inventory.sections.cpu).toEqual(sections.cpu);
    expect(await json<{ id: string }>('device', 'show', deviceId)).toMatchObject({ id: deviceId, status: 'active' });
  });

  it('software find bash lists this device, and says so plainly when nothing matches', async () => {
    const bash = (await inventory()).sections.software!.find((pkg) => pkg.name === 'bash')!;
    const found = await helpline('software', 'find', 'bash');
    expect(found.code).toBe(0);
    expect(found.stdout.split('\n')[0]).toMatch(/^DEVICE\s+DEVICE ID\s+NAME\s+VERSION\s+SOURCE$/);
    expect(found.stdout).toMatch(
      new RegExp(`\\s${deviceId}\\s+bash\\s+${escape(bash.version)}\\s+${bash.source}$`, 'm'),
    );

    const exact = await json<Array<{ deviceId: string; name: string }>>(
      'software',
      'find',
      'bash',
      '--version',
      bash.version,
    );
    expect(exact).toContainEqual(expect.objectContaining({ deviceId, name: 'bash' }));
    const none = await helpline('software', 'find', 'bash', '--version', '0.0.0-none');
    expect(none).toMatchObject({
      code: 0,
      stdout: 'No device has software whose name contains "bash" at version 0.0.0-none.\n',
    });
  });

  it('device software lists the packages; --json contains bash', async () => {
    const packages = await json<Array<{ name: string; source: string }>>('device', 'software', deviceId);
    expect(packages).toContainEqual(expect.objectContaining({ name: 'bash', source: 'dpkg' }));
    expect(packages).toHaveLength((await inventory()).sections.software!.length);
    const table = await helpline('device', 'software', deviceId);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+VERSION\s+SOURCE\s+PUBLISHER\s+INSTALLED$/);
    expect(table.stdout).toMatch(/^bash\s+\S+\s+dpkg\s/m);
  });

  it('device changes says there are none on a fresh device, and passes on the server refusing a bad --since', async () => {
    const fresh = await helpline('device', 'changes', deviceId);
    expect(fresh).toMatchObject({ code: 0, stdout: `No changes on ${deviceId} in the last 7d.\n` });
    expect(await json<unknown[]>('device', 'changes', deviceId, '--since', '30d')).toEqual([]);

    const garbage = await helpline('device', 'changes', deviceId, '--since', 'garbage');
    expect(garbage.code).toBe(1);
    expect(garbage.stdout).toBe('');
    expect(garbage.stderr).toContain(
      'helpline: since must be a duration like 24h or 7d, or an ISO date-time, not "garbage" (validation_failed)',
    );
  });

  it('device health draws a sparkline per metric from raw samples, with min, avg, max and last', async () => {
    const chart = await helpline('device', 'health', deviceId);
    expect(chart).toMatchObject({ code: 0, stderr: '' });
    const lines = chart.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^Health of ${deviceId} from \\S+ \\S+ to \\S+ \\S+ \\(local time\\): \\d+ raw samples\\.$`),
    );
    for (const label of ['CPU %', 'memory %', 'processes']) {
      expect(chart.stdout).toMatch(
        new RegExp(`^${label}\\s+${SPARK}\\s+min +[\\d.]+  avg +[\\d.]+  max +[\\d.]+  last +[\\d.]+$`, 'm'),
      );
    }
    const series = await json<HealthSeriesView>('device', 'health', deviceId, '--since', '1h');
    const battery = series.raw.some((sample) => sample.battery !== null);
    expect(/^battery %/m.test(chart.stdout)).toBe(battery); // a metric that is null throughout is left out
    expect(series).toMatchObject({ deviceId, resolution: 'raw', hourly: [] });
    expect(series.raw.length).toBeGreaterThanOrEqual(3);
    const memory = chart.stdout.split('\n').find((line) => line.startsWith('memory %'))!;
    const [min, , max] = [...memory.matchAll(/(min|avg|max) +([\d.]+)/g)].map((match) => Number(match[2]));
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(100);
  });

  it('device health --since 7d switches to hourly averages, and a bad --since reaches the user', async () => {
    const hourly = await helpline('device', 'health', deviceId, '--since', '7d');
    expect(hourly.code).toBe(0);
    expect(hourly.stdout.split('\n')[0]).toMatch(/: \d+ hourly averages? \(min and max over all samples\)\.$/);
    const bad = await helpline('device', 'health', deviceId, '--since', 'yesterday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not "yesterday" (validation_failed)');
  });
});
