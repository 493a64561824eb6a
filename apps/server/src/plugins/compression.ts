import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Brotli at a quality cheap enough per answer (q4: ~0.3 ms for 25 KB of JSON, a fifth of its size). */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
const ENCODINGS = ['br', 'gzip'];

/**
 * API answers of `threshold` bytes or more, compressed as the client accepts (brotli, else gzip),
 * in one call on Node's thread pool. Streams (file downloads, the web app's files, which the build
 * compressed already) go as they are. @fastify/compress did the same through a stream pipeline per
 * answer, which cost more than the compressing.
 */
export const compressionPlugin = fp(async (app: FastifyInstance, opts: { threshold: number }) => {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (Buffer.byteLength(payload) < opts.threshold || reply.hasHeader('content-encoding')) return payload;
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = negotiate(req.headers['accept-encoding'] ?? '', ENCODINGS);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return encoding === 'br' ? brotli(payload, BROTLI) : gzip(payload);
  });
});
