import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import { CHUNK_SIZE, chunks, readInChunks, writeInChunks } from './chunks.js';
import { assertVisible, visibleOr404 } from './scope.js';
import { contentDisposition } from './xlsx.js';

const actorAt = (path: string) =>
  ({ userId: 'u1', orgUnit: { id: 'o', code: 'c', name: 'n', kind: 'city', path } }) as unknown as Actor;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return 'no error';
};

describe('chunks', () => {
  it('cuts a list into consecutive slices of at most the size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
    expect(chunks(Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => i)).map((c) => c.length)).toEqual([
      CHUNK_SIZE,
      1,
    ]);
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });

  it('reads once per chunk of distinct keys and concatenates, with no read for no keys', async () => {
    const seen: number[][] = [];
    const rows = await readInChunks(
      [1, 2, 2, 3, 4, 5],
      async (c) => {
        seen.push(c);
        return c.map((k) => ({ k }));
      },
      2,
    );
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(rows.map((r) => r.k)).toEqual([1, 2, 3, 4, 5]);
    expect(await readInChunks([], async () => [1])).toEqual([]);
  });

  it('writes chunk after chunk, never two at once', async () => {
    let running = 0;
    const sizes: number[] = [];
    await writeInChunks(
      Array.from({ length: 7 }, (_, i) => i),
      async (c) => {
        running += 1;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 1));
        sizes.push(c.length);
        running -= 1;
      },
      3,
    );
    expect(sizes).toEqual([3, 3, 1]);
  });
});

describe('visibleOr404', () => {
  const linfen = actorAt('/p/141000/');
  it('returns a record inside the actor’s subtree', () => {
    const row = { id: 'x', regionPath: '/p/141000/141002/' };
    expect(visibleOr404(linfen, row, (r) => r.regionPath, 'PROJECT_NOT_FOUND')).toBe(row);
    expect(visibleOr404(linfen, { path: '/p/141000/' }, (r) => r.path, 'ORG_NOT_FOUND').path).toBe(
      '/p/141000/',
    );
  });
  it('reads a record elsewhere exactly like a missing one', () => {
    const elsewhere = { regionPath: '/p/140100/' };
    expect(codeOf(() => visibleOr404(linfen, elsewhere, (r) => r.regionPath, 'PROJECT_NOT_FOUND'))).toBe(
      'PROJECT_NOT_FOUND',
    );
    expect(
      codeOf(() =>
        visibleOr404(linfen, undefined, (r: typeof elsewhere) => r.regionPath, 'PROJECT_NOT_FOUND'),
      ),
    ).toBe('PROJECT_NOT_FOUND');
    // a sibling whose code starts with the actor's is not inside: paths end with a slash
    expect(codeOf(() => visibleOr404(linfen, { p: '/p/1410001/' }, (r) => r.p, 'ORG_NOT_FOUND'))).toBe(
      'ORG_NOT_FOUND',
    );
    expect(codeOf(() => assertVisible(linfen, null, 'USER_NOT_FOUND'))).toBe('USER_NOT_FOUND');
    expect(codeOf(() => assertVisible(linfen, '/p/141000/x/', 'USER_NOT_FOUND'))).toBe('no error');
  });
});

describe('contentDisposition', () => {
  it('names the file in UTF-8, with an ASCII fallback only when given', () => {
    expect(contentDisposition('临汾市招商项目台账(2026).xlsx', 'projects.xlsx')).toBe(
      `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent('临汾市招商项目台账')}%282026%29.xlsx`,
    );
    expect(contentDisposition("投资协议's.pdf")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('投资协议')}%27s.pdf`,
    );
    // a fallback never breaks out of its quotes
    expect(contentDisposition('a.pdf', 'a"b\\c.pdf')).toContain('filename="a_b_c.pdf";');
  });
});
