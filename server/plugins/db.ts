// The data directory: its database and the server's keys. The database closes last of all, once
// the HTTP server has stopped and every other part has written what it held.
import type { ServerConfig } from '../config.js';
import { assertInitialised, loadServerKeys, openDataDirDatabase } from '../data-dir.js';
import { sharedPlugin } from './assembly.js';

export const databasePlugin = sharedPlugin('database', (app, parts: { config: ServerConfig }) => {
  const { config } = parts;
  assertInitialised(config.dataDir);
  const keys = loadServerKeys(config.dataDir);
  const db = openDataDirDatabase(config.dataDir);
  app.addHook('onClose', async () => db.close());
  return { db, keys };
});
