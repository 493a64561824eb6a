import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Json = { [key: string]: unknown };

/** Every subschema of a JSON schema, depth first, `fn` applied in place. */
function visit(node: unknown, fn: (n: Json) => void): void {
  if (Array.isArray(node)) for (const n of node) visit(n, fn);
  else if (node && typeof node === 'object') {
    fn(node as Json);
    for (const v of Object.values(node)) visit(v, fn);
  }
}

/**
 * The JSON schema fast-json-stringify compiles a response schema from: Zod's own output schema,
 * with two changes that keep its meaning for serialising.
 * - `additionalProperties: false` goes: fast-json-stringify writes only the listed properties of
 *   an object anyway (a leaked field is dropped, as Zod's strip did), but it picks the branch of an
 *   `anyOf` by validating the value, which a closed object with an extra field would fail.
 * - `oneOf` becomes `anyOf`: with open objects two branches may match; the first one is written.
 * - `anyOf` of a schema and null becomes the schema, `nullable`.
 * Null when the schema has no JSON form (a transform): that route keeps the Zod serialiser.
 */
export function serializerSchema(schema: z.ZodType): Json | null {
  let json: Json;
  try {
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as Json;
  } catch {
    return null;
  }
  visit(json, (n) => {
    if (n.additionalProperties === false) delete n.additionalProperties;
    if (Array.isArray(n.oneOf)) {
      n.anyOf = n.oneOf;
      delete n.oneOf;
    }
    // `X | null` is X, nullable: an anyOf is written after validating the value against each
    // branch, which for a dashboard section costs ten times the writing
    const branches = n.anyOf as Json[] | undefined;
    if (branches?.length === 2 && branches.some((b) => b.type === 'null' && Object.keys(b).length === 1)) {
      delete n.anyOf;
      Object.assign(
        n,
        branches.find((b) => b.type !== 'null'),
        { nullable: true },
      );
    }
  });
  return json;
}

/**
 * Responses are written by a serialiser compiled once per route from its response schema
 * (fast-json-stringify, as Fastify does for JSON schemas), not by a Zod parse of every response
 * followed by JSON.stringify. Only the schema's properties are written, so a field a handler
 * leaks (a password hash, an internal id) never leaves; serializer.test.ts proves it.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const json = route.schema instanceof z.ZodType ? serializerSchema(route.schema) : null;
  if (!json) return zodSerializer(route as Parameters<typeof zodSerializer>[0]);
  const stringify = fastJson(json);
  return (data) => stringify(data);
};
