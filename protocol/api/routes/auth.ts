// Signing in and out, and the signed-in user's own account.
import { ANY_ROLE } from '../access.js';
import { ChangePasswordRequest, LoginRequest, LoginResponse, UserView } from '../auth.js';
import { Ok } from '../common.js';
import { route } from '../route.js';

export const authRoutes = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in; returns an API token',
    // Anyone may try: the password is the proof. Failures are rate-limited per user and address.
    access: 'public',
    body: LoginRequest,
    response: LoginResponse,
    errors: ['invalid_credentials'],
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke the token used for this request',
    access: ANY_ROLE,
    response: Ok,
    errors: [],
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change your own password; signs out your other logins',
    access: ANY_ROLE,
    body: ChangePasswordRequest,
    response: Ok,
    errors: ['invalid_credentials'],
  }),
  me: route({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    access: ANY_ROLE,
    response: UserView,
    errors: [],
  }),
};
