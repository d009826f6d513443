// Running scripts and reading results. Staff only: job output can hold anything a PC printed.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { JobListQuery, JobView, PreparedRun, RunRequest, RunView, SignedJobsRequest } from '../../../protocol/api/jobs.js';
import { JobId } from '../../../protocol/messages/jobs.js';
import { STAFF, currentUser } from '../../plugins/access.js';
import type { JobService } from './service.js';

export function jobRoutes(app: FastifyInstance, deps: { jobs: JobService }) {
  const { jobs } = deps;
  app.post<{ Body: RunRequest }>(
    '/api/jobs',
    { config: { access: STAFF }, schema: { summary: 'Run a script on devices (signed by the server; audited)', body: RunRequest, response: { 201: RunView } } },
    async (request, reply) => reply.code(201).send(jobs.run(currentUser(request).name, request.body)),
  );
  app.post<{ Body: RunRequest }>(
    '/api/jobs/prepare',
    { config: { access: STAFF }, schema: { summary: 'The job envelopes of a run, to sign with a key kept off the server', body: RunRequest, response: { 200: PreparedRun } } },
    async (request) => jobs.prepare(currentUser(request).name, request.body),
  );
  app.post<{ Body: SignedJobsRequest }>(
    '/api/jobs/signed',
    { bodyLimit: 16 * 1024 * 1024, config: { access: STAFF }, schema: { summary: 'Queue jobs signed elsewhere (the signature is checked; audited)', body: SignedJobsRequest, response: { 201: RunView } } },
    async (request, reply) => reply.code(201).send(jobs.storeSigned(currentUser(request).name, request.body)),
  );
  app.get<{ Querystring: JobListQuery }>(
    '/api/jobs',
    { config: { access: STAFF }, schema: { summary: 'Jobs, newest first', querystring: JobListQuery, response: { 200: Type.Array(JobView) } } },
    async (request) => jobs.list(request.query),
  );
  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    { config: { access: STAFF }, schema: { summary: 'One job with its output', params: Type.Object({ id: JobId }, { additionalProperties: false }), response: { 200: JobView } } },
    async (request) => jobs.show(request.params.id),
  );
}
