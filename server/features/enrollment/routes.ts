import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CreatedEnrollmentToken, CreateEnrollmentTokenRequest, EnrollmentTokenView } from '../../../protocol/api/enrollment-tokens.js';
import { SealedEnrollmentRequest, SealedEnrollmentResponse } from '../../../protocol/enrollment.js';
import { ADMIN, currentUser } from '../../plugins/access.js';
import type { EnrollmentService } from './service.js';

const TokenParams = Type.Object({ id: Type.String({ pattern: '^tok_[a-z0-9]{8,32}$' }) }, { additionalProperties: false });

export function enrollmentRoutes(app: FastifyInstance, deps: { enrollment: EnrollmentService }) {
  app.get('/api/enrollment-tokens', { config: { access: ADMIN }, schema: { summary: 'List enrollment tokens', response: { 200: Type.Array(EnrollmentTokenView) } } }, async () =>
    deps.enrollment.listTokens(),
  );

  app.post<{ Body: CreateEnrollmentTokenRequest }>(
    '/api/enrollment-tokens',
    { config: { access: ADMIN }, schema: { summary: 'Make an enrollment token', body: CreateEnrollmentTokenRequest, response: { 201: CreatedEnrollmentToken } } },
    async (request, reply) => reply.code(201).send(deps.enrollment.createToken(currentUser(request), request.body)),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/enrollment-tokens/:id',
    { config: { access: ADMIN }, schema: { summary: 'Revoke an enrollment token', params: TokenParams, response: { 200: EnrollmentTokenView } } },
    async (request) => deps.enrollment.revokeToken(currentUser(request), request.params.id),
  );

  // Public: the agent proves itself with the sealed token secret, not with a user token.
  app.post<{ Body: SealedEnrollmentRequest }>(
    '/api/enroll',
    { config: { access: 'public' }, schema: { summary: 'Enroll an agent (sealed request)', body: SealedEnrollmentRequest, response: { 200: SealedEnrollmentResponse } } },
    async (request) => deps.enrollment.enroll(request.body),
  );
}
