import { expect, it } from 'vitest';
import { describeLoad, loadRun } from '../../../../bench/load.js';

/**
 * A bounded load run of a realistic mix (bench/load.ts; LOAD_SECONDS, default 20 here and 60 in
 * `npm run bench -- load`): no errors, every answer 2xx, and memory flat across the run.
 */
const GROWTH_MB = Number(process.env.LOAD_HEAP_GROWTH_MB ?? 16);

it('serves a realistic mix without errors, memory flat', async () => {
  const f = await loadRun({ seconds: Number(process.env.LOAD_SECONDS ?? 20) });
  console.log(describeLoad(f));
  expect(f.errors).toBe(0);
  expect(f.non2xx).toBe(0);
  expect(f.writes).toBeGreaterThan(100);
  expect(f.throughput).toBeGreaterThan(50);
  // memory flat: the live heap after a full collection ends within GROWTH_MB of where the warm-up
  // left it (a leak of a few KB per request climbs past it in 6,000+ requests)
  expect(f.heapAfterThirdsMb[2] - f.heapBeforeMb).toBeLessThan(GROWTH_MB);
}, 300_000);
