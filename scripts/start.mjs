// `npm start`: build the web app when stale, then run the server (TypeScript through tsx).
// The server migrates the database and seeds the demo on first start.
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './build-web.mjs';

buildWebIfStale();
register();
await import('../apps/server/src/main.ts');
