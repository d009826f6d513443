// Schedules: created, paused, resumed and removed by staff (every change audited); each firing
// makes a run of the script's newest version through the job service.
import type { ScheduleRequest, ScheduleView } from '../../../protocol/api/schedules.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { DeviceStore } from '../devices/store.js';
import { resolveJobArgs } from '../jobs/arguments.js';
import type { ScriptStore } from '../scripts/store.js';
import type { ScheduleRow, ScheduleStore } from './store.js';
import { nextFiring, scheduleTimingProblem } from '../../../protocol/schedule-cron.js';
import { iso } from '../../time.js';

export function scheduleView(row: ScheduleRow): ScheduleView {
  return {
    id: row.id,
    name: row.name,
    script: row.scriptName,
    target: { kind: row.targetKind, value: row.target },
    cron: row.cron,
    timeZone: row.timeZone,
    spreadMs: row.spreadMs,
    window: row.window,
    args: row.args,
    paused: row.paused,
    nextFireAt: iso(row.nextFireAt),
    lastFiredAt: iso(row.lastFiredAt),
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
  };
}

export function createScheduleService(deps: {
  db: Db;
  schedules: ScheduleStore;
  scripts: ScriptStore;
  devices: DeviceStore;
  audit: AuditStore;
  now: () => number;
}) {
  const find = (id: number) => {
    const row = deps.schedules.byId(id);
    if (!row) throw new ApiError('not_found', `no schedule #${id}`);
    return row;
  };
  const audited = <T>(
    actor: string,
    action: string,
    target: string,
    detail: Record<string, unknown>,
    work: () => T,
  ): T =>
    deps.db.transaction(() => {
      const result = work();
      deps.audit.record({ actor, action, target, detail });
      return result;
    })();

  return {
    add(actor: string, request: ScheduleRequest): ScheduleView {
      const named = [request.deviceId, request.group, request.tag].filter((given) => given !== undefined);
      if (named.length !== 1)
        throw new ApiError('validation_failed', 'name the target: deviceId, group or tag (exactly one of them)');
      const problem = scheduleTimingProblem(request.cron, request.timeZone);
      if (problem) throw new ApiError('validation_failed', problem);
      if (deps.schedules.nameTaken(request.name))
        throw new ApiError('conflict', `a schedule named ${request.name} exists already`);
      const variants = deps.scripts.variants(request.script);
      if (variants.length === 0) throw new ApiError('not_found', `no script named ${request.script}`);
      if (request.deviceId && !deps.devices.byId(request.deviceId))
        throw new ApiError('validation_failed', `no device ${request.deviceId}`);
      // Checked against every variant now; each firing checks again against the newest versions.
      for (const variant of variants) resolveJobArgs(variant.name, variant.params, request.args);
      const args = request.args ?? {};
      const nextFireAt = nextFiring(request.cron, request.timeZone, deps.now());
      const id = audited(
        actor,
        'schedule.created',
        request.name,
        { script: request.script, cron: request.cron, timeZone: request.timeZone, window: request.window ?? null },
        () =>
          deps.schedules.insert({
            name: request.name,
            scriptName: request.script,
            targetKind: request.deviceId ? 'device' : request.tag ? 'tag' : 'group',
            target: request.deviceId ?? request.tag ?? request.group!,
            cron: request.cron,
            timeZone: request.timeZone,
            spreadMs: request.spreadMs ?? 0,
            window: request.window ?? null,
            args,
            createdBy: actor,
            createdAt: deps.now(),
            nextFireAt,
          }),
      );
      return scheduleView(find(id));
    },
    list: () => deps.schedules.all().map(scheduleView),
    show: (id: number) => scheduleView(find(id)),
    setPaused(actor: string, id: number, paused: boolean): ScheduleView {
      const row = find(id);
      // Resuming starts from now: firings missed while paused are not made up.
      const next = paused ? row.nextFireAt : nextFiring(row.cron, row.timeZone, deps.now());
      audited(actor, paused ? 'schedule.paused' : 'schedule.resumed', row.name, {}, () =>
        deps.schedules.setPaused(id, paused, next),
      );
      return scheduleView(find(id));
    },
    remove(actor: string, id: number): void {
      const row = find(id);
      audited(actor, 'schedule.removed', row.name, {}, () => deps.schedules.remove(id));
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
