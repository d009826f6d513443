// The help desk's tickets: creation, the status workflow, replies and notes, escalation by hand.
// Every change is one transaction and leaves a history row.
import type {
  AssigneeView,
  ClassifyRequest,
  CreateTicketRequest,
  RateRequest,
  TicketDetailView,
  TicketListQuery,
  TicketView,
} from '../../../protocol/api/tickets.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuthUser } from '../auth/service.js';
import type { DeviceStore } from '../devices/store.js';
import type { UserStore } from '../users/store.js';
import type { FaultStore } from '../faults/store.js';
import type { RatingStore } from './rating-store.js';
import type { NewTicket, TicketRow, TicketStore } from './store.js';
import { assertAllowed } from './transitions.js';
import type { HelpDeskSettings } from '../../../protocol/api/help-desk-settings.js';
import type { TicketEvent } from '../../../protocol/api/notifications.js';
import type { Priority } from '../../../protocol/api/sla.js';
import type { TicketSnapshot } from '../../../protocol/api/snapshot.js';
import { priorityFor } from '../sla/priority.js';
import { evaluateSla } from '../sla/sla-clock.js';
import { toTicketSlaView } from '../sla/sla-events.js';
import { iso } from '../../time.js';

import { ticketView } from './ticket-view.js';

export interface TicketServiceDeps {
  db: Db;
  tickets: TicketStore;
  users: UserStore;
  devices: DeviceStore;
  faults: FaultStore;
  ratings: RatingStore;
  settings: () => HelpDeskSettings;
  /** Told of every event that people may subscribe to (new, assigned, escalated, SLA, resolved). */
  onEvent?: (event: TicketEvent) => void;
  /** Told after every change to a ticket (the agent's employee ticket list follows it). */
  onChanged?: (id: number) => void;
  now?: () => number;
}

/** A ticket a device opened: an employee's request or a fault. */
export type DeviceTicket = Pick<
  NewTicket,
  | 'subject'
  | 'description'
  | 'requesterName'
  | 'deviceId'
  | 'category'
  | 'channel'
  | 'impact'
  | 'urgency'
  | 'faultKey'
  | 'snapshot'
> & {
  requesterKind: 'employee' | 'system';
  source: 'employee' | 'fault';
};

export function createTicketService(deps: TicketServiceDeps) {
  const now = deps.now ?? Date.now;
  const evaluate = (row: TicketRow) =>
    evaluateSla({
      policy: deps.settings().slaPolicy,
      priority: row.priority as Priority,
      createdAt: row.createdAt,
      statusIntervals: deps.tickets.statusIntervals(row.id),
      firstResponseAt: row.firstResponseAt,
      resolvedAt: row.resolvedAt,
      now: now(),
    });
  const view = (row: TicketRow) => ticketView(row, toTicketSlaView(evaluate(row)));
  const find = (id: number) => {
    const row = deps.tickets.byId(id);
    if (!row) throw new ApiError('not_found', `no ticket #${id}`);
    return row;
  };
  const userId = (name: string) => {
    const user = deps.users.byName(name);
    if (!user || user.disabled) throw new ApiError('validation_failed', `no active user ${name}`);
    if (user.role === 'viewer')
      throw new ApiError('validation_failed', `${name} is a viewer and cannot be assigned tickets`);
    return user;
  };
  const change = <T>(work: () => T) => deps.db.transaction(work)();
  /** The answer of every change: the ticket as it is now, after telling who follows it. */
  const changed = (id: number) => {
    deps.onChanged?.(id);
    return view(find(id));
  };
  const insert = (
    ticket: Omit<NewTicket, 'priority' | 'line' | 'assigneeId' | 'status' | 'createdAt'> & { line?: 1 | 2 | 3 },
    actor: string,
  ): number =>
    change(() => {
      const at = now();
      const id = deps.tickets.insert({
        ...ticket,
        priority: priorityFor(deps.settings().priorityMatrix, ticket.impact, ticket.urgency),
        line: ticket.line ?? 1,
        assigneeId: null,
        status: 'new',
        createdAt: at,
      });
      deps.tickets.recordCreation(id, at, actor);
      return id;
    });
  const emit = (kind: TicketEvent['kind'], id: number, actor: string, detail: string | null = null) => {
    if (!deps.onEvent) return;
    const row = find(id);
    const deviceGroup = row.deviceId ? (deps.devices.byId(row.deviceId)?.group ?? null) : null;
    deps.onEvent({
      kind,
      at: now(),
      actor,
      detail,
      ticket: {
        id,
        subject: row.subject,
        priority: row.priority,
        line: row.line,
        status: row.status,
        assignee: row.assignee,
        requester: row.requesterName,
        deviceId: row.deviceId,
        deviceName: row.deviceName,
        deviceGroup,
      },
    });
  };

  /**
   * The requester's rating of a resolved (or closed) ticket; rating again replaces it.
   * The requester is checked by the caller (the user, or the OS account on the ticket's device).
   */
  const rate = (id: number, by: string, rating: number, comment: string): void => {
    const row = find(id);
    if (row.status !== 'resolved' && row.status !== 'closed') {
      const status = row.status.replace('_', ' ');
      throw new ApiError('invalid_state', `ticket #${id} is ${status}; it can be rated once it is resolved`);
    }
    change(() => {
      const at = now();
      deps.ratings.put(id, rating, comment, at);
      deps.tickets.addEntry(id, at, by, 'event', `Rated ${rating} of 5${comment ? `: ${comment}` : ''}`);
    });
    deps.onChanged?.(id);
  };

  return {
    create(actor: AuthUser, request: CreateTicketRequest, source: 'technician' | 'api' = 'technician'): TicketView {
      if (request.deviceId && !deps.devices.byId(request.deviceId))
        throw new ApiError('validation_failed', `no device ${request.deviceId}`);
      const impact = request.impact ?? 3;
      const urgency = request.urgency ?? 3;
      const id = insert(
        {
          subject: request.subject.trim(),
          description: request.description ?? '',
          // A request taken for an employee (by phone, in person) is theirs; otherwise the technician's own.
          ...(request.requester
            ? { requesterKind: 'employee' as const, requesterName: request.requester.trim(), requesterUserId: null }
            : { requesterKind: 'user' as const, requesterName: actor.name, requesterUserId: actor.id }),
          deviceId: request.deviceId ?? null,
          category: request.category ?? 'general',
          source,
          channel: request.channel ?? null,
          impact,
          urgency,
          line: request.line ?? 1,
          faultKey: null,
          snapshot: null,
        },
        actor.name,
      );
      emit('ticket.created', id, actor.name);
      return changed(id);
    },

    /** Opens a ticket for a device (an employee's request, a fault); returns its id. */
    openForDevice(ticket: DeviceTicket): number {
      const id = insert({ ...ticket, requesterUserId: null }, ticket.requesterName);
      emit('ticket.created', id, ticket.requesterName);
      deps.onChanged?.(id);
      return id;
    },

    rate,

    /** A signed-in user's rating: only the user who asked for the ticket may rate it. */
    rateAsRequester(actor: AuthUser, id: number, request: RateRequest): void {
      const row = find(id);
      if (row.requesterKind !== 'user' || row.requesterUserId !== actor.id) {
        throw new ApiError('forbidden', `only the requester of ticket #${row.id} can rate it`);
      }
      rate(row.id, actor.name, request.rating, request.comment?.trim() ?? '');
    },

    list(actor: AuthUser, query: TicketListQuery): TicketView[] {
      const views = deps.tickets
        .list({
          status: query.status,
          line: query.line,
          deviceId: query.deviceId,
          assigneeId: query.mine ? actor.id : undefined,
          openOnly: query.status === undefined && query.mine === true,
          limit: query.limit ?? 200,
        })
        .map(view);
      return query.breached
        ? views.filter(
            (ticket) => ticket.sla.firstResponse.state === 'breached' || ticket.sla.resolution.state === 'breached',
          )
        : views;
    },

    /** A stored ticket as the API shows it, with its SLA clocks now (for the queue). */
    viewOf: view,

    /** Lets the SLA monitor announce warnings and breaches like any other event. */
    announce: (kind: 'sla.warning' | 'sla.breach', id: number, detail: string) => emit(kind, id, 'system', detail),

    /** The SLA evaluation of one ticket (for the monitor). */
    evaluate: (id: number) => evaluate(find(id)),

    show(id: number): TicketDetailView {
      const row = find(id);
      const rated = deps.ratings.of(id);
      return {
        ticket: view(row),
        entries: deps.tickets.entries(id).map((entry) => ({ ...entry, at: iso(entry.at) })),
        history: deps.tickets.history(id).map((entry) => ({ ...entry, at: iso(entry.at) })),
        snapshot: row.snapshot ? (JSON.parse(row.snapshot) as TicketSnapshot) : null,
        activeFaults: deps.faults.active(id),
        rating: rated ? { rating: rated.rating, comment: rated.comment, at: iso(rated.at) } : null,
      };
    },

    /** A public reply; the first one from staff is the first response the SLA measures. */
    reply(actor: AuthUser, id: number, body: string): TicketView {
      const row = find(id);
      if (row.status === 'closed')
        throw new ApiError(
          'invalid_state',
          `ticket #${id} is closed; reopen is not possible after closing, open a new ticket`,
        );
      change(() => {
        const at = now();
        deps.tickets.addEntry(id, at, actor.name, 'reply', body);
        if (row.firstResponseAt === null)
          deps.tickets.update(id, actor.name, at, { firstResponseAt: at }, { firstResponseAt: [null, iso(at)] });
      });
      return changed(id);
    },

    note(actor: AuthUser, id: number, body: string): TicketView {
      find(id);
      change(() => deps.tickets.addEntry(id, now(), actor.name, 'note', body));
      return changed(id);
    },

    assign(actor: AuthUser, id: number, assigneeName: string): TicketView {
      const row = find(id);
      assertAllowed('assign', row.status);
      const assignee = userId(assigneeName);
      change(() => {
        deps.tickets.update(
          id,
          actor.name,
          now(),
          { assigneeId: assignee.id, ...(row.status === 'new' ? { status: 'assigned' } : {}) },
          { assigneeId: [row.assignee, assignee.name] },
        );
      });
      emit('ticket.assigned', id, actor.name);
      return changed(id);
    },

    /** Everyone a ticket can go to: active admins and technicians (viewers only read). */
    assignees: (): AssigneeView[] =>
      deps.users
        .all()
        .filter((user) => !user.disabled && user.role !== 'viewer')
        .map((user) => ({ name: user.name, role: user.role, line: user.line })),

    /** Impact, urgency (the priority follows from them) and category, as a technician sees them. */
    classify(actor: AuthUser, id: number, request: ClassifyRequest): TicketView {
      const row = find(id);
      if (row.status === 'closed') throw new ApiError('invalid_state', `ticket #${id} is closed; reopen it first`);
      const impact = request.impact ?? row.impact;
      const urgency = request.urgency ?? row.urgency;
      const priority = priorityFor(deps.settings().priorityMatrix, impact, urgency);
      const category = request.category?.trim() ?? row.category;
      change(() => deps.tickets.update(id, actor.name, now(), { impact, urgency, priority, category }));
      return changed(id);
    },

    start(actor: AuthUser, id: number): TicketView {
      const row = find(id);
      assertAllowed('start', row.status);
      change(() => {
        deps.tickets.update(
          id,
          actor.name,
          now(),
          { status: 'in_progress', ...(row.assigneeId === null ? { assigneeId: actor.id } : {}) },
          { assigneeId: [null, actor.name] },
        );
      });
      return changed(id);
    },

    pending(actor: AuthUser, id: number, reason?: string): TicketView {
      const row = find(id);
      assertAllowed('pending', row.status);
      change(() => {
        const at = now();
        deps.tickets.update(id, actor.name, at, { status: 'pending' });
        if (reason) deps.tickets.addEntry(id, at, actor.name, 'note', `Pending: ${reason}`);
      });
      return changed(id);
    },

    resolve(actor: AuthUser, id: number, resolution: string): TicketView {
      const row = find(id);
      assertAllowed('resolve', row.status);
      change(() => {
        const at = now();
        deps.tickets.update(
          id,
          actor.name,
          at,
          {
            status: 'resolved',
            resolution,
            resolvedAt: at,
            ...(row.assigneeId === null && actor.id > 0 ? { assigneeId: actor.id } : {}),
          },
          { assigneeId: [null, actor.name], resolvedAt: [null, iso(at)] },
        );
      });
      emit('ticket.resolved', id, actor.name, resolution);
      return changed(id);
    },

    close(actor: AuthUser, id: number): TicketView {
      assertAllowed('close', find(id).status);
      change(() => {
        const at = now();
        deps.tickets.update(id, actor.name, at, { status: 'closed', closedAt: at }, { closedAt: [null, iso(at)] });
      });
      return changed(id);
    },

    reopen(actor: AuthUser, id: number, reason: string): TicketView {
      assertAllowed('reopen', find(id).status);
      change(() => {
        const at = now();
        deps.tickets.update(id, actor.name, at, { status: 'in_progress', resolvedAt: null });
        deps.tickets.addEntry(id, at, actor.name, 'note', `Reopened: ${reason}`);
      });
      return changed(id);
    },

    /** Escalation by hand: next support line, optionally higher priority and a new assignee; a note is required. */
    escalate(
      actor: AuthUser,
      id: number,
      request: { note: string; raisePriority?: boolean; assignee?: string },
    ): TicketView {
      const row = find(id);
      assertAllowed('escalate', row.status);
      if (row.line >= 3)
        throw new ApiError('invalid_state', `ticket #${id} is already at support line 3; there is no line above it`);
      const assignee = request.assignee ? userId(request.assignee) : null;
      change(() => {
        const at = now();
        const changes: Record<string, string | number | null> = {
          line: row.line + 1,
          assigneeId: assignee?.id ?? null,
        };
        if (request.raisePriority && row.priority > 1) changes.priority = row.priority - 1;
        if (!assignee && row.status !== 'new') changes.status = 'new';
        if (assignee && row.status === 'new') changes.status = 'assigned';
        deps.tickets.update(id, actor.name, at, changes, { assigneeId: [row.assignee, assignee?.name ?? null] });
        deps.tickets.addEntry(id, at, actor.name, 'event', `Escalated to line ${row.line + 1}: ${request.note}`);
      });
      emit('ticket.escalated', id, actor.name, request.note);
      return changed(id);
    },
  };
}
export type TicketService = ReturnType<typeof createTicketService>;
