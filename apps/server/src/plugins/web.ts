import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>营商通</title>
<p>The web app is not built yet: run <code>npm run build</code> (npm start does it for you).</p>`;

/**
 * Serves the built web app; unknown non-API paths get index.html so client routes survive a reload.
 * The assets are public by nature: their routes are marked so for the route guard.
 */
export async function webPlugin(app: FastifyInstance, opts: { dist: string | null }) {
  const dist = opts.dist;
  const index = dist && path.join(dist, 'index.html');
  if (dist) {
    await app.register(async (child) => {
      child.addHook('onRoute', (route) => {
        route.config = { ...(route.config as object), permission: 'public' };
      });
      // wildcard: files of a later build are served without a restart; missing ones fall through below.
      await child.register(fastifyStatic, {
        root: dist,
        wildcard: true,
        index: 'index.html',
        // the brotli or gzip copy written at build (vite.config.ts), as the browser accepts
        preCompressed: true,
        maxAge: '1h',
        // Files under assets/ carry their content hash in the name: cached for a year, never
        // revalidated. index.html names the hashed assets of the current build: never cached.
        setHeaders: (reply, file) => {
          if (/\.html(\.br|\.gz)?$/.test(file)) reply.header('cache-control', 'no-cache');
          else if (/[\\/]assets[\\/]/.test(file))
            reply.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return sendError(req, reply, 'ROUTE_NOT_FOUND');
    }
    // A missing file (it has an extension) is a 404; anything else is a client-side route.
    if (/\.[a-z0-9]+$/i.test(req.url.split('?')[0])) return sendError(req, reply, 'NOT_FOUND');
    const html = index && fs.existsSync(index) ? await fs.promises.readFile(index, 'utf8') : NOT_BUILT;
    return reply.status(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
