// Who is signed in: the user accounts, their API tokens, and the role check on every route
// (access.ts). Registered before any route, so that no route escapes the check.
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { createEvents, type Listen } from '../events.js';
import type { AuditStore } from '../features/audit/store.js';
import { createAuthService } from '../features/auth/service.js';
import { createApiTokenStore } from '../features/auth/token-store.js';
import { createUserStore } from '../features/users/store.js';
import { createBrowserSessions } from '../features/session/browser-sessions.js';
import { registerAccessControl } from './access.js';
import { sharedPlugin } from './assembly.js';

/** A login ended by signing out (its token is revoked from now on). */
export type SignOutEvents = { signedOut: [tokenId: string] };

interface AuthNeeds {
  db: Db;
  config: ServerConfig;
  audit: AuditStore;
  now: () => number;
}

export const authPlugin = sharedPlugin('auth', (app, parts: AuthNeeds) => {
  const { db, config, audit, now } = parts;
  const userStore = createUserStore(db, now);
  const apiTokens = createApiTokenStore(db, now);
  const signOuts = createEvents<SignOutEvents>();
  const auth = createAuthService({
    users: userStore,
    tokens: apiTokens,
    audit,
    config,
    onLogout: (tokenId) => signOuts.emit('signedOut', tokenId),
  });
  // Web console sign-ins: cookie sessions checked by the same role check as bearer tokens.
  const browserSessions = createBrowserSessions(config);
  registerAccessControl(app, auth, browserSessions);
  const signOutEvents: Listen<SignOutEvents> = { on: signOuts.on };
  return { userStore, apiTokens, auth, browserSessions, signOutEvents };
});
