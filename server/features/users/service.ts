import type { CreateUserRequest, UserView } from '../../../protocol/api/auth.js';
import { ApiError } from '../../errors.js';
import type { AuditStore } from '../audit/store.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import type { AuthUser } from '../auth/service.js';
import type { ApiTokenStore } from '../auth/token-store.js';
import type { UserRow, UserStore } from './store.js';

export function createUserService(deps: {
  users: UserStore;
  tokens: ApiTokenStore;
  audit: AuditStore;
  onDisabled?: (userId: number) => void;
}) {
  const view = (row: UserRow): UserView => ({
    name: row.name,
    role: row.role,
    line: row.line,
    disabled: row.disabled,
    createdAt: new Date(row.createdAt).toISOString(),
  });
  const find = (name: string) => {
    const row = deps.users.byName(name);
    if (!row) throw new ApiError('not_found', `no user ${name}`);
    return row;
  };

  return {
    view,
    byName: find,
    /** A signed-in user as the API shows them, read by id: the sign-in has no createdAt nor disabled. */
    viewOf(user: AuthUser): UserView {
      const row = deps.users.byId(user.id);
      if (!row) throw new ApiError('not_found', `no user ${user.name}`);
      return view(row);
    },
    list: () => deps.users.all().map(view),

    async add(actor: AuthUser, request: CreateUserRequest) {
      if (deps.users.byName(request.name)) throw new ApiError('conflict', `user ${request.name} already exists`);
      if (request.role !== 'technician' && request.line !== undefined) {
        throw new ApiError('validation_failed', 'only technicians have a support line');
      }
      const password = request.password ?? generatePassword();
      const line = request.role === 'technician' ? (request.line ?? 1) : null;
      deps.users.insert({ name: request.name, role: request.role, line, passwordHash: await hashPassword(password) });
      deps.audit.record({
        actor: actor.name,
        action: 'user.created',
        target: request.name,
        detail: { role: request.role, line },
      });
      return {
        user: view(find(request.name)),
        ...(request.password === undefined ? { generatedPassword: password } : {}),
      };
    },

    /** Gives a user a new generated password and signs out all their logins. */
    async resetPassword(actorName: string, name: string) {
      const row = find(name);
      const password = generatePassword();
      deps.users.setPasswordHash(row.id, await hashPassword(password));
      deps.tokens.revokeAllForUser(row.id);
      deps.audit.record({ actor: actorName, action: 'user.password_reset', target: name });
      return { user: view(find(name)), generatedPassword: password };
    },

    setDisabled(actor: AuthUser, name: string, disabled: boolean) {
      const row = find(name);
      if (row.id === actor.id && disabled) throw new ApiError('invalid_state', 'you cannot disable your own account');
      deps.users.setDisabled(row.id, disabled);
      if (disabled) deps.tokens.revokeAllForUser(row.id);
      if (disabled) deps.onDisabled?.(row.id);
      deps.audit.record({ actor: actor.name, action: disabled ? 'user.disabled' : 'user.enabled', target: name });
      return view(find(name));
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
