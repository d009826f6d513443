// Bulk actions on the selected devices, as the server does them: tag, move, approve and revoke go
// through the bulk route, which answers per device; running a script goes through the jobs route,
// one job per device. Either way the page gets one outcome per device to show.
import type { BulkAction } from '../../../protocol/api/fleet.js';
import { ApiRequestError } from '../../../protocol/errors.js';
import { API, call } from '../api.js';

export type BulkKind = 'run' | 'move' | 'addTag' | 'removeTag' | 'approve' | 'revoke';

/** What the dialog collected for the action: a script, a group, a tag, a reason. */
export interface BulkInput {
  kind: BulkKind;
  script?: string;
  group?: string;
  tag?: string;
  reason?: string;
}

export interface DeviceOutcome {
  deviceId: string;
  ok: boolean;
  /** What happened, in the server's words when it refused. */
  message: string | null;
}

/** Which bulk actions a role may start: approving, revoking and moving are an admin's. */
export function bulkKindsFor(role: 'admin' | 'technician' | 'viewer'): BulkKind[] {
  if (role === 'viewer') return [];
  const staff: BulkKind[] = ['run', 'addTag', 'removeTag'];
  return role === 'admin' ? [...staff, 'move', 'approve', 'revoke'] : staff;
}

function actionOf(input: BulkInput): BulkAction {
  switch (input.kind) {
    case 'addTag':
      return { kind: 'tag', change: { add: [input.tag ?? ''] } };
    case 'removeTag':
      return { kind: 'tag', change: { remove: [input.tag ?? ''] } };
    case 'move':
      return { kind: 'move', group: input.group ?? '' };
    case 'approve':
      return { kind: 'approve' };
    case 'revoke':
      return input.reason ? { kind: 'revoke', reason: input.reason } : { kind: 'revoke' };
    case 'run':
      throw new Error('a script run is not a bulk device action');
  }
}

/** Runs the action on every device; a refusal of the whole request becomes every device's outcome. */
export async function runBulk(input: BulkInput, deviceIds: string[]): Promise<DeviceOutcome[]> {
  try {
    if (input.kind === 'run') {
      const run = await call(API.jobs.run, { body: { script: input.script ?? '', deviceIds } });
      const queued = new Set(run.jobs.map((job) => job.deviceId));
      return deviceIds.map((deviceId) => ({ deviceId, ok: queued.has(deviceId), message: null }));
    }
    const result = await call(API.fleet.bulk, { body: { deviceIds, action: actionOf(input) } });
    return result.outcomes.map((outcome) =>
      outcome.ok
        ? { deviceId: outcome.deviceId, ok: true, message: null }
        : { deviceId: outcome.deviceId, ok: false, message: outcome.message },
    );
  } catch (error) {
    const message = error instanceof ApiRequestError ? error.message : String(error);
    return deviceIds.map((deviceId) => ({ deviceId, ok: false, message }));
  }
}
