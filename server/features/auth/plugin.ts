// Signing in and out. The accounts and the role check are a shared part (plugins/auth.ts); these
// routes answer with the user's view, so they come after the users feature.
import { featurePlugin } from '../../plugins/assembly.js';
import type { BrowserSessions } from '../session/browser-sessions.js';
import { sessionRoutes } from '../session/routes.js';
import { createSessionService } from '../session/service.js';
import type { UserService } from '../users/service.js';
import { authRoutes } from './routes.js';
import type { AuthService } from './service.js';

interface SignInNeeds {
  auth: AuthService;
  users: UserService;
  browserSessions: BrowserSessions;
}

export const signInPlugin = featurePlugin('sign-in', (app, parts: SignInNeeds) => {
  const { auth, users, browserSessions } = parts;
  authRoutes(app, { auth, users });
  sessionRoutes(app, { session: createSessionService({ auth, users, sessions: browserSessions }) });
  return {};
});
