// The fleet: the table's rows, tags, moving a device to another group, bulk actions over many
// devices, and each user's console preferences. A bulk action makes, per device, the same call
// the single route makes, so each device gets its own outcome and its own audit entry; what a
// role may not do is refused for the whole request before anything changes.
import type { DeviceView } from '../../../protocol/api/devices.js';
import {
  MAX_TAGS_PER_DEVICE,
  type BulkOutcome,
  type BulkRequest,
  type FleetQuery,
  type FleetRow,
  type Preferences,
  type TagChange,
} from '../../../protocol/api/fleet.js';
import type { AgentPolicy } from '../../../protocol/messages/policy.js';
import { ApiError } from '../../errors.js';
import type { Agents } from '../../hub/agents.js';
import type { AuditStore } from '../audit/store.js';
import type { AuthUser } from '../auth/service.js';
import type { DeviceService } from '../devices/service.js';
import type { InventoryStore } from '../inventory/store.js';
import type { MaintenanceService } from '../maintenance/service.js';
import { tagKey, type FleetStore } from './store.js';

export function createFleetService(deps: {
  fleet: FleetStore;
  devices: DeviceService;
  inventory: InventoryStore;
  audit: AuditStore;
  agents: Agents;
  agentPolicy: (group: string) => AgentPolicy;
  maintenance: Pick<MaintenanceService, 'badges'>;
  onChanged: (deviceId: string) => void;
}) {
  const { fleet, devices, audit } = deps;

  const rowsOf = (views: DeviceView[]): FleetRow[] => {
    const tags = fleet.allTags();
    const health = new Map(fleet.latestHealth().map((entry) => [entry.deviceId, entry]));
    const osNames = fleet.osNames();
    const tickets = fleet.openTickets();
    const maintenance = deps.maintenance.badges();
    return views.map((device) => {
      const latest = health.get(device.id);
      return {
        device,
        tags: tags.get(device.id) ?? [],
        cpuPercent: latest?.cpuPct ?? null,
        memoryPercent: latest?.memPct ?? null,
        diskPercent: latest?.diskMaxPct ?? null,
        osName: osNames.get(device.id) ?? null,
        openTickets: tickets.get(device.id) ?? 0,
        maintenance: maintenance.get(device.id) ?? null,
      };
    });
  };
  const rowOf = (id: string) => rowsOf([devices.show(id)])[0]!;

  /** Changes one device's tags; answers the device (a bulk request must not build a row per device). */
  function applyTags(user: AuthUser, id: string, change: TagChange): DeviceView {
    const device = devices.show(id);
    const before = fleet.tagsOf(id);
    const removing = new Set((change.remove ?? []).map(tagKey));
    const adding = (change.add ?? []).filter((tag) => !removing.has(tagKey(tag)));
    const kept = before.filter((tag) => !removing.has(tagKey(tag)));
    const keys = new Set(kept.map(tagKey));
    const added = adding.filter((tag) => !keys.has(tagKey(tag)));
    if (kept.length + added.length > MAX_TAGS_PER_DEVICE)
      throw new ApiError(
        'validation_failed',
        `device ${id} would have ${kept.length + added.length} tags; at most ${MAX_TAGS_PER_DEVICE} are allowed`,
      );
    const removed = before.filter((tag) => removing.has(tagKey(tag)));
    for (const tag of removed) fleet.removeTag(id, tag);
    for (const tag of added) fleet.addTag(id, tag);
    if (added.length || removed.length) {
      audit.record({ actor: user.name, action: 'device.tagged', target: id, detail: { added, removed } });
      deps.onChanged(id);
    }
    return device;
  }

  function move(user: AuthUser, id: string, group: string): DeviceView {
    const device = devices.show(id);
    // Group names compare case-insensitively (device_groups is NOCASE): an existing group keeps its spelling.
    group = fleet.groupSpelling(group) ?? group;
    if (device.group === group) return device;
    fleet.setGroup(id, group);
    audit.record({ actor: user.name, action: 'device.moved', target: id, detail: { from: device.group, to: group } });
    // The group's policies apply from now on: an agent online gets its new check policy at once.
    deps.agents.send(id, 'policy.update', deps.agentPolicy(group));
    deps.onChanged(id);
    return devices.show(id);
  }

  const ADMIN_ACTIONS = new Set(['move', 'approve', 'revoke']);

  return {
    list(query: FleetQuery): FleetRow[] {
      let views = devices.list();
      if (query.group !== undefined) views = views.filter((device) => device.group === query.group);
      if (query.tag !== undefined) {
        const tagged = fleet.devicesWithTag(query.tag);
        views = views.filter((device) => tagged.has(device.id));
      }
      if (query.software !== undefined) {
        const having = new Set(deps.inventory.findSoftware(query.software).map((entry) => entry.deviceId));
        views = views.filter((device) => having.has(device.id));
      }
      return rowsOf(views);
    },
    changeTags: (user: AuthUser, id: string, change: TagChange): FleetRow => {
      applyTags(user, id, change);
      return rowOf(id);
    },
    move,
    /** Devices with a tag, for run and schedule targets. */
    devicesWithTag: (tag: string) => fleet.devicesWithTag(tag),

    bulk(user: AuthUser, request: BulkRequest): BulkOutcome[] {
      const { action } = request;
      if (ADMIN_ACTIONS.has(action.kind) && user.role !== 'admin')
        throw new ApiError('forbidden', `only an admin may ${action.kind} devices; nothing was changed`);
      audit.record({
        actor: user.name,
        action: 'devices.bulk',
        detail: { kind: action.kind, devices: request.deviceIds.length },
      });
      // One transaction for the whole request (one fsync, not one per device and audit entry); each
      // device's checks come before its writes, so a device that fails has changed nothing.
      return fleet.inTransaction(() =>
        request.deviceIds.map((deviceId): BulkOutcome => {
          try {
            const device =
              action.kind === 'tag'
                ? applyTags(user, deviceId, action.change)
                : action.kind === 'move'
                  ? move(user, deviceId, action.group)
                  : action.kind === 'approve'
                    ? devices.approve(user, deviceId)
                    : devices.revoke(user, deviceId, action.reason);
            return { deviceId, ok: true, device };
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            return { deviceId, ok: false, code: error.code, message: error.message };
          }
        }),
      );
    },

    preferences(user: AuthUser): Preferences {
      return (fleet.preferences(user.id) as Preferences | undefined) ?? {};
    },
    savePreferences(user: AuthUser, preferences: Preferences): Preferences {
      fleet.savePreferences(user.id, preferences);
      return preferences;
    },
  };
}
export type FleetService = ReturnType<typeof createFleetService>;
