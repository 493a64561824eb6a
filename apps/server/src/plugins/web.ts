import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.js';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>营商通</title>
<p>The web app is not built yet: run <code>npm run build</code> (npm start does it for you).</p>`;

/**
 * Serves the built web app; unknown non-API paths get index.html so client routes work on reload.
 * The assets are public by nature; their routes are marked so in the route guard.
 */
export async function webPlugin(app: FastifyInstance, opts: { dist: string | null }) {
  const dist = opts.dist && fs.existsSync(path.join(opts.dist, 'index.html')) ? opts.dist : null;
  if (dist) {
    await app.register(async (child) => {
      child.addHook('onRoute', (route) => {
        route.config = { ...(route.config as object), permission: 'public' };
      });
      await child.register(fastifyStatic, {
        root: dist,
        wildcard: false,
        index: false,
        maxAge: '1h',
        immutable: false,
      });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return sendError(req, reply, 'ROUTE_NOT_FOUND');
    }
    if (!dist) return reply.type('text/html').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dist);
  });
}
