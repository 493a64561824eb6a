import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/** The department templates' keys and numbers as they stood (seed-data/departments.json). */
const NUMBERS: readonly [key: string, no: string][] = [
  ['commerce', '01'],
  ['investment', '02'],
  ['development', '03'],
  ['industry', '04'],
  ['finance', '05'],
  ['human-resources', '06'],
  ['natural-resources', '07'],
  ['ecology', '08'],
  ['water', '09'],
  ['housing', '10'],
  ['market-regulation', '11'],
  ['taxation', '12'],
  ['state-assets', '13'],
  ['approval', '14'],
];

/**
 * Functional departments were coded `<division code>-<template key>` (141002-commerce), an English
 * slug that users saw in unit lists, pickers and exports. They become `D<division code><no>`
 * (D14100201), the template's two-digit number (seed-data/departments.README.md), in one pass. Only
 * departments whose code has exactly the old shape change; a unit an administrator coded otherwise
 * keeps its code. The version moves on, so a form opened before cannot write the old code back.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const [key, no] of NUMBERS) {
    // `______` matches the six digits of the division code; the key is plain [a-z-], no wildcards
    await sql`update org_units
      set code = 'D' || substr(code, 1, 6) || ${no}, version = version + 1
      where kind = 'department' and code like ${`______-${key}`}`.execute(db);
  }
}
