// Recordings of remote shells: staff read them; every download is audited (by the service).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { RecordingService } from './recording-service.js';

export function recordingRoutes(app: FastifyInstance, deps: { recordings: RecordingService }) {
  const { recordings } = deps;
  serve(app, API.recordings.list, async (request) => recordings.list(request.query));
  serve(app, API.recordings.show, async (request) => recordings.show(request.params.id));
  serve(app, API.recordings.cast, async (request, reply) => {
    const cast = await recordings.cast(currentUser(request).name, request.params.id);
    // A download, never a page: the terminal's bytes must not be rendered by a browser.
    void reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${request.params.id}.cast"`);
    return cast;
  });
}
