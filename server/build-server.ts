// The server, as the list of what it is made of: the shared parts first (database, audit, access
// control, the HTTP API, the agent hub, notifications), then the features, each a plugin built on
// the parts before it (plugins/assembly.ts checks that order when this compiles). `main.ts` only
// calls this; tests call it too, with port 0 and a temp data directory.
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { attachmentsPlugin } from './features/attachments/plugin.js';
import { auditLogPlugin } from './features/audit/plugin.js';
import { signInPlugin } from './features/auth/plugin.js';
import { deviceRegistryPlugin, devicesPlugin } from './features/devices/plugin.js';
import type { DeviceService } from './features/devices/service.js';
import { enrollmentPlugin } from './features/enrollment/plugin.js';
import type { EnrollmentService } from './features/enrollment/service.js';
import { checksPlugin, faultsPlugin } from './features/faults/plugin.js';
import type { OfflineMonitor } from './features/faults/offline-monitor.js';
import { fleetPlugin } from './features/fleet/plugin.js';
import { healthPlugin } from './features/health/plugin.js';
import { inventoryPlugin } from './features/inventory/plugin.js';
import type { JobDispatcher } from './features/jobs/dispatcher.js';
import { jobsPlugin } from './features/jobs/plugin.js';
import { knowledgePlugin } from './features/knowledge/plugin.js';
import { livePlugin } from './features/live/plugin.js';
import { maintenancePlugin } from './features/maintenance/plugin.js';
import { notificationRoutesPlugin } from './features/notifications/plugin.js';
import { reportsPlugin } from './features/reports/plugin.js';
import { schedulesPlugin } from './features/schedules/plugin.js';
import type { Scheduler } from './features/schedules/scheduler.js';
import { scriptsPlugin } from './features/scripts/plugin.js';
import { settingsPlugin } from './features/settings/plugin.js';
import { shellPlugin } from './features/shell/plugin.js';
import { ticketsPlugin } from './features/tickets/plugin.js';
import type { SlaMonitor } from './features/tickets/sla-monitor.js';
import { usersPlugin } from './features/users/plugin.js';
import { webConsolePlugin } from './features/web/plugin.js';
import type { UserService } from './features/users/service.js';
import type { AgentHub } from './hub/agent-hub.js';
import { httpApiPlugin } from './plugins/api.js';
import { ServerAssembly } from './plugins/assembly.js';
import { auditPlugin } from './plugins/audit.js';
import { authPlugin } from './plugins/auth.js';
import { databasePlugin } from './plugins/db.js';
import { agentMessagesPlugin, hubPlugin } from './plugins/hub.js';
import { notificationsPlugin } from './plugins/notifications.js';

export interface BuildServerOptions {
  /** Where logs go (default stdout); tests pass a stream to read them. */
  logStream?: Writable;
  /** The clock for token expiry and audit times (tests pass a fake one). */
  now?: () => number;
}

export interface HelplineServer {
  app: FastifyInstance;
  hub: AgentHub;
  /** SLA warnings, breaches, escalations and auto-close (tests drive it with checkNow). */
  slaMonitor: SlaMonitor;
  /** The server-side offline check (tests drive it with checkNow). */
  offlineMonitor: OfflineMonitor;
  /** Sends jobs whose time came (tests drive it with checkNow). */
  jobDispatcher: JobDispatcher;
  /** Fires due schedules (tests drive it with checkNow). */
  scheduler: Scheduler;
  /** For programs that embed the server (the quick start); everything else goes through the API. */
  services: { enrollment: EnrollmentService; devices: DeviceService; users: UserService };
  /** Starts listening; resolves to the base URL (http://host:port). */
  listen(): Promise<string>;
  /** The base URL once listening. */
  readonly url: string;
  close(): Promise<void>;
}

export async function buildServer(config: ServerConfig, options: BuildServerOptions = {}): Promise<HelplineServer> {
  const tls =
    config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : null;
  const fastifyOptions = {
    logger: options.logStream ? { level: config.logLevel, stream: options.logStream } : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
  };
  // One call per kind of server, so that each matches its own fastify overload.
  const app: FastifyInstance = tls ? Fastify({ ...fastifyOptions, https: tls }) : Fastify(fastifyOptions);
  const url = () => listeningUrl(app, tls !== null);

  const parts = await ServerAssembly.on(app, {
    config,
    now: options.now ?? Date.now,
    publicUrl: () => config.publicUrl ?? url(),
  })
    .use(databasePlugin)
    .use(auditPlugin)
    // Before any route, so that the role check sees every route.
    .use(authPlugin)
    .use(httpApiPlugin)
    // Before the hub: it looks up agents' keys and sends each agent its group's policy.
    .use(deviceRegistryPlugin)
    .use(checksPlugin)
    .use(hubPlugin)
    .use(notificationsPlugin)
    // The features; each handles its agents' messages and serves its routes.
    .use(usersPlugin)
    .use(notificationRoutesPlugin)
    .use(signInPlugin)
    .use(auditLogPlugin)
    .use(devicesPlugin)
    // Before the fleet, whose rows show it, and the faults, which it quiets.
    .use(maintenancePlugin)
    .use(enrollmentPlugin)
    .use(healthPlugin)
    .use(inventoryPlugin)
    .use(settingsPlugin)
    .use(ticketsPlugin)
    .use(fleetPlugin)
    .use(scriptsPlugin)
    .use(jobsPlugin)
    .use(faultsPlugin)
    .use(schedulesPlugin)
    .use(shellPlugin)
    .use(attachmentsPlugin)
    .use(knowledgePlugin)
    .use(reportsPlugin)
    // After every feature whose changes it tells the console of.
    .use(livePlugin)
    .use(agentMessagesPlugin)
    // Last: the web console answers every GET no route above took.
    .use(webConsolePlugin)
    .ready();

  let closed = false;
  return {
    app,
    hub: parts.hub,
    slaMonitor: parts.slaMonitor,
    offlineMonitor: parts.offlineMonitor,
    jobDispatcher: parts.jobDispatcher,
    scheduler: parts.scheduler,
    services: { enrollment: parts.enrollment, devices: parts.devices, users: parts.users },
    get url() {
      return url();
    },
    /** The plugins' timers and workers start once the server listens (their onListen hooks). */
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      return url();
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/** http(s)://host:port of the listening server; empty before it listens. */
function listeningUrl(app: FastifyInstance, https: boolean): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') return '';
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${https ? 'https' : 'http'}://${host}:${address.port}`;
}
