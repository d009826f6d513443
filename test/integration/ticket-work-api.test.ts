// What the ticket page needs from the API besides the workflow: re-classifying a ticket (the
// priority follows the matrix and the history says who changed what), the people a ticket can be
// given to, the attachment size limit, and a script run tied to a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../protocol/api/routes/index.js';
import { encodeAgentToServer } from '../../protocol/envelope.js';
import { enrollRawIdentity, rawConnect } from '../helpers/raw-agent.js';
import { eventually } from '../helpers/test-agent.js';
import { startStaffedServer, type TestServer } from '../helpers/test-server.js';

const T = API.tickets;

describe('ticket work API', () => {
  let server: TestServer;
  let tom: string;
  let vera: string;
  beforeAll(async () => {
    ({ server, tom, vera } = await startStaffedServer({ attachmentMaxBytes: 64 * 1024 }));
    await server.client().call(API.users.add, {
      body: { name: 'lena', role: 'technician', line: 2, password: 'lena-password-123' },
    });
    await server.addUser('dan', 'technician');
    await server.client().call(API.users.disable, { params: { name: 'dan' } });
  });
  afterAll(() => server.cleanup());

  it('re-classifies a ticket: the priority follows impact and urgency, and the history records it', async () => {
    const client = server.client(tom);
    const ticket = await client.call(T.create, { body: { subject: 'Scanner offline', impact: 4, urgency: 4 } });
    expect(ticket.priority).toBe(4);
    const changed = await client.call(T.classify, {
      params: { id: ticket.id },
      body: { impact: 1, urgency: 2, category: 'scanning' },
    });
    expect(changed).toMatchObject({ impact: 1, urgency: 2, priority: 1, category: 'scanning' });
    const history = (await client.call(T.show, { params: { id: ticket.id } })).history;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'tom', field: 'priority', oldValue: '4', newValue: '1' }),
        expect.objectContaining({ actor: 'tom', field: 'category', oldValue: 'general', newValue: 'scanning' }),
      ]),
    );
  });

  it('refuses an empty change, a bad category, a viewer, and a closed ticket, changing nothing', async () => {
    const client = server.client(tom);
    const ticket = await client.call(T.create, { body: { subject: 'Mouse broken' } });
    const params = { id: ticket.id };
    const empty = await server.raw(T.classify, { params, body: {}, token: tom });
    expect(empty.status).toBe(400);
    const bad = await server.raw(T.classify, { params, body: { category: '<b>' }, token: tom });
    expect(bad.status).toBe(400);
    expect((await server.raw(T.classify, { params, body: { impact: 1 }, token: vera })).status).toBe(403);
    await client.call(T.resolve, { params, body: { resolution: 'New mouse.' } });
    await client.call(T.close, { params });
    const closed = await server.raw<{ code: string }>(T.classify, { params, body: { impact: 1 }, token: tom });
    expect(closed.status).toBe(409);
    expect((await client.call(T.show, { params })).ticket).toMatchObject({ impact: 3, category: 'general' });
  });

  it('lists the active admins and technicians a ticket can be given to, with their line', async () => {
    const people = await server.client(tom).call(T.assignees);
    expect(people).toEqual(
      expect.arrayContaining([
        { name: 'tom', role: 'technician', line: 1 },
        { name: 'lena', role: 'technician', line: 2 },
      ]),
    );
    expect(people.map((person) => person.name)).not.toContain('vera');
    expect(people.map((person) => person.name)).not.toContain('dan');
    expect((await server.raw(T.assignees, { token: vera })).status).toBe(403);
  });

  it("offers the employees signed in on a PC as requesters, named as that PC's tray names them", async () => {
    const identity = await enrollRawIdentity(server);
    const outcome = await rawConnect(server, identity);
    if (!outcome.upgraded) throw new Error('the raw agent was refused');
    outcome.connection.hello();
    const users = { local: [], loggedIn: [{ user: 'anna', terminal: 'tty2', since: '2026-03-02 09:01' }] };
    outcome.connection.sendSealed(
      encodeAgentToServer(
        'inventory.report',
        { seq: 1, full: true, collectedAt: Date.now(), sections: { users } },
        'r1',
      ),
    );
    const deviceId = identity.identity.deviceId;
    const device = await server.client().call(API.devices.show, { params: { id: deviceId } });
    await eventually(async () => (await server.client(tom).call(T.requesters)).length > 0, 5000, 'the requester');
    expect(await server.client(tom).call(T.requesters)).toEqual([
      { name: `anna@${device.name}`, user: 'anna', deviceId, deviceName: device.name },
    ]);
    expect((await server.raw(T.requesters, { token: vera })).status).toBe(403);
    outcome.connection.ws.close();
  });

  it('tells every signed-in user the attachment size limit', async () => {
    expect(await server.client(vera).call(API.attachments.limits)).toEqual({ maxBytes: 64 * 1024 });
  });

  it('refuses a run for a ticket that does not exist', async () => {
    await server.client().call(API.scripts.add, {
      body: { name: 'flush-dns', interpreter: 'sh', platforms: ['linux'], body: 'echo flushed\n', description: '' },
    });
    const refused = await server.raw<{ code: string; message: string }>(API.jobs.run, {
      body: { script: 'flush-dns', group: 'default', ticketId: 9999 },
      token: tom,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/no ticket #9999/);
  });
});
