// `helpline attachment add|list|get|delete`: files attached to tickets. Files travel as raw bytes,
// streamed from and to disk: the upload sends the file as a Blob read from disk as it goes, the
// download hands over the Response, whose body is written to disk as it arrives.
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, openAsBlob, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Argv } from 'yargs';
import { ATTACHMENT_ID_PATTERN, fileNameProblem, type AttachmentView } from '../../../protocol/api/attachments.js';
import { API } from '../../../protocol/api/routes/index.js';
import type { CliContext, GlobalArgs } from '../context.js';
import { UsageError } from '../errors.js';
import { ticketId, ticketIdPositional } from '../flags.js';
import { clean, jsonOption, localTime, printJson, printTable } from '../output.js';

const idPositional = {
  type: 'string',
  demandOption: true,
  describe: 'attachment id, like att_0123... (see `helpline attachment list TICKET`)',
} as const;

/** Content types by file extension; anything else is sent as opaque bytes. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
};

function attachmentId(text: string): string {
  if (!new RegExp(ATTACHMENT_ID_PATTERN).test(text))
    throw new UsageError(`an attachment id looks like att_ and 24 hex digits, not "${clean(text)}"`);
  return text;
}

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * A file moves in one request, which may take long on a slow link: the usual 30 s deadline would
 * cut off a large file, while this one still ends a transfer that hangs.
 */
const TRANSFER_TIMEOUT_MS = 60 * 60_000;
const transferClient = (ctx: CliContext, args: GlobalArgs) => ctx.api(args, { timeoutMs: TRANSFER_TIMEOUT_MS });

/** Saves a download through a temporary file next to `output`, checking it against the server's sha-256. */
async function save(response: Response, output: string): Promise<{ size: number; sha256: string }> {
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(4).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const file = await open(temp, 'wx', 0o600);
  try {
    for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      for (let written = 0; written < bytes.length;) written += (await file.write(bytes, written)).bytesWritten;
    }
    await file.close();
    const sha256 = hash.digest('hex');
    const expected = /^sha-256=:([A-Za-z0-9+/=]+):/.exec(response.headers.get('repr-digest') ?? '')?.[1];
    if (expected && Buffer.from(expected, 'base64').toString('hex') !== sha256)
      throw new Error(
        "the download was damaged on the way (its sha256 does not match the server's); nothing was saved",
      );
    renameSync(temp, output);
    return { size, sha256 };
  } catch (error) {
    await file.close().catch(() => undefined);
    rmSync(temp, { force: true });
    throw error;
  }
}

export function registerAttachmentCommands(cli: Argv<GlobalArgs>, ctx: CliContext): Argv<GlobalArgs> {
  const { io } = ctx;
  return cli.command(['attachment', 'attachments'], 'files attached to tickets: add, list, download, delete', (group) =>
    group
      .command(
        'add <ticket> <file>',
        'attach a file to a ticket (the server refuses files past its size limit, 10 MiB unless an admin changed it)',
        (y) =>
          y
            .positional('ticket', ticketIdPositional)
            .positional('file', { type: 'string', demandOption: true, describe: 'the file to upload' })
            .option('name', {
              type: 'string',
              describe: "the name to show and offer on download (default: the file's own name)",
            })
            .option('type', {
              type: 'string',
              describe: 'its content type (default: from the extension, else application/octet-stream)',
            })
            .option('json', jsonOption)
            .example('$0 attachment add 12 ./screenshot.png', ''),
        async (args) => {
          const id = ticketId(args.ticket);
          const name = args.name ?? basename(args.file);
          const problem = fileNameProblem(name);
          if (problem) throw new UsageError(`${problem}${args.name === undefined ? '; pick another with --name' : ''}`);
          if (!existsSync(args.file) || !statSync(args.file).isFile())
            throw new UsageError(`${clean(args.file)} is not a file`);
          try {
            accessSync(args.file, constants.R_OK);
          } catch {
            throw new UsageError(`cannot read ${clean(args.file)}: permission denied`);
          }
          const type = args.type ?? TYPE_BY_EXTENSION[extname(args.file).toLowerCase()] ?? 'application/octet-stream';
          const body = await openAsBlob(args.file);
          const attachment = await transferClient(ctx, args).call(API.attachments.upload, {
            params: { id },
            query: { name },
            body,
            contentType: type,
          });
          if (args.json) return printJson(io, attachment);
          io.out(
            `Attached ${clean(attachment.name)} (${sizeText(attachment.size)}) to ticket #${id} as ${attachment.id}.`,
          );
        },
      )
      .command(
        'list <ticket>',
        "a ticket's attachments, oldest first",
        (y) => y.positional('ticket', ticketIdPositional).option('json', jsonOption),
        async (args) => {
          const id = ticketId(args.ticket);
          const attachments = await ctx.api(args).call(API.attachments.list, { params: { id } });
          if (args.json) return printJson(io, attachments);
          if (attachments.length === 0)
            return io.out(`Ticket #${id} has no attachments; add one with \`helpline attachment add ${id} FILE\`.`);
          printTable(
            io,
            [
              { header: 'ID', value: (a: AttachmentView) => a.id },
              { header: 'SIZE', value: (a) => sizeText(a.size) },
              { header: 'TYPE', value: (a) => a.contentType },
              { header: 'ADDED', value: (a) => `${localTime(a.at)} by ${a.uploadedBy}` },
              { header: 'NAME', value: (a) => a.name },
            ],
            attachments,
          );
        },
      )
      .command(
        'get <id>',
        "download an attachment to a file; its sha256 is checked against the server's",
        (y) =>
          y
            .positional('id', idPositional)
            .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'where to save it' })
            .option('force', { type: 'boolean', default: false, describe: 'replace --output if it exists' })
            .option('json', jsonOption),
        async (args) => {
          const id = attachmentId(args.id);
          if (existsSync(args.output) && !args.force)
            throw new UsageError(`${clean(args.output)} exists already; pick another --output or add --force`);
          if (!existsSync(dirname(args.output)))
            throw new UsageError(`the folder of --output ${clean(args.output)} does not exist`);
          const response = await transferClient(ctx, args).call(API.attachments.download, { params: { id } });
          const saved = await save(response, args.output);
          if (args.json) return printJson(io, { id, output: args.output, ...saved });
          io.out(`Saved ${id} to ${clean(args.output)} (${sizeText(saved.size)}, sha256 ${saved.sha256}).`);
        },
      )
      .command(
        'delete <id>',
        'delete an attachment and its file (admins; recorded on the ticket)',
        (y) => y.positional('id', idPositional).option('json', jsonOption),
        async (args) => {
          const removed = await ctx.api(args).call(API.attachments.remove, { params: { id: attachmentId(args.id) } });
          if (args.json) return printJson(io, removed);
          io.out(`Deleted ${clean(removed.name)} (${removed.id}) from ticket #${removed.ticketId}.`);
        },
      )
      .demandCommand(1, 'name an attachment command: add, list, get or delete'),
  );
}
