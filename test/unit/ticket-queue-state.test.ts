// The queue's state in the address: what a link says is what the queue shows, unknown or
// out-of-range parts fall back to the defaults, and the API query never carries a filter the
// server would refuse.
import { describe, expect, it } from 'vitest';
import {
  INITIAL_QUEUE,
  NO_FILTERS,
  queueQuery,
  queueSearch,
  readQueueState,
  sortBy,
} from '../../console/web/state/ticket-queue.js';

describe('ticket queue state', () => {
  it('reads back what it writes, and writes nothing for the defaults', () => {
    expect(queueSearch(INITIAL_QUEUE)).toBe('');
    const state = {
      view: 'at_risk' as const,
      filters: { ...NO_FILTERS, q: 'printer jams', channel: 'phone', line: '2' },
      sort: 'due' as const,
      descending: true,
      offset: 200,
    };
    const search = queueSearch(state);
    expect(search).toBe('?view=at_risk&q=printer+jams&line=2&channel=phone&sort=due&order=desc&offset=200');
    expect(readQueueState(search)).toEqual(state);
  });

  it('leaves what it does not understand at the default', () => {
    const state = readQueueState('?view=everything&sort=colour&offset=-5&order=sideways');
    expect(state).toMatchObject({ view: 'all', sort: 'priority', descending: false, offset: 0 });
  });

  it('sends only filters the server accepts', () => {
    const query = queueQuery({
      ...INITIAL_QUEUE,
      filters: {
        ...NO_FILTERS,
        status: 'lost',
        line: '7',
        priority: '2',
        channel: 'fax',
        q: '  vpn  ',
        group: 'x'.repeat(65),
      },
    });
    expect(query).toMatchObject({ view: 'all', priority: 2, q: 'vpn', limit: 100, offset: 0 });
    expect(query.status).toBeUndefined();
    expect(query.line).toBeUndefined();
    expect(query.channel).toBeUndefined();
    expect(query.group).toBeUndefined();
  });

  it('sorts a new column ascending (newest first for times) and flips a sorted one', () => {
    const bySubject = sortBy({ ...INITIAL_QUEUE, offset: 300 }, 'subject');
    expect(bySubject).toMatchObject({ sort: 'subject', descending: false, offset: 0 });
    expect(sortBy(bySubject, 'subject').descending).toBe(true);
    expect(sortBy(INITIAL_QUEUE, 'updated').descending).toBe(true);
  });
});
