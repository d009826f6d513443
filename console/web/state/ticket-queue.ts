// What the ticket queue shows, kept in the address (?view=mine&status=pending&sort=due…) so a
// reload, the back button and a pasted link show the same queue. Pure: tests read and write it
// without a browser.
import {
  TICKET_SORTS,
  TICKET_VIEWS,
  type TicketQueueQuery,
  type TicketQueueViewName,
  type TicketSort,
} from '../../../protocol/api/ticket-queue.js';
import { TICKET_CHANNELS, TICKET_SOURCES, TICKET_STATUSES } from '../../../protocol/api/tickets.js';

export const QUEUE_PAGE_SIZE = 100;
export const DEFAULT_VIEW: TicketQueueViewName = 'all';

/** The filters a person types or picks; empty text means "any". */
export interface QueueFilters {
  q: string;
  status: string;
  line: string;
  priority: string;
  category: string;
  source: string;
  channel: string;
  group: string;
  requester: string;
}
export const NO_FILTERS: QueueFilters = {
  q: '',
  status: '',
  line: '',
  priority: '',
  category: '',
  source: '',
  channel: '',
  group: '',
  requester: '',
};

const FILTER_KEYS = Object.keys(NO_FILTERS) as Array<keyof QueueFilters>;

export interface QueueState {
  view: TicketQueueViewName;
  filters: QueueFilters;
  sort: TicketSort;
  descending: boolean;
  offset: number;
}
export const INITIAL_QUEUE: QueueState = {
  view: DEFAULT_VIEW,
  filters: NO_FILTERS,
  sort: 'priority',
  descending: false,
  offset: 0,
};

const oneOf = <T extends string>(values: readonly T[], text: string | null): T | undefined =>
  values.find((value) => value === text);
const level = (text: string, max: number) => (/^[1-9]$/.test(text) && Number(text) <= max ? Number(text) : undefined);

/** The queue an address asks for; whatever is not understood is left at its default. */
export function readQueueState(search: string): QueueState {
  const params = new URLSearchParams(search);
  const filters = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? '';
  const offset = Number(params.get('offset'));
  return {
    view: oneOf(TICKET_VIEWS, params.get('view')) ?? DEFAULT_VIEW,
    filters,
    sort: oneOf(TICKET_SORTS, params.get('sort')) ?? INITIAL_QUEUE.sort,
    descending: params.get('order') === 'desc',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address part for a queue: only what differs from the defaults. */
export function queueSearch(state: QueueState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_VIEW) params.set('view', state.view);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key].trim();
    if (value) params.set(key, value);
  }
  if (state.sort !== INITIAL_QUEUE.sort) params.set('sort', state.sort);
  if (state.descending) params.set('order', 'desc');
  if (state.offset) params.set('offset', String(state.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API query for a queue state; filters the server would refuse are dropped, not sent. */
export function queueQuery(state: QueueState): TicketQueueQuery {
  const { filters } = state;
  const text = (value: string, max: number) => {
    const trimmed = value.trim();
    return trimmed && trimmed.length <= max ? trimmed : undefined;
  };
  return {
    view: state.view,
    status: oneOf(TICKET_STATUSES, filters.status),
    line: level(filters.line, 3),
    priority: level(filters.priority, 5),
    category: text(filters.category, 64),
    source: oneOf(TICKET_SOURCES, filters.source),
    channel: oneOf(TICKET_CHANNELS, filters.channel),
    group: text(filters.group, 64),
    requester: text(filters.requester, 200),
    q: text(filters.q, 200),
    sort: state.sort,
    order: state.descending ? 'desc' : 'asc',
    limit: QUEUE_PAGE_SIZE,
    offset: state.offset,
  };
}

/** A click on a column header: that column ascending, or the other way when it is sorted already. */
export function sortBy(state: QueueState, sort: TicketSort): QueueState {
  const descending = state.sort === sort ? !state.descending : sort === 'updated' || sort === 'created';
  return { ...state, sort, descending, offset: 0 };
}

export const activeFilterCount = (filters: QueueFilters) =>
  FILTER_KEYS.filter((key) => filters[key].trim() !== '').length;
