// The knowledge base: Markdown articles kept verbatim, searched with FTS5, linked to tickets, and
// written from a resolved ticket's resolution. Every change is one transaction.
import {
  KB_BODY_MAX_BYTES,
  KB_DEFAULT_SEARCH_LIMIT,
  KB_TITLE_MAX_CHARS,
  type KbArticleRequest,
  type KbArticleView,
  type KbFromTicketRequest,
  type KbLinkView,
  type KbSearchHit,
  type KbSearchQuery,
} from '../../../protocol/api/knowledge.js';
import type { Db } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import type { AuthUser } from '../auth/service.js';
import type { TicketStore } from '../tickets/store.js';
import { createKnowledgeStore, ftsQuery, type ArticleRow, type LinkRow, type SearchRow } from './store.js';
import { iso } from '../../time.js';

const SNIPPET_CHARS = 200;

/**
 * A short plain-text excerpt of Markdown: links and images become their text, heading, quote and
 * list markers and emphasis marks go, and all white space (newlines too) becomes single spaces.
 */
export function plainSnippet(markdown: string): string {
  const text = markdown
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}|>+|[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/\*\*|__|~~|`+/g, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim();
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1).trimEnd()}…` : text;
}

function articleView(row: ArticleRow): KbArticleView {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

function hitView(row: SearchRow): KbSearchHit {
  const { excerpt, ...rest } = row;
  return { ...rest, snippet: plainSnippet(excerpt), updatedAt: iso(row.updatedAt) };
}

function linkView(row: LinkRow): KbLinkView {
  return {
    ticketId: row.ticketId,
    article: { id: row.articleId, title: row.title, category: row.category },
    linkedBy: row.linkedBy,
    at: iso(row.at),
  };
}

/** The checks a schema cannot make: a title that is only spaces, the body's size in bytes, NUL. */
function checkedArticle(request: KbArticleRequest): KbArticleRequest {
  const title = request.title.trim();
  if (title === '') throw new ApiError('validation_failed', 'title is empty; give the article a one-line title');
  if (request.body.trim() === '') throw new ApiError('validation_failed', 'body is empty; an article needs some text');
  if (request.body.includes('\u0000'))
    throw new ApiError('validation_failed', 'body contains a NUL character (\\u0000); an article body is text');
  const bytes = Buffer.byteLength(request.body, 'utf8');
  if (bytes > KB_BODY_MAX_BYTES) {
    throw new ApiError(
      'payload_too_large',
      `body is ${(bytes / 1024).toFixed(1)} KB; an article body may be at most ${KB_BODY_MAX_BYTES / 1024} KB (${KB_BODY_MAX_BYTES} bytes of UTF-8)`,
    );
  }
  return { title, body: request.body, category: request.category };
}

/** A ticket subject as an article title: one printable line of at most 200 characters. */
function titleFromSubject(subject: string): string {
  const line = subject.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > KB_TITLE_MAX_CHARS ? `${line.slice(0, KB_TITLE_MAX_CHARS - 1).trimEnd()}…` : line;
}

export interface KnowledgeServiceDeps {
  db: Db;
  tickets: TicketStore;
  now?: () => number;
}

export function createKnowledgeService(deps: KnowledgeServiceDeps) {
  const now = deps.now ?? Date.now;
  const store = createKnowledgeStore(deps.db);
  const change = <T>(work: () => T) => deps.db.transaction(work)();
  const find = (id: number) => {
    const row = store.byId(id);
    if (!row) throw new ApiError('not_found', `no knowledge-base article #${id}`);
    return row;
  };
  const findTicket = (id: number) => {
    const ticket = deps.tickets.byId(id);
    if (!ticket) throw new ApiError('not_found', `no ticket #${id}`);
    return ticket;
  };
  const insert = (actor: AuthUser, article: KbArticleRequest, sourceTicketId: number | null) =>
    store.insert({ ...checkedArticle(article), createdBy: actor.id, at: now(), sourceTicketId });

  return {
    /** Ranked search over titles and bodies; without words, the most recently updated articles. */
    search(query: KbSearchQuery): KbSearchHit[] {
      const limit = query.limit ?? KB_DEFAULT_SEARCH_LIMIT;
      const text = query.q?.trim() ?? '';
      if (text === '') return store.recent({ category: query.category, limit }).map(hitView);
      const match = ftsQuery(text, query.anyWord);
      // Only punctuation: nothing can match, and that is an answer, not an error.
      if (match === null) return [];
      return store.search({ match, category: query.category, limit }).map(hitView);
    },

    show: (id: number): KbArticleView => articleView(find(id)),

    create(actor: AuthUser, request: KbArticleRequest): KbArticleView {
      return articleView(find(change(() => insert(actor, request, null))));
    },

    update(actor: AuthUser, id: number, request: KbArticleRequest): KbArticleView {
      find(id);
      const article = checkedArticle(request);
      change(() => store.update(id, { ...article, updatedBy: actor.id, at: now() }));
      return articleView(find(id));
    },

    remove(id: number): void {
      if (!change(() => store.remove(id))) throw new ApiError('not_found', `no knowledge-base article #${id}`);
    },

    /** Links an article to a ticket (once; linking again changes nothing) and notes it on the ticket. */
    link(actor: AuthUser, ticketId: number, articleId: number): { link: KbLinkView; created: boolean } {
      findTicket(ticketId);
      const article = find(articleId);
      const created = change(() => {
        const at = now();
        const added = store.link(ticketId, articleId, actor.id, at);
        if (added)
          deps.tickets.addEntry(
            ticketId,
            at,
            actor.name,
            'event',
            `Linked knowledge-base article #${articleId}: ${article.title}`,
          );
        return added;
      });
      return { link: linkView(store.linkRow(ticketId, articleId)!), created };
    },

    links(ticketId: number): KbLinkView[] {
      findTicket(ticketId);
      return store.links(ticketId).map(linkView);
    },

    /** A resolved or closed ticket becomes an article: its description, then its resolution. */
    fromTicket(actor: AuthUser, ticketId: number, overrides: KbFromTicketRequest = {}): KbArticleView {
      const ticket = findTicket(ticketId);
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
        throw new ApiError(
          'invalid_state',
          `ticket #${ticketId} is ${ticket.status.replace(/_/g, ' ')}; only a resolved or closed ticket can become an article, so resolve it first`,
        );
      }
      const resolution = ticket.resolution?.trim() ?? '';
      if (resolution === '')
        throw new ApiError('invalid_state', `ticket #${ticketId} has no resolution text to write an article from`);
      const existing = store.fromTicket(ticketId);
      if (existing !== undefined)
        throw new ApiError(
          'conflict',
          `ticket #${ticketId} already became knowledge-base article #${existing}; edit that one instead`,
        );
      const description = ticket.description.trim();
      const body = `${description === '' ? '' : `${description}\n\n`}## Resolution\n\n${resolution}\n`;
      const title = overrides.title ?? titleFromSubject(ticket.subject);
      const id = change(() => {
        const created = insert(actor, { title, body, category: overrides.category ?? ticket.category }, ticketId);
        const at = now();
        store.link(ticketId, created, actor.id, at);
        deps.tickets.addEntry(
          ticketId,
          at,
          actor.name,
          'event',
          `Knowledge-base article #${created} written from this ticket's resolution`,
        );
        return created;
      });
      return articleView(find(id));
    },
  };
}
export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
