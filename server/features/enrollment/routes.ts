import type { FastifyInstance } from 'fastify';
import { API } from '../../../protocol/api/routes/index.js';
import { currentUser } from '../../plugins/access.js';
import { serve } from '../../plugins/routes.js';
import type { EnrollmentService } from './service.js';

export function enrollmentRoutes(app: FastifyInstance, deps: { enrollment: EnrollmentService }) {
  const { enrollment } = deps;
  serve(app, API.enrollment.listTokens, async () => enrollment.listTokens());
  serve(app, API.enrollment.createToken, async (request) => enrollment.createToken(currentUser(request), request.body));
  serve(app, API.enrollment.revokeToken, async (request) =>
    enrollment.revokeToken(currentUser(request), request.params.id),
  );
  serve(app, API.enrollment.enroll, async (request) => enrollment.enroll(request.body));
}
