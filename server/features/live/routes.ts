// The live event stream's route: opens a stream for the signed-in user and ends it when the tab's
// connection closes.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { LiveStreams } from './streams.js';

export function liveRoutes(app: FastifyInstance, deps: { streams: LiveStreams }) {
  serve(app, API.live.events, async (request, reply) => {
    const user = currentUser(request);
    const body = deps.streams.open({ userId: user.id, role: user.role, tokenId: user.tokenId }, request.query.device);
    request.raw.on('close', () => deps.streams.closed(body));
    void reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      // Never cached or held back by a proxy: every frame must reach the tab when it is written.
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no');
    return body;
  });
}
