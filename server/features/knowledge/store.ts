// Knowledge-base articles, their full-text search and their links to tickets. The FTS5 index is
// kept in step by triggers (migration 0005); no transactions here: the service wraps each change.
import type { Db } from '../../db/database.js';

export interface ArticleRow {
  id: number;
  title: string;
  body: string;
  category: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number;
  sourceTicketId: number | null;
}

export interface SearchRow {
  id: number;
  title: string;
  category: string;
  /** Raw excerpt of the Markdown body; the service makes it plain text. */
  excerpt: string;
  createdBy: string;
  updatedAt: number;
  sourceTicketId: number | null;
}

export interface LinkRow {
  ticketId: number;
  articleId: number;
  title: string;
  category: string;
  linkedBy: string;
  at: number;
}

const MAX_TERMS = 16;
const MAX_TERM_CHARS = 64;

/**
 * An FTS5 MATCH expression for what a person typed: its words, each quoted as a string, all of
 * them required (or, with `anyWord`, any of them). Words are runs of the characters FTS5's
 * unicode61 tokenizer keeps (letters,
 * numbers, marks); everything else (quotes, *, ^, :, parentheses, NEAR, OR, -) only separates
 * words, so no user text can become FTS5 syntax. Null when there is no word at all.
 */
export function ftsQuery(text: string, anyWord = false): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}\p{Co}]+/gu) ?? [];
  const unique = [...new Set(words.map((word) => word.slice(0, MAX_TERM_CHARS)))].slice(0, MAX_TERMS);
  return unique.length === 0 ? null : unique.map((word) => `"${word}"`).join(anyWord ? ' OR ' : ' ');
}

const ARTICLE = `SELECT a.id, a.title, a.body, a.category, c.name AS createdBy, a.created_at AS createdAt, e.name AS updatedBy,
  a.updated_at AS updatedAt, a.source_ticket_id AS sourceTicketId
  FROM kb_articles a JOIN users c ON c.id = a.created_by LEFT JOIN users e ON e.id = a.updated_by`;

const HIT_COLUMNS = `a.id, a.title, a.category, c.name AS createdBy, a.updated_at AS updatedAt, a.source_ticket_id AS sourceTicketId`;

const LINK = `SELECT l.ticket_id AS ticketId, l.article_id AS articleId, a.title, a.category, u.name AS linkedBy, l.at
  FROM ticket_kb_links l JOIN kb_articles a ON a.id = l.article_id JOIN users u ON u.id = l.linked_by`;

/** Title hits count ten times as much as body hits. */
const RANK = 'bm25(kb_articles_fts, 10.0, 1.0)';

export function createKnowledgeStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO kb_articles (title, body, category, created_by, created_at, updated_at, source_ticket_id)
     VALUES (@title, @body, @category, @createdBy, @at, @at, @sourceTicketId)`,
  );
  const update = db.prepare(
    'UPDATE kb_articles SET title = @title, body = @body, category = @category, updated_by = @updatedBy, updated_at = @at WHERE id = @id',
  );
  const remove = db.prepare('DELETE FROM kb_articles WHERE id = ?');
  const byId = db.prepare(`${ARTICLE} WHERE a.id = ?`);
  const bySourceTicket = db.prepare('SELECT id FROM kb_articles WHERE source_ticket_id = ?').pluck();
  const addLink = db.prepare(
    'INSERT OR IGNORE INTO ticket_kb_links (ticket_id, article_id, linked_by, at) VALUES (?, ?, ?, ?)',
  );
  const link = db.prepare(`${LINK} WHERE l.ticket_id = ? AND l.article_id = ?`);
  const links = db.prepare(`${LINK} WHERE l.ticket_id = ? ORDER BY l.at, l.article_id`);

  return {
    insert(article: {
      title: string;
      body: string;
      category: string;
      createdBy: number;
      at: number;
      sourceTicketId: number | null;
    }): number {
      return Number(insert.run(article).lastInsertRowid);
    },
    update: (id: number, article: { title: string; body: string; category: string; updatedBy: number; at: number }) =>
      void update.run({ id, ...article }),
    /** False when there was no such article. Its ticket links go with it (ON DELETE CASCADE). */
    remove: (id: number) => remove.run(id).changes > 0,
    byId: (id: number) => byId.get(id) as ArticleRow | undefined,
    /** The article made from this ticket's resolution, if any. */
    fromTicket: (ticketId: number) => bySourceTicket.get(ticketId) as number | undefined,

    /** Best match first: by rank (title hits weigh more), then most recently updated. */
    search(filter: { match: string; category?: string; limit: number }): SearchRow[] {
      const sql = `SELECT ${HIT_COLUMNS}, snippet(kb_articles_fts, 1, '', '', '…', 24) AS excerpt
        FROM kb_articles_fts JOIN kb_articles a ON a.id = kb_articles_fts.rowid JOIN users c ON c.id = a.created_by
        WHERE kb_articles_fts MATCH ? ${filter.category ? 'AND a.category = ?' : ''}
        ORDER BY ${RANK}, a.updated_at DESC, a.id DESC LIMIT ?`;
      const params = filter.category ? [filter.match, filter.category, filter.limit] : [filter.match, filter.limit];
      return db.prepare(sql).all(...params) as SearchRow[];
    },

    /** Most recently updated first; the excerpt is the start of the body. */
    recent(filter: { category?: string; limit: number }): SearchRow[] {
      const sql = `SELECT ${HIT_COLUMNS}, substr(a.body, 1, 600) AS excerpt
        FROM kb_articles a JOIN users c ON c.id = a.created_by
        ${filter.category ? 'WHERE a.category = ?' : ''} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`;
      const params = filter.category ? [filter.category, filter.limit] : [filter.limit];
      return db.prepare(sql).all(...params) as SearchRow[];
    },

    /** False when the pair was linked already. */
    link: (ticketId: number, articleId: number, userId: number, at: number) =>
      addLink.run(ticketId, articleId, userId, at).changes > 0,
    linkRow: (ticketId: number, articleId: number) => link.get(ticketId, articleId) as LinkRow | undefined,
    links: (ticketId: number) => links.all(ticketId) as LinkRow[],
  };
}
export type KnowledgeStore = ReturnType<typeof createKnowledgeStore>;
