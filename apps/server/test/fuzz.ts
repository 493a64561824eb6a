import fc from 'fast-check';
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/database.js';

/**
 * Property-based hostile input, generated from the request schemas the routes declare (the same
 * zod schemas the validator runs, as JSON Schema in the OpenAPI document): bodies that are nearly
 * right with one field gone wrong, a required field missing, an unknown field, or a hostile value
 * in place of the whole body.
 */
export type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: boolean | JsonSchema;
};

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)--',
  "\\'; --",
  '%_%',
  "' UNION SELECT password_hash FROM users --",
];
export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
];
export const UNICODE_EDGES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width characters, BOM
  'e\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  '👨‍👩‍👧‍👦🏳️‍🌈𠮷', // ZWJ sequences, astral plane
  '\u0000', // NUL
  '\u0007\u001b[31m', // control characters, ANSI escape
  '\r\n\r\nSet-Cookie: x=y', // header injection attempt
  '../../../../etc/passwd',
  '营'.repeat(4001),
];
export const EXTREME_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  Number.MIN_VALUE,
];

/** Nested arrays and objects `depth` levels deep. */
function nested(depth: number, array: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}

/** Any value that is wrong almost everywhere: wrong types, extremes, payloads. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    '',
    ' ',
    {},
    [],
    'x'.repeat(100_000),
    nested(64, true),
    nested(64, false),
    Array.from({ length: 5_000 }, (_, i) => i),
    ...SQL_PAYLOADS,
    ...HTML_PAYLOADS,
    ...UNICODE_EDGES,
    ...EXTREME_NUMBERS,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);

function resolve(schema: JsonSchema, root: Record<string, JsonSchema>): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(root[name] ?? {}, root);
  }
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], root);
  return schema;
}

/** A value that satisfies the schema's shape (not always its finer rules): the base to corrupt. */
export function validish(
  schema: JsonSchema,
  root: Record<string, JsonSchema> = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alts = s.anyOf ?? s.oneOf;
    if (alts) return fc.oneof(...alts.map((a) => validish(a, root, depth + 1)));
    const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
    switch (type) {
      case 'string': {
        if (s.pattern) {
          try {
            return fc.stringMatching(new RegExp(s.pattern));
          } catch {
            // a pattern fast-check cannot invert: any string
          }
        }
        if (s.format === 'date') return fc.constantFrom('2026-01-05', '2026-02-30', '0000-00-00');
        return fc.string({
          minLength: s.minLength ?? 0,
          maxLength: Math.min(s.maxLength ?? 40, 40),
          unit: 'grapheme',
        });
      }
      case 'integer':
        return fc.integer({
          min: Math.max(s.minimum ?? -1e9, Number.MIN_SAFE_INTEGER),
          max: Math.min(s.maximum ?? 1e9, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4
          ? fc.constant([])
          : fc.array(validish(s.items ?? {}, root, depth + 1), {
              minLength: s.minItems ?? 0,
              maxLength: Math.min(s.maxItems ?? 3, 3),
            });
      case 'object': {
        if (depth > 4) return fc.constant({});
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) model[k] = validish(v, root, depth + 1);
        return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable ? fc.option(base, { nil: null, freq: 8 }) : base;
}

/** Bodies for a route: a hostile variation of what its schema expects. */
export function hostileBody(schema: JsonSchema | null, root: Record<string, JsonSchema> = {}) {
  if (!schema) return fc.oneof(hostileValue, fc.object({ maxDepth: 2 }));
  const s = resolve(schema, root);
  const keys = Object.keys(s.properties ?? {});
  const base = validish(s, root) as fc.Arbitrary<Record<string, unknown>>;
  const asObject = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const variants: fc.Arbitrary<unknown>[] = [hostileValue, base];
  if (keys.length > 0) {
    const key = fc.constantFrom(...keys);
    // one field wrong
    variants.push(
      fc.tuple(base, key, hostileValue).map(([b, k, v]) => ({ ...asObject(b), [k]: v })),
      fc.tuple(base, key, hostileValue).map(([b, k, v]) => ({ ...asObject(b), [k]: v })),
    );
    // every field wrong at once
    variants.push(
      fc
        .array(hostileValue, { minLength: keys.length, maxLength: keys.length })
        .map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))),
    );
    // a required field missing
    if (s.required?.length) {
      variants.push(
        fc.tuple(base, fc.constantFrom(...s.required)).map(([b, k]) => {
          const copy = { ...asObject(b) };
          delete copy[k];
          return copy;
        }),
      );
    }
  }
  // an unknown field: mass assignment of what the schema does not offer
  variants.push(
    fc
      .tuple(
        base,
        fc.constantFrom('id', 'createdBy', 'scopePath', 'passwordHash', 'roles', 'isAdmin', 'status'),
      )
      .map(([b, k]) => ({ ...asObject(b), [k]: k === 'roles' ? ['province_admin'] : 'injected' })),
  );
  return fc.oneof(...variants);
}

/** Every table's row count in one query: "nothing was written" means these stay equal. */
export async function fingerprint(database: DbHandle): Promise<Record<string, number>> {
  const tables =
    database.dialect.name === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db)
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%'`.execute(database.db)
        ).rows;
  const names = tables
    .map((t) => t.name)
    .filter((n) => /^[a-z_][a-z0-9_]*$/.test(n) && !n.startsWith('kysely_') && n !== 'sessions')
    .sort();
  const select = names.map((n) => `(select count(*) from ${n}) as ${n}`).join(', ');
  const { rows } = await sql.raw<Record<string, number | string>>(`select ${select}`).execute(database.db);
  return Object.fromEntries(names.map((n) => [n, Number(rows[0][n])]));
}
