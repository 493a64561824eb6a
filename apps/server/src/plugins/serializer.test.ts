import * as contracts from '@yingshang/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler, serializerSchema } from './serializer.js';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('response serialisers compiled from the schema', () => {
  const Person = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() });

  it('writes only the schema’s fields: a leaked field never leaves, at any depth', () => {
    const Page = z.object({
      items: z.array(Person),
      total: z.number().int(),
      owner: Person.nullable(),
      byRole: z.record(z.string(), z.number()),
    });
    const out = JSON.parse(
      compile(Page)({
        items: [{ id: '1', name: '甲', phone: null, passwordHash: '$argon2id$…' }],
        total: 1,
        owner: { id: '2', name: '乙', phone: '13800000000', csrfToken: 'secret' },
        byRole: { leader: 2 },
        internal: 'x',
      }),
    );
    expect(out).toEqual({
      items: [{ id: '1', name: '甲', phone: null }],
      total: 1,
      owner: { id: '2', name: '乙', phone: '13800000000' },
      byRole: { leader: 2 },
    });
  });

  it('picks the right branch of a union even when the value carries extra fields', () => {
    const Event = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('note'), text: z.string() }),
      z.object({ kind: z.literal('amount'), fen: z.number() }),
    ]);
    const write = compile(z.array(Event));
    expect(
      JSON.parse(
        write([
          { kind: 'amount', fen: 120, secret: 1 },
          { kind: 'note', text: '已办', secret: 2 },
        ]),
      ),
    ).toEqual([
      { kind: 'amount', fen: 120 },
      { kind: 'note', text: '已办' },
    ]);
  });

  it('writes a recursive tree (the organisation tree) with its leaks dropped', () => {
    const write = compile(contracts.OrgTreeNode);
    const leaf = { id: 'b', code: '141002', name: '尧都区', kind: 'county', children: [], path: '/x/' };
    expect(
      JSON.parse(write({ id: 'a', code: '141000', name: '临汾市', kind: 'city', children: [leaf] })),
    ).toEqual({
      id: 'a',
      code: '141000',
      name: '临汾市',
      kind: 'city',
      children: [{ id: 'b', code: '141002', name: '尧都区', kind: 'county', children: [] }],
    });
  });

  it('refuses a response that lacks a required field, as the Zod parse did', () => {
    expect(() => compile(Person)({ id: '1' })).toThrow(/name/);
  });

  it('compiles every response schema of the contracts (none falls back to a Zod parse)', () => {
    const schemas = Object.entries(contracts).filter(([, v]) => v instanceof z.ZodType);
    expect(schemas.length).toBeGreaterThan(100);
    const without = schemas.filter(([, v]) => serializerSchema(v as z.ZodType) === null).map(([k]) => k);
    expect(without).toEqual([]);
  });
});
