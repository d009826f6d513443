// Staff accounts, managed by admins. Disabling an account is told as an event, so that what the
// user had open (remote shells) ends at once, without accounts knowing about shells.
import { createEvents, type Listen } from '../../events.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { AuditStore } from '../audit/store.js';
import type { ApiTokenStore } from '../auth/token-store.js';
import { userRoutes } from './routes.js';
import { createUserService } from './service.js';
import type { UserStore } from './store.js';

export type UserEvents = { disabled: [userId: number] };

interface UsersNeeds {
  userStore: UserStore;
  apiTokens: ApiTokenStore;
  audit: AuditStore;
}

export const usersPlugin = featurePlugin('users', (app, parts: UsersNeeds) => {
  const { userStore, apiTokens, audit } = parts;
  const events = createEvents<UserEvents>();
  const users = createUserService({
    users: userStore,
    tokens: apiTokens,
    audit,
    onDisabled: (userId) => events.emit('disabled', userId),
  });
  userRoutes(app, { users });
  const userEvents: Listen<UserEvents> = { on: events.on };
  return { users, userEvents };
});
