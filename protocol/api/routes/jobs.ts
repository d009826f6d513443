// Jobs: running library scripts on devices and reading the results. Staff only: job output can
// hold anything a PC printed.
import { Type } from 'typebox';
import { STAFF } from '../access.js';
import { JobIdParams, JobListQuery, JobView, PreparedRun, RunRequest, RunView, SignedJobsRequest } from '../jobs.js';
import { route } from '../route.js';

export const jobRoutes = {
  run: route({
    method: 'POST',
    path: '/api/jobs',
    summary: 'Run a script on devices (signed by the server; audited)',
    access: STAFF,
    body: RunRequest,
    response: RunView,
    status: 201,
    // invalid_state: the job signing key is kept off this server.
    errors: ['not_found', 'invalid_state'],
  }),
  prepare: route({
    method: 'POST',
    path: '/api/jobs/prepare',
    summary: 'The job envelopes of a run, to sign with a key kept off the server',
    access: STAFF,
    body: RunRequest,
    response: PreparedRun,
    errors: ['not_found'],
  }),
  storeSigned: route({
    method: 'POST',
    path: '/api/jobs/signed',
    summary: 'Queue jobs signed elsewhere (the signature is checked; audited)',
    access: STAFF,
    body: SignedJobsRequest,
    response: RunView,
    status: 201,
    errors: ['conflict'],
    // Up to 10,000 envelopes with their signatures.
    bodyLimit: 16 * 1024 * 1024,
  }),
  list: route({
    method: 'GET',
    path: '/api/jobs',
    summary: 'Jobs, newest first',
    access: STAFF,
    query: JobListQuery,
    response: Type.Array(JobView),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: 'One job with its output',
    access: STAFF,
    params: JobIdParams,
    response: JobView,
    errors: ['not_found'],
  }),
};
