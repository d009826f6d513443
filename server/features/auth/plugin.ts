// Signing in and out. The accounts and the role check are a shared part (plugins/auth.ts); these
// routes answer with the user's view, so they come after the users feature.
import { featurePlugin } from '../../plugins/assembly.js';
import type { UserService } from '../users/service.js';
import { authRoutes } from './routes.js';
import type { AuthService } from './service.js';

export const signInPlugin = featurePlugin('sign-in', (app, parts: { auth: AuthService; users: UserService }) => {
  const { auth, users } = parts;
  authRoutes(app, { auth, users });
  return {};
});
