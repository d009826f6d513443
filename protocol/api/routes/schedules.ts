// Schedules: staff add, list, pause, resume and remove them (every change audited).
import { Type } from 'typebox';
import { STAFF } from '../access.js';
import { Ok } from '../common.js';
import { ScheduleIdParams, ScheduleRequest, ScheduleView } from '../schedules.js';
import { route } from '../route.js';

export const scheduleRoutes = {
  add: route({
    method: 'POST',
    path: '/api/schedules',
    summary: 'Run a script on a cron schedule (audited)',
    access: STAFF,
    body: ScheduleRequest,
    response: ScheduleView,
    status: 201,
    errors: ['not_found', 'conflict'],
  }),
  list: route({
    method: 'GET',
    path: '/api/schedules',
    summary: 'Every schedule',
    access: STAFF,
    response: Type.Array(ScheduleView),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/schedules/:id',
    summary: 'One schedule',
    access: STAFF,
    params: ScheduleIdParams,
    response: ScheduleView,
    errors: ['not_found'],
  }),
  pause: route({
    method: 'POST',
    path: '/api/schedules/:id/pause',
    summary: 'Stop firing until resumed (audited)',
    access: STAFF,
    params: ScheduleIdParams,
    response: ScheduleView,
    errors: ['not_found'],
  }),
  resume: route({
    method: 'POST',
    path: '/api/schedules/:id/resume',
    summary: 'Fire again from now on (audited)',
    access: STAFF,
    params: ScheduleIdParams,
    response: ScheduleView,
    errors: ['not_found'],
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/schedules/:id',
    summary: 'Remove a schedule (its jobs stay; audited)',
    access: STAFF,
    params: ScheduleIdParams,
    response: Ok,
    errors: ['not_found'],
  }),
};
