// Liveness: for load balancers, monitoring and `helpline-server` scripts; no sign-in.
import { Type, type Static } from 'typebox';
import { route } from '../route.js';

export const Liveness = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  uptimeSeconds: Type.Integer(),
  agentsOnline: Type.Integer(),
});
export type Liveness = Static<typeof Liveness>;

export const healthRoutes = {
  liveness: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness',
    access: 'public',
    response: Liveness,
    errors: [],
  }),
};
