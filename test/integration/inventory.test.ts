// Inventory from a real agent on this Linux machine: full first report, then only what changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceInventoryView } from '../../protocol/api/inventory.js';
import { API } from '../../protocol/api/routes/index.js';
import type { InventoryData } from '../../protocol/messages/inventory.js';
import { enrollTestAgent, eventually, realSources, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('inventory', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server.cleanup();
  });

  const inventory = (id: string) => server.client().call(API.inventory.show, { params: { id } });
  const changes = (id: string, since?: string) =>
    server.client().call(API.inventory.changes, { params: { id }, query: { since } });

  async function inventoryOf(deviceId: string): Promise<DeviceInventoryView> {
    const complete = async () => Object.keys((await inventory(deviceId)).sections).length >= 14;
    await eventually(complete, 20_000, 'full inventory');
    return inventory(deviceId);
  }

  it('arrives complete with real values from this machine', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    const { sections } = await inventoryOf(agent.deviceId);
    expect(sections.cpu!.brand.length).toBeGreaterThan(0);
    expect(sections.cpu!.cores).toBeGreaterThan(0);
    expect(sections.memory!.total).toBeGreaterThan(100 * 1024 * 1024);
    expect(sections.filesystems!.map((fs) => fs.mount)).toContain('/');
    expect(sections.os!.platform).toBe('linux');
    const bash = sections.software!.find((pkg) => pkg.name === 'bash' && pkg.source === 'dpkg');
    expect(bash?.version).toMatch(/^\d/);
    expect(sections.software!.length).toBeGreaterThan(100);
    expect(await changes(agent.deviceId)).toEqual([]);
  });

  it('sends only a changed section again, and records exactly one change for it', async () => {
    server = await startTestServer();
    let memoryTotal: number | null = null;
    const real = realSources();
    const sources = {
      ...real,
      collectInventory: async () => {
        const data = await real.collectInventory();
        if (memoryTotal !== null) data.memory.total = memoryTotal;
        return data;
      },
    };
    const agent = await enrollTestAgent(server, { build: { sources } });
    agents.push(agent);
    const before = await inventoryOf(agent.deviceId);
    expect(await agent.agent.checkInventory()).toEqual([]);

    memoryTotal = 8 * 1024 ** 3;
    expect(await agent.agent.checkInventory()).toEqual(['memory']);
    await eventually(async () => (await changes(agent.deviceId)).length > 0, 10_000, 'change recorded');
    const recorded = await changes(agent.deviceId, '1h');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      section: 'memory',
      kind: 'changed',
      field: 'total',
      oldValue: String(before.sections.memory!.total),
      newValue: String(memoryTotal),
    });
    expect(recorded[0]!.text).toMatch(/^memory total: .+ → 8 GB$/);
    const after = await inventory(agent.deviceId);
    expect(after.sections.memory!.total).toBe(memoryTotal);
    expect(after.updatedAt.cpu).toBe(before.updatedAt.cpu);
    expect(after.updatedAt.software).toBe(before.updatedAt.software);
  });

  it('records installed, removed and upgraded packages, and finds software across devices', async () => {
    server = await startTestServer();
    let edit: ((data: InventoryData) => void) | null = null;
    const real = realSources();
    const sources = {
      ...real,
      collectInventory: async () => {
        const data = await real.collectInventory();
        edit?.(data);
        return data;
      },
    };
    const agent = await enrollTestAgent(server, { build: { sources } });
    agents.push(agent);
    const other = await enrollTestAgent(server);
    agents.push(other);
    await inventoryOf(agent.deviceId);
    await inventoryOf(other.deviceId);

    const bashPackage = (await inventoryOf(agent.deviceId)).sections.software!.find((pkg) => pkg.name === 'bash')!;
    const bashVersion = bashPackage.version;
    edit = (data) => {
      data.software = data.software.filter((pkg) => pkg.name !== 'bash');
      data.software.push({
        name: 'firefox-esr',
        version: '129.0',
        publisher: 'Mozilla',
        source: 'dpkg',
        installedAt: null,
        arch: 'amd64',
      });
      data.software.sort((a, b) => a.name.localeCompare(b.name));
    };
    expect(await agent.agent.checkInventory()).toEqual(['software']);
    await eventually(async () => (await changes(agent.deviceId)).length >= 2, 10_000, 'software changes');
    const texts = (await changes(agent.deviceId)).map((change) => change.text).sort();
    expect(texts).toEqual([
      `software bash (dpkg, ${bashPackage.arch}): removed (was ${bashVersion})`,
      'software firefox-esr (dpkg, amd64): installed 129.0',
    ]);

    const found = await server.client().call(API.inventory.findSoftware, { query: { name: 'firefox' } });
    expect(found).toEqual([expect.objectContaining({ deviceId: agent.deviceId, version: '129.0' })]);
    const bashQuery = { name: 'bash', version: bashVersion };
    const bash = await server.client().call(API.inventory.findSoftware, { query: bashQuery });
    expect(bash.map((row) => row.deviceId)).toEqual([other.deviceId]);
  });
});
