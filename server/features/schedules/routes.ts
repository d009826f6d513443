// Schedules: staff add, list, pause, resume and remove them (every change audited).
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { ScheduleService } from './service.js';

export function scheduleRoutes(app: FastifyInstance, deps: { schedules: ScheduleService }) {
  const { schedules } = deps;
  serve(app, API.schedules.add, async (request) => schedules.add(currentUser(request).name, request.body));
  serve(app, API.schedules.list, async () => schedules.list());
  serve(app, API.schedules.show, async (request) => schedules.show(request.params.id));
  serve(app, API.schedules.pause, async (request) =>
    schedules.setPaused(currentUser(request).name, request.params.id, true),
  );
  serve(app, API.schedules.resume, async (request) =>
    schedules.setPaused(currentUser(request).name, request.params.id, false),
  );
  serve(app, API.schedules.remove, async (request) => {
    schedules.remove(currentUser(request).name, request.params.id);
    return { ok: true as const };
  });
}
