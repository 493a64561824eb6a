import type { TestProject } from 'vitest/node';
import { startServer } from '../apps/server/test/spawn-server.js';
// @ts-expect-error plain ES module without types
import { buildWebIfStale } from '../scripts/build-web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app if stale and starts the real server on a fresh SQLite database. */
export default async function setup(project: TestProject) {
  buildWebIfStale();
  const server = await startServer('Demo12345678');
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
