// Enrollment: the tokens admins make, and the agent's sealed enrollment request.
import { Type } from 'typebox';
import { ADMIN } from '../access.js';
import {
  CreatedEnrollmentToken,
  CreateEnrollmentTokenRequest,
  EnrollmentTokenIdParams,
  EnrollmentTokenView,
} from '../enrollment-tokens.js';
import { SealedEnrollmentRequest, SealedEnrollmentResponse } from '../../enrollment.js';
import { route } from '../route.js';

export const enrollmentRoutes = {
  listTokens: route({
    method: 'GET',
    path: '/api/enrollment-tokens',
    summary: 'List enrollment tokens',
    access: ADMIN,
    response: Type.Array(EnrollmentTokenView),
    errors: [],
  }),
  createToken: route({
    method: 'POST',
    path: '/api/enrollment-tokens',
    summary: 'Make an enrollment token',
    access: ADMIN,
    body: CreateEnrollmentTokenRequest,
    response: CreatedEnrollmentToken,
    status: 201,
    errors: [],
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/enrollment-tokens/:id',
    summary: 'Revoke an enrollment token',
    access: ADMIN,
    params: EnrollmentTokenIdParams,
    response: EnrollmentTokenView,
    errors: ['not_found', 'invalid_state'],
  }),
  enroll: route({
    method: 'POST',
    path: '/api/enroll',
    summary: 'Enroll an agent (sealed request)',
    // The agent proves itself with the sealed token secret, not with a user token.
    access: 'public',
    body: SealedEnrollmentRequest,
    response: SealedEnrollmentResponse,
    errors: [
      'token_for_another_server',
      'token_invalid',
      'token_expired',
      'token_used_up',
      'token_revoked',
      'key_already_enrolled',
    ],
  }),
};
