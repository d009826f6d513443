// The live event stream, read over real HTTP from a real server with real agents: what a console
// tab hears when agents come and go, samples arrive, tickets and jobs change; and its limits.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_STREAMS_PER_USER, type LiveEvent } from '../../protocol/api/live-events.js';
import { routePath } from '../../protocol/api/route.js';
import { API } from '../../protocol/api/routes/index.js';
import { openSse, type SseReader } from '../helpers/sse-reader.js';
import { enrollTestAgent, type TestAgent } from '../helpers/test-agent.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ECHO = {
  name: 'say-hi',
  description: 'Says hi.',
  interpreter: 'sh' as const,
  platforms: ['linux' as const],
  body: 'echo hi\n',
  params: [],
};

describe('live event stream', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];
  const readers: SseReader[] = [];
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await Promise.all(agents.splice(0).map((agent) => agent.cleanup()));
    await server?.cleanup();
  });
  const stream = async (token: string | null, query: { device?: string } = {}) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const reader = await openSse(`${server.url}${routePath(API.live.events, {}, query)}`, headers);
    readers.push(reader);
    return reader;
  };
  const is =
    <K extends LiveEvent['type']>(type: K, where: (event: Extract<LiveEvent, { type: K }>) => boolean = () => true) =>
    (event: LiveEvent) =>
      event.type === type && where(event as Extract<LiveEvent, { type: K }>);

  it('tells of agents coming online and going offline, and of enrollment', async () => {
    server = await startTestServer();
    const live = await stream(server.adminToken);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await live.next(is('device.changed', (event) => event.deviceId === agent.deviceId));
    const online = await live.next(is('device.online', (event) => event.deviceId === agent.deviceId && event.online));
    expect(online).toMatchObject({ online: true });
    await agent.agent.stop();
    const offline = await live.next(is('device.online', (event) => event.deviceId === agent.deviceId && !event.online));
    expect(offline.type === 'device.online' && offline.lastSeenAt).toBeTruthy();
  });

  it('sends health samples only to the streams watching that device', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server, { config: { healthIntervalMs: 150 } });
    agents.push(agent);
    const watching = await stream(server.adminToken, { device: agent.deviceId });
    const elsewhere = await stream(server.adminToken, { device: 'dev_0000000000' });
    const unwatched = await stream(server.adminToken);
    const sample = await watching.next(
      is('health.sample', (event) => event.deviceId === agent.deviceId),
      20_000,
    );
    // The sample the stream sent is the one the API stored.
    const stored = await server.client().call(API.inventory.health, { params: { id: agent.deviceId }, query: {} });
    expect(sample.type === 'health.sample' && stored.raw.some((raw) => raw.at === sample.sample.at)).toBe(true);
    // Both other streams are open and hear the agent's other events, but none of its samples.
    await agent.agent.stop();
    await elsewhere.next(is('device.online', (event) => !event.online));
    await unwatched.next(is('device.online', (event) => !event.online));
    expect([...elsewhere.events, ...unwatched.events].filter((event) => event.type === 'health.sample')).toEqual([]);
  });

  it('tells staff of ticket and job changes; a viewer hears tickets but not jobs', async () => {
    server = await startTestServer();
    const agent = await enrollTestAgent(server);
    agents.push(agent);
    await agent.waitFor('online');
    const viewer = await stream(await server.addUser('vera', 'viewer'));
    const staff = await stream(server.adminToken);
    const ticket = await server.client().call(API.tickets.create, {
      body: { subject: 'Printer jams', deviceId: agent.deviceId },
    });
    for (const live of [staff, viewer])
      expect(await live.next(is('ticket.changed', (event) => event.ticketId === ticket.id))).toMatchObject({
        deviceId: agent.deviceId,
        status: ticket.status,
      });
    await server.client().call(API.scripts.add, { body: ECHO });
    const run = await server.client().call(API.jobs.run, { body: { script: ECHO.name, deviceIds: [agent.deviceId] } });
    const jobId = run.jobs[0]!.id;
    for (const status of ['queued', 'sent', 'running', 'succeeded'])
      await staff.next(
        is('job.changed', (event) => event.jobId === jobId && event.status === status),
        20_000,
      );
    // Streams carry events in order: the viewer has had every event the staff stream had until here.
    await server.client().call(API.tickets.start, { params: { id: ticket.id } });
    await viewer.next(is('ticket.changed', (event) => event.status === 'in_progress'));
    expect(viewer.events.filter((event) => event.type === 'job.changed')).toEqual([]);
    // Job events carry status, never output.
    expect(JSON.stringify(staff.events)).not.toContain('hi\\n');
  });

  it('refuses without a login, caps the streams per user, and ends streams on sign-out and on shutdown', async () => {
    server = await startTestServer();
    const refused = await stream(null);
    expect(refused.status).toBe(401);
    const tomToken = await server.addUser('tom', 'technician');
    const open: SseReader[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) open.push(await stream(tomToken));
    expect(open.map((reader) => reader.status)).toEqual(open.map(() => 200));
    const extra = await stream(tomToken);
    expect(extra.status).toBe(429);
    expect(JSON.parse(extra.refusal)).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/at most 10 live event streams/),
    });
    // Another user is not held back by tom's streams.
    const admin = await stream(server.adminToken);
    expect(admin.status).toBe(200);
    // Signing out ends that login's streams at once.
    await server.client(tomToken).call(API.auth.logout, {});
    await Promise.all(open.map((reader) => reader.ended));
    // Stopping the server ends the rest.
    await server.stop();
    await admin.ended;
  });
});
