// Running scripts and reading results. Staff only: job output can hold anything a PC printed.
import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { JobService } from './service.js';

export function jobRoutes(app: FastifyInstance, deps: { jobs: JobService }) {
  const { jobs } = deps;
  serve(app, API.jobs.run, async (request) => jobs.run(currentUser(request).name, request.body));
  serve(app, API.jobs.prepare, async (request) => jobs.prepare(currentUser(request).name, request.body));
  serve(app, API.jobs.storeSigned, async (request) => jobs.storeSigned(currentUser(request).name, request.body));
  serve(app, API.jobs.list, async (request) => jobs.list(request.query));
  serve(app, API.jobs.show, async (request) => jobs.show(request.params.id));
}
