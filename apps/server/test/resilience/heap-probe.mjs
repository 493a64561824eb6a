// Preloaded into the server under load (NODE_OPTIONS=--expose-gc --import …): on SIGUSR2 it runs a
// full garbage collection and appends the live heap in MB to HEAP_PROBE_FILE, so the load run can
// tell a leak (live heap climbing) from a collector that has not run yet (RSS moving either way).
import fs from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc();
  fs.appendFileSync(
    process.env.HEAP_PROBE_FILE,
    `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)}\n`,
  );
});
