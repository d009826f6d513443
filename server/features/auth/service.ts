import type { Role } from '../../../protocol/api/common.js';
import type { ServerConfig } from '../../config.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import type { UserRow, UserStore } from '../users/store.js';
import { createLoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { ApiTokenStore } from './token-store.js';

export interface AuthUser {
  id: number;
  name: string;
  role: Role;
  line: 1 | 2 | 3 | null;
  tokenId: string;
}

/** What a login is for: the CLI's bearer token, or the web console's cookie session. */
export type LoginKind = 'api' | 'browser';

// Compared against when the user does not exist, so that a wrong name costs as long as a wrong password.
const DUMMY_HASH_PROMISE = hashPassword('not-a-real-password');

export function createAuthService(deps: {
  users: UserStore;
  tokens: ApiTokenStore;
  audit: AuditStore;
  config: ServerConfig;
  /** A login was ended by its user (the live stream closes what that login had open). */
  onLogout?: (tokenId: string) => void;
}) {
  const limiter = createLoginLimiter({
    maxFailures: deps.config.loginMaxFailures,
    windowMs: deps.config.loginWindowMs,
  });

  return {
    /**
     * Checks a password (rate-limited per user name and address) and issues a token: an API token
     * for the CLI, or a shorter-lived browser session (same store, so signing out everywhere,
     * a password change and disabling the user end it too).
     */
    async login(
      name: string,
      password: string,
      address: string,
      kind: LoginKind = 'api',
    ): Promise<{ token: string; expiresAt: number; user: UserRow }> {
      const retryAfter = limiter.retryAfterSec(name, address);
      if (retryAfter > 0) {
        deps.audit.record({ actor: name, action: 'login.blocked', detail: { address } });
        throw new ApiError(
          'rate_limited',
          `too many failed logins; try again in ${retryAfter} s`,
          undefined,
          retryAfter,
        );
      }
      const user = deps.users.byName(name);
      const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !valid || user.disabled) {
        limiter.fail(name, address);
        deps.audit.record({
          actor: name,
          action: 'login.failed',
          detail: { address, reason: user?.disabled ? 'disabled' : 'invalid_credentials' },
        });
        throw new ApiError('invalid_credentials', 'wrong user name or password');
      }
      limiter.succeed(name, address);
      const issued =
        kind === 'browser'
          ? deps.tokens.issue(user.id, `browser session from ${address}`, deps.config.browserSessionTtlMs)
          : deps.tokens.issue(user.id, `login from ${address}`, deps.config.apiTokenTtlMs);
      const detail = kind === 'browser' ? { address, kind } : { address };
      deps.audit.record({ actor: user.name, action: 'login', detail });
      return { ...issued, user };
    },

    /** The user behind a bearer token, or null when the token is not (or no longer) valid. */
    authenticate(token: string): AuthUser | null {
      const resolved = deps.tokens.resolve(token);
      const user = resolved && deps.users.byId(resolved.userId);
      if (!resolved || !user || user.disabled) return null;
      return { id: user.id, name: user.name, role: user.role, line: user.line, tokenId: resolved.tokenId };
    },

    /** Changes the caller's own password after checking the current one; signs out their other logins. */
    async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
      const row = deps.users.byId(user.id);
      if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
        deps.audit.record({ actor: user.name, action: 'password.change_failed' });
        throw new ApiError('invalid_credentials', 'the current password is wrong');
      }
      deps.users.setPasswordHash(user.id, await hashPassword(newPassword));
      deps.tokens.revokeAllForUser(user.id, user.tokenId);
      deps.audit.record({ actor: user.name, action: 'password.changed', target: user.name });
    },

    logout(user: AuthUser): void {
      deps.tokens.revoke(user.tokenId);
      deps.audit.record({ actor: user.name, action: 'logout' });
      deps.onLogout?.(user.tokenId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
