// The employee tickets of this PC as the server last sent them, kept in the state directory so
// `helpline-agent tickets` can show them even while the server cannot be reached.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compile } from 'typebox/compile';
import { EmployeeTickets, type EmployeeTicket } from '../../protocol/messages/employee.js';
import { writeAtomic } from '../state.js';

export const EMPLOYEE_TICKETS_FILE = 'employee-tickets.json';
const validator = Compile(EmployeeTickets);

export interface CachedEmployeeTickets {
  /** When the server sent the list (agent clock); null when it never did. */
  receivedAt: number | null;
  tickets: EmployeeTicket[];
}

export function readEmployeeTickets(stateDir: string): CachedEmployeeTickets {
  const file = join(stateDir, EMPLOYEE_TICKETS_FILE);
  if (!existsSync(file)) return { receivedAt: null, tickets: [] };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { receivedAt?: unknown; tickets?: unknown };
    const list = { tickets: parsed.tickets };
    // A damaged cache is only a stale view: show nothing rather than fail the command.
    if (typeof parsed.receivedAt !== 'number' || !validator.Check(list)) return { receivedAt: null, tickets: [] };
    return { receivedAt: parsed.receivedAt, tickets: list.tickets };
  } catch {
    return { receivedAt: null, tickets: [] };
  }
}

export function openEmployeeTicketCache(stateDir: string, now: () => number = Date.now) {
  return {
    replace(list: EmployeeTickets): void {
      writeAtomic(
        join(stateDir, EMPLOYEE_TICKETS_FILE),
        JSON.stringify({ receivedAt: now(), tickets: list.tickets }) + '\n',
        0o600,
      );
    },
    read: () => readEmployeeTickets(stateDir),
  };
}
