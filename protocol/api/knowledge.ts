// Knowledge-base articles as the API accepts and serves them. Bodies are Markdown source, carried
// as JSON text and never rendered as HTML by the server.
import { Type, type Static } from 'typebox';
import { PrintableText } from '../messages/common.js';

export const KB_TITLE_MAX_CHARS = 200;
/** An article body is at most 100 KB of UTF-8. */
export const KB_BODY_MAX_BYTES = 100 * 1024;
export const KB_QUERY_MAX_CHARS = 200;
export const KB_DEFAULT_SEARCH_LIMIT = 20;

const Iso = Type.String({ format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableId = Type.Union([Type.Integer(), Type.Null()]);

export const KbTitle = Type.Intersect([PrintableText(KB_TITLE_MAX_CHARS), Type.String({ minLength: 1 })], {
  description: `one line, up to ${KB_TITLE_MAX_CHARS} printable characters`,
});
/** The length limit counts UTF-8 bytes, so the service checks it, with a message saying the size. */
export const KbBody = Type.String({
  minLength: 1,
  description: `Markdown source, up to ${KB_BODY_MAX_BYTES / 1024} KB of UTF-8; stored verbatim`,
});
export const KbCategory = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9 _./-]*$',
  description: 'lower case, like "printer" or "network/vpn"',
});

export const KbArticleRequest = Type.Object(
  { title: KbTitle, body: KbBody, category: KbCategory },
  { additionalProperties: false },
);
export type KbArticleRequest = Static<typeof KbArticleRequest>;

/** Optional overrides when a resolved ticket becomes an article (default: its subject and category). */
export const KbFromTicketRequest = Type.Object(
  { title: Type.Optional(KbTitle), category: Type.Optional(KbCategory) },
  { additionalProperties: false },
);
export type KbFromTicketRequest = Static<typeof KbFromTicketRequest>;

export const KbLinkRequest = Type.Object({ articleId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type KbLinkRequest = Static<typeof KbLinkRequest>;

export const KbSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: KB_QUERY_MAX_CHARS,
        description: 'words to find in titles and bodies; empty lists the most recently updated',
      }),
    ),
    category: Type.Optional(KbCategory),
    /** Articles with any of the words, best match first (suggestions for a ticket's subject); else all of them. */
    anyWord: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type KbSearchQuery = Static<typeof KbSearchQuery>;

export const KbArticleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const KbArticleView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  /** Markdown source exactly as stored. */
  body: Type.String(),
  category: Type.String(),
  createdBy: Type.String(),
  createdAt: Iso,
  updatedBy: NullableString,
  updatedAt: Iso,
  sourceTicketId: NullableId,
});
export type KbArticleView = Static<typeof KbArticleView>;

export const KbSearchHit = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  /** A short plain-text excerpt of the body (no markup, no highlighting marks). */
  snippet: Type.String(),
  createdBy: Type.String(),
  updatedAt: Iso,
  sourceTicketId: NullableId,
});
export type KbSearchHit = Static<typeof KbSearchHit>;

export const KbLinkView = Type.Object({
  ticketId: Type.Integer(),
  article: Type.Object({ id: Type.Integer(), title: Type.String(), category: Type.String() }),
  linkedBy: Type.String(),
  at: Iso,
});
export type KbLinkView = Static<typeof KbLinkView>;
