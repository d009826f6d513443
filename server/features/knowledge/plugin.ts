// The knowledge base: articles written from solved tickets, searchable by the help desk.
import type { Db } from '../../db/database.js';
import { featurePlugin } from '../../plugins/assembly.js';
import type { TicketStore } from '../tickets/store.js';
import { knowledgeRoutes } from './routes.js';
import { createKnowledgeService } from './service.js';

interface KnowledgeNeeds {
  db: Db;
  ticketStore: TicketStore;
  now: () => number;
}

export const knowledgePlugin = featurePlugin('knowledge', (app, parts: KnowledgeNeeds) => {
  const { db, ticketStore, now } = parts;
  knowledgeRoutes(app, { knowledge: createKnowledgeService({ db, tickets: ticketStore, now }) });
  return {};
});
