// The server as a list of plugins. Each plugin builds its part from what the plugins before it
// gave — its needs, which the list checks when it compiles: a plugin placed before one it needs
// does not compile — and gives what later plugins may use. Shared plugins are fastify-plugin
// plugins, so their hooks and decorations reach the whole server; a feature's plugin keeps its
// routes and hooks in its own fastify scope. Shutdown runs the other way: last plugin first.
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

export interface ServerPlugin<Needs extends object, Gives extends object> {
  readonly name: string;
  /** True: hooks and decorations reach the whole server; false: they stay in the plugin's scope. */
  readonly shared: boolean;
  /** Declared as a property, so that the needs are checked contravariantly (strictFunctionTypes). */
  readonly setup: (app: FastifyInstance, parts: Needs) => Gives | Promise<Gives>;
}

/** A part others build on (the database, audit, the hub, access control, ...). */
export function sharedPlugin<Needs extends object, Gives extends object>(
  name: string,
  setup: (app: FastifyInstance, parts: Needs) => Gives | Promise<Gives>,
): ServerPlugin<Needs, Gives> {
  return { name, shared: true, setup };
}

/** A feature: its service, its routes, what it does with agents' messages. */
export function featurePlugin<Needs extends object, Gives extends object>(
  name: string,
  setup: (app: FastifyInstance, parts: Needs) => Gives | Promise<Gives>,
): ServerPlugin<Needs, Gives> {
  return { name, shared: false, setup };
}

/**
 * What to do when the server closes, before the HTTP server stops taking connections (WebSockets
 * must be closed first, or it waits for them). Last added runs first, so a part stops before the
 * parts it was built on; an async step is awaited before the next one.
 */
export interface Shutdown {
  add(step: () => void | Promise<void>): void;
}

export class ServerAssembly<Have extends object> {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly parts: Have,
  ) {}

  /** Starts the list with what the server has before any plugin (config, clock), and `shutdown`. */
  static on<Base extends object>(app: FastifyInstance, base: Base): ServerAssembly<Base & { shutdown: Shutdown }> {
    const steps: Array<() => void | Promise<void>> = [];
    app.addHook('preClose', async () => {
      for (const step of [...steps].reverse()) await step();
    });
    const shutdown: Shutdown = { add: (step) => void steps.push(step) };
    return new ServerAssembly(app, { ...base, shutdown });
  }

  /** Adds a plugin; it compiles only when every part it needs was given by a plugin before it. */
  use<Gives extends object>(plugin: ServerPlugin<Have, Gives>): ServerAssembly<Have & Gives> {
    // One object fills up as the plugins load; a plugin's setup runs only once those before it have.
    const parts: Have & Partial<Gives> = this.parts;
    const load = async (scope: FastifyInstance) => {
      const gives = await plugin.setup(scope, parts);
      const twice = Object.keys(gives).filter((key) => key in parts);
      if (twice.length) throw new Error(`plugin ${plugin.name} gives ${twice.join(', ')} again`);
      Object.assign(parts, gives);
    };
    // Registered now, loaded in order by fastify once the list is complete (ready()).
    void this.app.register(fastifyPlugin(load, { name: plugin.name, encapsulate: !plugin.shared }));
    return new ServerAssembly<Have & Gives>(this.app, parts as Have & Gives);
  }

  /** Loads every plugin in the order of the list; resolves to what they gave. */
  async ready(): Promise<Have> {
    await this.app.ready();
    return this.parts;
  }
}
