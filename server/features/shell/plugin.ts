// Remote shells: technicians' WebSockets relayed to the agent and recorded, the per-group shell
// policies, the recordings and their retention. A shell ends at once when its device disconnects
// or its technician is disabled; one opened for a ticket leaves a note on it.
import { join } from 'node:path';
import { API } from '../../../protocol/api/routes/index.js';
import { DEFAULT_SHELL_POLICY, ShellPolicy } from '../../../protocol/api/shell.js';
import type { ServerConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Listen } from '../../events.js';
import type { Agents, HandlersOf } from '../../hub/agents.js';
import { periodicCheck, RETENTION_EVERY_MS } from '../../periodic-check.js';
import { featurePlugin, type Shutdown } from '../../plugins/assembly.js';
import type { UpgradeRoutes } from '../../plugins/upgrades.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthService } from '../auth/service.js';
import type { BrowserSessions } from '../session/browser-sessions.js';
import type { DeviceStore } from '../devices/store.js';
import { groupSettingRoutes } from '../settings/group-setting-routes.js';
import { createGroupSettings } from '../settings/group-settings.js';
import type { TicketStore } from '../tickets/store.js';
import type { UserEvents } from '../users/plugin.js';
import { createShellRelay, SHELL_PATH } from './relay.js';
import { pruneRecordings } from './retention.js';
import { createRecordingService } from './recording-service.js';
import { recordingRoutes } from './routes.js';
import { createShellSessionStore, type ShellSessionRow } from './store.js';

const DAY_MS = 86_400_000;

interface ShellNeeds {
  db: Db;
  config: ServerConfig;
  auth: AuthService;
  browserSessions: BrowserSessions;
  audit: AuditStore;
  deviceStore: DeviceStore;
  ticketStore: TicketStore;
  ticketChanged: (ticketId: number) => void;
  userEvents: Listen<UserEvents>;
  hub: Agents;
  upgrades: UpgradeRoutes;
  now: () => number;
  shutdown: Shutdown;
}

export const shellPlugin = featurePlugin('shell', (app, parts: ShellNeeds) => {
  const { db, config, audit, deviceStore, ticketStore, hub, now } = parts;
  const shellPolicies = createGroupSettings({
    db,
    audit,
    now,
    prefix: 'shell-policy:',
    schema: ShellPolicy,
    defaultValue: DEFAULT_SHELL_POLICY,
    auditAction: 'shell_policy',
  });
  const shellSessions = createShellSessionStore(db);
  /** A shell opened for a ticket leaves a note on it: who, how long, and the recording. */
  const noteOnTicket = (session: ShellSessionRow | null) => {
    if (!session?.ticketId || session.endedAt === null) return;
    const minutes = Math.max(1, Math.round((session.endedAt - session.startedAt) / 60_000));
    const exit = session.exitCode !== null ? `, exit ${session.exitCode}` : '';
    const device = session.deviceName ?? session.deviceId;
    const recording = `Recording: helpline recordings play ${session.id}`;
    const body = `Remote shell by ${session.technician} on ${device}, ${minutes} min${exit}. ${recording}`;
    ticketStore.addEntry(session.ticketId, now(), session.technician, 'note', body);
    parts.ticketChanged(session.ticketId);
  };
  const shellRelay = createShellRelay({
    auth: parts.auth,
    browserSessions: parts.browserSessions,
    devices: deviceStore,
    policies: shellPolicies,
    isOnline: (id) => hub.isOnline(id),
    toAgent: (deviceId, type, body) => hub.send(deviceId, type, body),
    sessions: shellSessions,
    audit,
    recordingsDir: join(config.dataDir, 'recordings'),
    recordingMaxBytes: config.recordingMaxBytes,
    ticketExists: (id) => ticketStore.byId(id) !== undefined,
    onEnded: (sessionId) => noteOnTicket(shellSessions.byId(sessionId)),
    log: app.log,
    now,
  });
  const shellMessages: HandlersOf<'shell.waiting' | 'shell.opened' | 'shell.output' | 'shell.exit'> = {
    'shell.waiting': (agent, body) => shellRelay.fromAgent.waiting(agent.deviceId, body),
    'shell.opened': (agent, body) => shellRelay.fromAgent.opened(agent.deviceId, body),
    'shell.output': (agent, body) => shellRelay.fromAgent.output(agent.deviceId, body),
    'shell.exit': (agent, body) => shellRelay.fromAgent.exit(agent.deviceId, body),
  };
  hub.on('disconnected', (deviceId) => shellRelay.deviceGone(deviceId, 'the device disconnected'));
  parts.userEvents.on('disabled', (userId) => shellRelay.userDisabled(userId));
  parts.upgrades.add(SHELL_PATH, shellRelay.handleUpgrade);

  const pruneOld = () => {
    const recordings = pruneRecordings(shellSessions, now() - config.recordingRetentionDays * DAY_MS);
    if (recordings) app.log.info({ recordings }, 'deleted recordings past their retention');
  };
  const retentionCheck = periodicCheck(pruneOld, {
    intervalMs: RETENTION_EVERY_MS,
    log: app.log,
    what: 'recording retention',
  });
  app.addHook('onListen', async () => retentionCheck.start());
  // Before the agents' channels close: a session ends as "the server is shutting down".
  parts.shutdown.add(() => {
    retentionCheck.stop();
    shellRelay.close();
  });

  recordingRoutes(app, { recordings: createRecordingService({ sessions: shellSessions, audit }) });
  groupSettingRoutes(app, { routes: API.shellPolicies, settings: shellPolicies });
  return { shellMessages };
});
