// Technicians' accounts, managed by admins.
import { Type } from 'typebox';
import { ADMIN } from '../access.js';
import { CreateUserRequest, CreateUserResponse, ResetPasswordResponse, UserNameParams, UserView } from '../auth.js';
import { route } from '../route.js';

export const userRoutes = {
  list: route({
    method: 'GET',
    path: '/api/users',
    summary: 'List users',
    access: ADMIN,
    response: Type.Array(UserView),
    errors: [],
  }),
  add: route({
    method: 'POST',
    path: '/api/users',
    summary: 'Add a user',
    access: ADMIN,
    body: CreateUserRequest,
    response: CreateUserResponse,
    status: 201,
    errors: ['conflict'],
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/users/:name/reset-password',
    summary: "Set a generated password and sign out the user's logins",
    access: ADMIN,
    params: UserNameParams,
    response: ResetPasswordResponse,
    errors: ['not_found'],
  }),
  disable: route({
    method: 'POST',
    path: '/api/users/:name/disable',
    summary: 'Disable a user: they cannot sign in and their sessions end',
    access: ADMIN,
    params: UserNameParams,
    response: UserView,
    errors: ['not_found', 'invalid_state'],
  }),
  enable: route({
    method: 'POST',
    path: '/api/users/:name/enable',
    summary: 'Let a disabled user sign in again',
    access: ADMIN,
    params: UserNameParams,
    response: UserView,
    errors: ['not_found'],
  }),
};
