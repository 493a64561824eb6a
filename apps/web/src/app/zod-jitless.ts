/**
 * zod probes whether it may compile validators with new Function() when a schema is built; the CSP
 * (script-src 'self') forbids that, and the probe made the browser report a violation on every
 * page. This skips the probe by writing `jitless` into zod's shared config object
 * (globalThis.__zod_globalConfig, which z.config writes too) without loading zod: the entry does not
 * need zod, the pages that build schemas load it later and read the flag (zod-jitless.test.ts).
 */
export function zodJitless(): void {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig ??= {};
  g.__zod_globalConfig.jitless = true;
}
