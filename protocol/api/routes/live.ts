// The live event stream: one per browser tab, Server-Sent Events (text/event-stream). SSE rather
// than a WebSocket: it only flows one way, it is a plain GET that the cookie session and the role
// check already cover, and EventSource reconnects by itself. The events are in ../live-events.ts.
import { ANY_ROLE } from '../access.js';
import { LiveEventsQuery } from '../live-events.js';
import { route } from '../route.js';

export const liveRoutes = {
  events: route({
    method: 'GET',
    path: '/api/events',
    summary: 'The live event stream (text/event-stream): devices online, health samples, tickets, jobs',
    access: ANY_ROLE,
    query: LiveEventsQuery,
    responseKind: 'text',
    // rate_limited: the user already has the most streams open that one user may.
    errors: ['rate_limited'],
  }),
};
