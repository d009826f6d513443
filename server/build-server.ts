// Wires the server together: database, stores, services, HTTP routes and the agent hub.
// `main.ts` only calls this; tests call it too, with port 0 and a temp data directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { HELPLINE_VERSION } from '../protocol/version.js';
import type { ServerConfig } from './config.js';
import { assertInitialised, loadServerKeys, openDataDirDatabase } from './data-dir.js';
import { auditRoutes } from './features/audit/routes.js';
import { createAuditService } from './features/audit/service.js';
import { createAuditStore } from './features/audit/store.js';
import { authRoutes } from './features/auth/routes.js';
import { createAuthService } from './features/auth/service.js';
import { createApiTokenStore } from './features/auth/token-store.js';
import { deviceRoutes } from './features/devices/routes.js';
import { createDeviceService, type DeviceService } from './features/devices/service.js';
import { createDeviceStore } from './features/devices/store.js';
import { enrollmentRoutes } from './features/enrollment/routes.js';
import { createEnrollmentService, type EnrollmentService } from './features/enrollment/service.js';
import { createEnrollmentTokenStore } from './features/enrollment/store.js';
import { healthRoutes } from './features/health/liveness-routes.js';
import { createHealthService } from './features/health/service.js';
import { createHealthStore } from './features/health/store.js';
import { inventoryRoutes } from './features/inventory/routes.js';
import { createInventoryService } from './features/inventory/service.js';
import { createInventoryStore } from './features/inventory/store.js';
import { createIngestQueue } from './ingest/ingest-queue.js';
import { attachmentRoutes } from './features/attachments/routes.js';
import { createAttachmentFiles } from './features/attachments/files.js';
import { createAttachmentService } from './features/attachments/service.js';
import { createAttachmentStore } from './features/attachments/store.js';
import { knowledgeRoutes } from './features/knowledge/routes.js';
import { createKnowledgeService } from './features/knowledge/service.js';
import { notificationRoutes } from './features/notifications/routes.js';
import { createNotificationService } from './features/notifications/service.js';
import { reportRoutes } from './features/reports/routes.js';
import { createReportService } from './features/reports/service.js';
import { settingsRoutes } from './features/settings/routes.js';
import { createSettingsService } from './features/settings/service.js';
import { createSlaMonitor, SYSTEM_ACTOR, type SlaMonitor } from './features/tickets/sla-monitor.js';
import { ticketRatingRoutes, ticketRoutes } from './features/tickets/routes.js';
import { createTicketService } from './features/tickets/service.js';
import { createTicketStore } from './features/tickets/store.js';
import { createEmployeeRequests } from './features/tickets/employee-requests.js';
import { createRatingStore } from './features/tickets/rating-store.js';
import { createSnapshotTaker } from './features/tickets/snapshot.js';
import { createCheckPolicyService } from './features/faults/check-policies.js';
import { createOfflineMonitor, type OfflineMonitor } from './features/faults/offline-monitor.js';
import { createFaultService } from './features/faults/service.js';
import { createRemediation } from './features/faults/remediation.js';
import { createFaultStore } from './features/faults/store.js';
import { createJobDispatcher, type JobDispatcher } from './features/jobs/dispatcher.js';
import { jobRoutes } from './features/jobs/routes.js';
import { createJobService } from './features/jobs/service.js';
import { createJobStore } from './features/jobs/store.js';
import { scheduleRoutes } from './features/schedules/routes.js';
import { createScheduler, type Scheduler } from './features/schedules/scheduler.js';
import { createScheduleService } from './features/schedules/service.js';
import { createScheduleStore } from './features/schedules/store.js';
import { scriptRoutes } from './features/scripts/routes.js';
import { createScriptService } from './features/scripts/service.js';
import { createScriptStore } from './features/scripts/store.js';
import { userRoutes } from './features/users/routes.js';
import { createUserService, type UserService } from './features/users/service.js';
import { createUserStore } from './features/users/store.js';
import { createAgentHub, type AgentHub } from './hub/agent-hub.js';
import { createAgentHandlers } from './hub/agent-handlers.js';
import { createPresence } from './hub/presence.js';
import { registerAccessControl } from './plugins/access.js';
import { treatMissingBodyAsEmpty } from './plugins/empty-body.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerValidators } from './plugins/validators.js';
import { assertEveryRouteServed, registerRouteTable } from './plugins/routes.js';
import { registerOpenApi } from './plugins/openapi.js';
import { routeUpgrades } from './plugins/upgrades.js';
import { DEFAULT_SHELL_POLICY, ShellPolicy } from '../protocol/api/shell.js';
import { createGroupSettings } from './features/settings/group-settings.js';
import { pruneRecordings } from './features/shell/retention.js';
import { createShellRelay, SHELL_PATH } from './features/shell/relay.js';
import { createRecordingService } from './features/shell/recording-service.js';
import { recordingRoutes } from './features/shell/routes.js';
import { groupSettingRoutes } from './features/settings/group-setting-routes.js';
import { CheckPolicy } from '../protocol/messages/checks.js';
import { createShellSessionStore } from './features/shell/store.js';
import { createBrowserSessions } from './features/session/browser-sessions.js';
import { sessionRoutes } from './features/session/routes.js';
import { createSessionService } from './features/session/service.js';
import { webConsole } from './features/web/plugin.js';

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
  assertInitialised(config.dataDir);
  const keys = loadServerKeys(config.dataDir);
  const db = openDataDirDatabase(config.dataDir);
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : null;
  const app = Fastify({
    logger: options.logStream ? { level: config.logLevel, stream: options.logStream } : { level: config.logLevel },
    ...(tls ? { https: tls } : {}),
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;

  let baseUrl = '';
  const publicUrl = () => config.publicUrl ?? baseUrl;

  const now = options.now ?? Date.now;
  const audit = createAuditStore(db, now);
  const users = createUserStore(db, now);
  const apiTokens = createApiTokenStore(db, now);
  const devices = createDeviceStore(db, now);
  const presence = createPresence({
    devices,
    flushMs: config.presenceFlushMs,
    onFlushError: (error) => app.log.error({ err: error }, 'presence flush failed; will retry'),
  });
  const ingest = createIngestQueue({ db, log: app.log, flushMs: config.ingestFlushMs, maxBatch: config.ingestMaxBatch });
  const inventoryStore = createInventoryStore(db);
  const inventory = createInventoryService({ inventory: inventoryStore, devices });
  const healthStore = createHealthStore(db);
  const health = createHealthService({ health: healthStore, devices, retention: { rawMs: config.healthRawRetentionMs, hourlyMs: config.healthHourlyRetentionMs }, now });
  const settings = createSettingsService({ db, audit, users, now });
  const ticketStore = createTicketStore(db);
  const ratings = createRatingStore(db);
  const faultStore = createFaultStore(db);
  const notifications = createNotificationService({ db, config, log: app.log, now, publicUrl, audit });
  // The hub is created below; these reach it only once agents are connected.
  let hub: AgentHub | null = null;
  const connectionOf: NonNullable<AgentHub['connection']> = (deviceId) => hub?.connection(deviceId);
  let employee: ReturnType<typeof createEmployeeRequests> | null = null;
  const tickets = createTicketService({
    db,
    tickets: ticketStore,
    faults: faultStore,
    ratings,
    users,
    devices,
    settings: settings.helpDesk,
    onEvent: (event) => notifications.notify(event),
    onChanged: (id) => employee?.ticketChanged(id),
    now,
  });
  const slaMonitor = createSlaMonitor({ tickets, store: ticketStore, settings, log: app.log, intervalMs: config.slaCheckIntervalMs, now });
  const snapshot = createSnapshotTaker({ devices, health: healthStore, inventory, now });
  employee = createEmployeeRequests({ db, tickets, ticketStore, ratings, devices, snapshot, send: (deviceId, list) => connectionOf(deviceId)?.send('employee.tickets', list) ?? false });
  const policyFor = (group: string) => ({ healthIntervalMs: config.healthIntervalMs, inventoryIntervalMs: config.inventoryIntervalMs, checks: checkPolicies.forGroup(group).policy });
  const checkPolicies = createCheckPolicyService({
    db,
    audit,
    devices,
    now,
    onChanged: (group) => {
      const policy = policyFor(group);
      for (const device of devices.all()) if (device.group === group) connectionOf(device.id)?.send('policy.update', policy);
    },
  });
  const scriptStore = createScriptStore(db);
  const jobStore = createJobStore(db);
  const jobDispatcher = createJobDispatcher({ jobs: jobStore, scripts: scriptStore, send: (deviceId, body) => connectionOf(deviceId)?.send('job.run', body) ?? false, log: app.log, intervalMs: config.jobDispatchIntervalMs, now });
  const jobs = createJobService({ db, jobs: jobStore, scripts: scriptStore, devices, keys, audit, now, onQueued: (deviceIds) => setImmediate(() => new Set(deviceIds).forEach((id) => jobDispatcher.deliver(id))), onFinished: (job) => remediation.jobFinished(job) });
  const remediation = createRemediation({ jobs, jobStore, scripts: scriptStore, tickets: ticketStore, faults: faultStore, resolve: (id, resolution) => tickets.resolve(SYSTEM_ACTOR, id, resolution), log: app.log, now, onChanged: (id) => employee?.ticketChanged(id) });
  const faults = createFaultService({ tickets, ticketStore, faults: faultStore, devices, checkPolicies, snapshot, remediation, log: app.log, now, onChanged: (id) => employee?.ticketChanged(id) });
  const scheduleStore = createScheduleStore(db);
  const scheduler = createScheduler({ schedules: scheduleStore, scripts: scriptStore, jobs, log: app.log, intervalMs: config.scheduleCheckIntervalMs, now });
  const offlineMonitor = createOfflineMonitor({ db, devices, isOnline: (id) => hub?.isOnline(id) ?? false, faults, faultStore, checkPolicies, log: app.log, intervalMs: config.offlineCheckIntervalMs, now });
  const auth = createAuthService({ users, tokens: apiTokens, audit, config });
  const browserSessions = createBrowserSessions(config);
  const shellPolicies = createGroupSettings({ db, audit, now, prefix: 'shell-policy:', schema: ShellPolicy, defaultValue: DEFAULT_SHELL_POLICY, auditAction: 'shell_policy' });
  const shellSessions = createShellSessionStore(db);
  const shellRelay = createShellRelay({
    auth,
    browserSessions,
    devices,
    policies: shellPolicies,
    isOnline: (id) => hub?.isOnline(id) ?? false,
    toAgent: (deviceId, type, body) => connectionOf(deviceId)?.send(type, body) ?? false,
    sessions: shellSessions,
    audit,
    recordingsDir: join(config.dataDir, 'recordings'),
    recordingMaxBytes: config.recordingMaxBytes,
    ticketExists: (id) => ticketStore.byId(id) !== undefined,
    onEnded: (sessionId) => noteShellOnTicket(shellSessions.byId(sessionId)),
    log: app.log,
    now,
  });
  /** A shell opened for a ticket leaves a note on it: who, how long, and the recording. */
  const noteShellOnTicket = (session: ReturnType<typeof shellSessions.byId>) => {
    if (!session?.ticketId || session.endedAt === null) return;
    const minutes = Math.max(1, Math.round((session.endedAt - session.startedAt) / 60_000));
    const body = `Remote shell by ${session.technician} on ${session.deviceName ?? session.deviceId}, ${minutes} min${session.exitCode !== null ? `, exit ${session.exitCode}` : ''}. Recording: helpline recordings play ${session.id}`;
    ticketStore.addEntry(session.ticketId, now(), session.technician, 'note', body);
    employee?.ticketChanged(session.ticketId);
  };
  hub = createAgentHub({
    config,
    channelKeys: keys.channel,
    devices,
    presence,
    audit,
    handlers: createAgentHandlers({ devices, presence, ingest, inventory, inventoryStore, health: healthStore, faults, offline: offlineMonitor, employee, jobs, dispatcher: jobDispatcher, shells: shellRelay, now }),
    policyFor: (device) => policyFor(device.group),
    onDisconnected: (deviceId) => shellRelay.deviceGone(deviceId, 'the device disconnected'),
    log: app.log,
  });
  const liveHub = hub;
  const retention = setInterval(() => {
    const pruned = health.prune();
    if (pruned.raw || pruned.hourly) app.log.info(pruned, 'pruned old health data');
    const recordings = pruneRecordings(shellSessions, now() - config.recordingRetentionDays * 86_400_000);
    if (recordings) app.log.info({ recordings }, 'deleted recordings past their retention');
  }, 3_600_000);
  retention.unref();
  const userService = createUserService({ users, tokens: apiTokens, audit, onDisabled: (userId) => shellRelay.userDisabled(userId) });
  const deviceService = createDeviceService({ devices, presence, hub: () => liveHub, audit });
  const enrollment = createEnrollmentService({ tokens: createEnrollmentTokenStore(db, now), devices, audit, keys, publicUrl, now });

  registerRouteTable(app);
  registerValidators(app);
  registerErrorHandler(app);
  treatMissingBodyAsEmpty(app);
  registerAccessControl(app, auth, browserSessions);
  registerOpenApi(app, { version: HELPLINE_VERSION });
  healthRoutes(app, { version: HELPLINE_VERSION, agentsOnline: () => liveHub.onlineCount() });
  authRoutes(app, { auth, users: userService });
  sessionRoutes(app, { session: createSessionService({ auth, users: userService, sessions: browserSessions }) });
  userRoutes(app, { users: userService });
  enrollmentRoutes(app, { enrollment });
  deviceRoutes(app, { devices: deviceService });
  auditRoutes(app, { audit: createAuditService({ audit }) });
  ticketRoutes(app, { tickets });
  ticketRatingRoutes(app, { tickets });
  groupSettingRoutes(app, { path: '/api/check-policies', what: 'check policy', schema: CheckPolicy, settings: checkPolicies.settings, afterChange: '; online agents get it at once' });
  scriptRoutes(app, { scripts: createScriptService({ db, scripts: scriptStore, audit, now }) });
  jobRoutes(app, { jobs });
  scheduleRoutes(app, { schedules: createScheduleService({ db, schedules: scheduleStore, scripts: scriptStore, devices, audit, now }) });
  attachmentRoutes(app, { attachments: createAttachmentService({ db, store: createAttachmentStore(db), files: createAttachmentFiles(config.dataDir), maxBytes: config.attachmentMaxBytes, now }) });
  knowledgeRoutes(app, { knowledge: createKnowledgeService({ db, tickets: ticketStore, now }) });
  reportRoutes(app, { reports: createReportService({ db, slaPolicy: () => settings.helpDesk().slaPolicy, now }) });
  settingsRoutes(app, { settings });
  notificationRoutes(app, { notifications });
  inventoryRoutes(app, { inventory, health, now });
  recordingRoutes(app, { recordings: createRecordingService({ sessions: shellSessions, audit }) });
  groupSettingRoutes(app, { path: '/api/shell-policies', what: 'remote shell policy', schema: ShellPolicy, settings: shellPolicies });
  routeUpgrades(app, [
    { path: '/agent', handler: liveHub.handleUpgrade },
    { path: SHELL_PATH, handler: shellRelay.handleUpgrade },
  ]);
  await app.register(webConsole, { webDir: config.webDir });
  assertEveryRouteServed(app);
  await app.ready();

  let closed = false;
  return {
    app,
    hub: liveHub,
    slaMonitor,
    offlineMonitor,
    jobDispatcher,
    scheduler,
    services: { enrollment, devices: deviceService, users: userService },
    get url() {
      return baseUrl;
    },
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      baseUrl = `${tls ? 'https' : 'http'}://${host}:${address.port}`;
      slaMonitor.start();
      offlineMonitor.start();
      jobDispatcher.start();
      scheduler.start();
      notifications.start();
      return baseUrl;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(retention);
      slaMonitor.stop();
      offlineMonitor.stop();
      jobDispatcher.stop();
      scheduler.stop();
      await notifications.stop();
      shellRelay.close();
      await liveHub.close();
      ingest.flush();
      presence.stop();
      await app.close();
      db.close();
    },
  };
}
