// `helpline kb add|search|show|link|links|from-ticket`: the knowledge base. Article bodies are
// Markdown source; the CLI prints them as plain text (control characters shown as "?").
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import {
  KB_BODY_MAX_BYTES,
  type KbArticleRequest,
  type KbArticleView,
  type KbLinkView,
} from '../../../protocol/api/knowledge.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { STDIN_ARG, positiveInteger, readStandardInput, ticketId, ticketIdPositional } from '../flags.js';
import { clean, jsonOption, localTime, printFields, printJson, printTable, relativeTime } from '../output.js';

const articlePositional = {
  type: 'string',
  demandOption: true,
  describe: 'article number, like 3 or #3 (see `helpline kb search`)',
} as const;
const categoryOption = { type: 'string', describe: 'lower case, like "printer" or "network/vpn"' } as const;

/** An article id as typed: "3" or "#3". */
function articleId(text: string): number {
  const value = /^\s*#?\d+\s*$/.test(text) ? Number(text.trim().replace(/^#/, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`an article id is a number like 3 or #3, not "${clean(text)}"`);
  return value;
}

/** UTF-8 text, exactly as given (no trimming: Markdown is kept verbatim), within the size limit. */
function decodeBody(where: string, bytes: Buffer): string {
  if (bytes.length > KB_BODY_MAX_BYTES)
    throw new UsageError(
      `${where} is ${(bytes.length / 1024).toFixed(1)} KB; an article body may be at most ${KB_BODY_MAX_BYTES / 1024} KB`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${where} is not UTF-8 text`);
  }
  if (text.trim() === '') throw new UsageError(`${where} is empty`);
  return text;
}

/** The body from --body TEXT, --body - (standard input) or --file PATH: exactly one of them. */
async function bodyFrom(args: { body?: string; file?: string }): Promise<string> {
  if ((args.body === undefined) === (args.file === undefined))
    throw new UsageError(
      'give the Markdown body with exactly one of --body TEXT, --body - (standard input) or --file PATH',
    );
  if (args.file !== undefined) {
    const shown = args.file === STDIN_ARG ? 'standard input' : `--file ${clean(args.file)}`;
    let bytes: Buffer;
    try {
      bytes = args.file === STDIN_ARG ? await readStandardInput() : readFileSync(args.file);
    } catch (error) {
      throw new UsageError(
        `cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    return decodeBody(shown, bytes);
  }
  if (args.body === '-' || args.body === STDIN_ARG)
    return decodeBody('--body - (standard input)', await readStandardInput());
  return decodeBody('--body', Buffer.from(args.body!, 'utf8'));
}

/** Markdown source as plain-text lines: tabs become spaces, other control characters "?". */
const sourceLines = (text: string): string[] =>
  text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => clean(line.replace(/\t/g, '    ')));
const when = (iso: string) => `${localTime(iso)} (${relativeTime(iso)})`;
const said = (article: KbArticleView) => `#${article.id}: ${clean(article.title)} (${clean(article.category)})`;

export function registerKbCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(
    ['kb', 'knowledge'],
    'knowledge-base articles: add, search, read, and link them to tickets',
    (group) =>
      group
        .command(
          'add',
          'write an article; the body is Markdown, stored exactly as given',
          (y) =>
            y
              .option('title', { type: 'string', demandOption: true, describe: 'one line, up to 200 characters' })
              .option('category', { ...categoryOption, demandOption: true })
              .option('body', { type: 'string', describe: 'the Markdown text; "-" reads it from standard input' })
              .option('file', { type: 'string', describe: 'read the Markdown from this file' })
              .option('json', jsonOption)
              .example('$0 kb add --title "Printer jams on floor 2" --category printer --file jam.md', ''),
          async (args) => {
            const body: KbArticleRequest = {
              title: args.title === STDIN_ARG ? '-' : args.title,
              category: args.category,
              body: await bodyFrom(args),
            };
            const article = await ctx.api(args).call(API.knowledge.create, { body });
            if (args.json) return printJson(io, article);
            io.out(`Added article ${said(article)}.`);
          },
        )
        .command(
          'search [text..]',
          'find articles by words in their title or body, best match first; without TEXT, the latest',
          (y) =>
            y
              .positional('text', {
                type: 'string',
                array: true,
                describe: 'words to look for (all of them must occur)',
              })
              .option('category', { ...categoryOption, describe: 'only articles in this category' })
              .option('limit', { type: 'string', describe: 'at most this many (default 20)' })
              .option('json', jsonOption),
          async (args) => {
            const text = (args.text ?? []).join(' ').trim();
            const limit = positiveInteger('--limit', args.limit);
            const query = { q: text === '' ? undefined : text, category: args.category, limit };
            const hits = await ctx.api(args).call(API.knowledge.search, { query });
            if (args.json) return printJson(io, hits);
            if (hits.length === 0)
              return io.out(
                text === '' && args.category === undefined
                  ? 'No articles yet; write one with `helpline kb add`.'
                  : 'No articles match.',
              );
            for (const hit of hits) {
              io.out(
                `#${hit.id}  ${clean(hit.title)}  [${clean(hit.category)}, updated ${relativeTime(hit.updatedAt)}]`,
              );
              if (hit.snippet !== '') io.out(`    ${clean(hit.snippet)}`);
            }
          },
        )
        .command(
          'show <id>',
          'one article: its details, then its Markdown source as plain text',
          (y) => y.positional('id', articlePositional).option('json', jsonOption),
          async (args) => {
            const article = await ctx.api(args).call(API.knowledge.show, { params: { id: articleId(args.id) } });
            if (args.json) return printJson(io, article);
            printFields(io, [
              ['article', `#${article.id}`],
              ['title', article.title],
              ['category', article.category],
              ['written', `${when(article.createdAt)} by ${article.createdBy}`],
              ['updated', article.updatedBy === null ? 'never' : `${when(article.updatedAt)} by ${article.updatedBy}`],
              ...(article.sourceTicketId === null
                ? []
                : ([['from ticket', `#${article.sourceTicketId}`]] as Array<[string, unknown]>)),
            ]);
            io.out('');
            for (const line of sourceLines(article.body)) io.out(line);
          },
        )
        .command(
          'link <ticket> <article>',
          'note that an article helps with a ticket (linking twice changes nothing)',
          (y) =>
            y
              .positional('ticket', ticketIdPositional)
              .positional('article', articlePositional)
              .option('json', jsonOption),
          async (args) => {
            const ticket = ticketId(args.ticket);
            const body = { articleId: articleId(args.article) };
            const link = await ctx.api(args).call(API.knowledge.link, { params: { id: ticket }, body });
            if (args.json) return printJson(io, link);
            io.out(`Ticket #${link.ticketId} is linked to article #${link.article.id}: ${clean(link.article.title)}.`);
          },
        )
        .command(
          'links <ticket>',
          'the articles linked to a ticket',
          (y) => y.positional('ticket', ticketIdPositional).option('json', jsonOption),
          async (args) => {
            const ticket = ticketId(args.ticket);
            const links = await ctx.api(args).call(API.knowledge.links, { params: { id: ticket } });
            if (args.json) return printJson(io, links);
            if (links.length === 0) return io.out(`No articles are linked to ticket #${ticket}.`);
            printTable(
              io,
              [
                { header: 'ARTICLE', value: (l: KbLinkView) => `#${l.article.id}` },
                { header: 'CATEGORY', value: (l) => l.article.category },
                { header: 'LINKED BY', value: (l) => l.linkedBy },
                { header: 'LINKED', value: (l) => relativeTime(l.at) },
                { header: 'TITLE', value: (l) => l.article.title },
              ],
              links,
            );
          },
        )
        .command(
          'from-ticket <ticket>',
          'write an article from a resolved or closed ticket: its subject, description and resolution',
          (y) =>
            y
              .positional('ticket', ticketIdPositional)
              .option('title', { type: 'string', describe: "the article's title (default: the ticket's subject)" })
              .option('category', { ...categoryOption, describe: "the article's category (default: the ticket's)" })
              .option('json', jsonOption),
          async (args) => {
            const ticket = ticketId(args.ticket);
            const overrides = { title: args.title, category: args.category };
            const params = { id: ticket };
            const article = await ctx.api(args).call(API.knowledge.fromTicket, { params, body: overrides });
            if (args.json) return printJson(io, article);
            io.out(`Wrote article ${said(article)} from ticket #${ticket}.`);
          },
        )
        .demandCommand(1, 'name a kb command: add, search, show, link, links or from-ticket'),
  );
}
