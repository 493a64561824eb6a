/**
 * The yardstick of bench/foundation.ts: bare Fastify with one JSON route, in its own process,
 * listening on the port given as the first argument. Prints "ready" once listening.
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
console.log('ready');
