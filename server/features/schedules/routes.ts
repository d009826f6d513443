// Schedules: staff add, list, pause, resume and remove them (every change audited).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Ok } from '../../../protocol/api/common.js';
import { ScheduleIdParams, ScheduleRequest, ScheduleView } from '../../../protocol/api/schedules.js';
import { STAFF, currentUser } from '../../plugins/access.js';
import type { ScheduleService } from './service.js';

type ById = { Params: { id: number } };

export function scheduleRoutes(app: FastifyInstance, deps: { schedules: ScheduleService }) {
  const { schedules } = deps;
  app.post<{ Body: ScheduleRequest }>(
    '/api/schedules',
    { config: { access: STAFF }, schema: { summary: 'Run a script on a cron schedule (audited)', body: ScheduleRequest, response: { 201: ScheduleView } } },
    async (request, reply) => reply.code(201).send(schedules.add(currentUser(request).name, request.body)),
  );
  app.get('/api/schedules', { config: { access: STAFF }, schema: { summary: 'Every schedule', response: { 200: Type.Array(ScheduleView) } } }, async () => schedules.list());
  app.get<ById>('/api/schedules/:id', { config: { access: STAFF }, schema: { summary: 'One schedule', params: ScheduleIdParams, response: { 200: ScheduleView } } }, async (request) =>
    schedules.show(request.params.id),
  );
  for (const [action, paused] of [['pause', true], ['resume', false]] as const) {
    app.post<ById>(
      `/api/schedules/:id/${action}`,
      { config: { access: STAFF }, schema: { summary: paused ? 'Stop firing until resumed (audited)' : 'Fire again from now on (audited)', params: ScheduleIdParams, response: { 200: ScheduleView } } },
      async (request) => schedules.setPaused(currentUser(request).name, request.params.id, paused),
    );
  }
  app.delete<ById>('/api/schedules/:id', { config: { access: STAFF }, schema: { summary: 'Remove a schedule (its jobs stay; audited)', params: ScheduleIdParams, response: { 200: Ok } } }, async (request) => {
    schedules.remove(currentUser(request).name, request.params.id);
    return { ok: true as const };
  });
}
