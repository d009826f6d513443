// Serves the built web console at `/`, same origin as the API. Hashed assets under /assets/ are
// cached for good; every other GET that is not the API or the agent endpoint answers index.html,
// so a deep link (/devices/dev_…) opens the console on that page. Without a build the server
// still starts and `/` says so; the API is unaffected either way.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../../config.js';
import { featurePlugin } from '../../plugins/assembly.js';
import { WEB_SECURITY_HEADERS } from './security-headers.js';

const NOT_BUILT =
  'The Helpline web console is not built on this server. Build it with `npm run build`, or set webDir ' +
  '(HELPLINE_WEB_DIR) to where it was built. The API under /api works without it.\n';

/** Paths that are never the console, even when nothing else answers them. */
const isServerPath = (url: string) => /^\/(api|agent)(\/|\?|$)/.test(url);

/** The web console as the server's last feature: its own scope, so its headers stay on its pages. */
export const webConsolePlugin = featurePlugin('web-console', async (app, parts: { config: ServerConfig }) => {
  // The vite build's output: index.html and assets/.
  const webDir = parts.config.webDir;
  app.addHook('onSend', async (_request, reply) => {
    void reply.headers(WEB_SECURITY_HEADERS);
  });

  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: join(webDir, 'assets'),
      prefix: '/assets/',
      // Every file name there carries its content hash, so a cached copy is never stale.
      immutable: true,
      // The build wrote .br and .gz beside each asset; a browser that accepts them gets those.
      preCompressed: true,
      maxAge: '365d',
      index: false,
      list: false,
      dotfiles: 'deny',
    });
  } else {
    app.log.warn({ webDir }, 'the web console is not built; / says so, the API works');
  }

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isServerPath(request.url)) return reply.callNotFound();
    if (!built) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    // index.html names the current assets, so it is revalidated every time.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir, { cacheControl: false });
  };
  app.get('/', page);
  app.get('/*', page);
  return {};
});
