import { expect, it } from 'vitest';
import { describeLoad, loadRun } from '../../../../bench/load.js';

/**
 * A bounded load run of a realistic mix (bench/load.ts; LOAD_SECONDS, default 20 here and 60 in
 * `npm run bench -- load`): no errors, every answer 2xx, and memory flat across the run.
 */
const GROWTH_MB = Number(process.env.LOAD_RSS_GROWTH_MB ?? 64);

it('serves a realistic mix without errors, memory flat', async () => {
  const f = await loadRun({ seconds: Number(process.env.LOAD_SECONDS ?? 20) });
  console.log(describeLoad(f));
  expect(f.errors).toBe(0);
  expect(f.non2xx).toBe(0);
  expect(f.writes).toBeGreaterThan(100);
  expect(f.throughput).toBeGreaterThan(50);
  // memory flat: the last third ends within GROWTH_MB of the first (RSS moves with the garbage
  // collector by tens of MB either way; a leak under ~300 req/s climbs well past it)
  expect(f.rssAfterMb - f.rssAfterThirdsMb[0]).toBeLessThan(GROWTH_MB);
  expect(f.rssAfterMb - f.rssBeforeMb).toBeLessThan(GROWTH_MB * 1.5);
}, 300_000);
