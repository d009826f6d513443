// Files attached to tickets: stored under the data directory, listed and served back.
import type { ServerConfig } from '../../config.js';
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import { createAttachmentFiles } from './files.js';
import { attachmentRoutes } from './routes.js';
import { createAttachmentService } from './service.js';
import { createAttachmentStore } from './store.js';

interface AttachmentsNeeds {
  db: Db;
  config: ServerConfig;
  now: () => number;
}

export const attachmentsPlugin = featurePlugin('attachments', (app, parts: AttachmentsNeeds) => {
  const { db, config, now } = parts;
  const files = createAttachmentFiles(config.dataDir);
  attachmentRoutes(app, {
    attachments: createAttachmentService({
      db,
      store: createAttachmentStore(db),
      files,
      maxBytes: config.attachmentMaxBytes,
      now,
    }),
  });
  return {};
});
