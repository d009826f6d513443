// Administration done with access to the data directory instead of an API login: the way back
// in when the only admin password is lost. Audited as "local-admin".
import { openDataDirDatabase } from './data-dir.js';
import { createAuditStore } from './features/audit/store.js';
import { createApiTokenStore } from './features/auth/token-store.js';
import { createUserService } from './features/users/service.js';
import { createUserStore } from './features/users/store.js';

export async function resetPasswordOffline(dataDir: string, userName: string): Promise<string> {
  const db = openDataDirDatabase(dataDir);
  try {
    const users = createUserService({
      users: createUserStore(db),
      tokens: createApiTokenStore(db),
      audit: createAuditStore(db),
    });
    return (await users.resetPassword('local-admin', userName)).generatedPassword;
  } finally {
    db.close();
  }
}
