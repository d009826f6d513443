// The server's plugin list: each plugin builds on what the plugins before it gave, the order is
// checked when the list compiles, a part given twice stops the start, and shutdown runs last
// plugin first, before the HTTP server stops and before onClose hooks (the database's).
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { featurePlugin, ServerAssembly, sharedPlugin } from '../../server/plugins/assembly.js';

const clock = sharedPlugin('clock', (_app, parts: { start: number }) => ({ now: () => parts.start + 1 }));
const greeter = featurePlugin('greeter', (app, parts: { now: () => number }) => {
  app.get('/hello', async () => ({ at: parts.now() }));
  return { greeting: `hello at ${parts.now()}` };
});

describe('server assembly', () => {
  it('hands each plugin what earlier plugins gave and returns everything once ready', async () => {
    const app = Fastify();
    const parts = await ServerAssembly.on(app, { start: 41 }).use(clock).use(greeter).ready();
    expect(parts.greeting).toBe('hello at 42');
    expect((await app.inject({ method: 'GET', url: '/hello' })).json()).toEqual({ at: 42 });
    await app.close();
  });

  it('does not compile a plugin placed before the one it needs', () => {
    const app = Fastify();
    // @ts-expect-error greeter needs `now`, which only the clock plugin gives
    const misordered = () => ServerAssembly.on(app, { start: 41 }).use(greeter);
    expect(typeof misordered).toBe('function');
  });

  it('refuses to start when two plugins give the same part', async () => {
    const app = Fastify();
    const again = featurePlugin('again', () => ({ now: () => 0 }));
    await expect(ServerAssembly.on(app, { start: 1 }).use(clock).use(again).ready()).rejects.toThrow(
      'plugin again gives now again',
    );
  });

  it('shuts down last plugin first, before the onClose hooks', async () => {
    const app = Fastify();
    const steps: string[] = [];
    const part = (name: string) =>
      featurePlugin(name, (scope, parts: { shutdown: { add(step: () => void): void } }) => {
        parts.shutdown.add(() => void steps.push(`stop ${name}`));
        scope.addHook('onClose', async () => void steps.push(`onClose ${name}`));
        return {};
      });
    await ServerAssembly.on(app, {}).use(part('database')).use(part('hub')).use(part('shell')).ready();
    await app.close();
    expect(steps).toEqual([
      'stop shell',
      'stop hub',
      'stop database',
      'onClose shell',
      'onClose hub',
      'onClose database',
    ]);
  });
});
