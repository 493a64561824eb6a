import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const modules = path.join(import.meta.dirname, 'modules');

/** Every non-test TypeScript file under modules/, with its path relative to modules/. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The other module a relative import of `file` lands in, or null when it stays in its own module. */
function foreignModule(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.relative(modules, path.resolve(path.dirname(file), specifier));
  if (target.startsWith('..')) return null; // kernel/, lib/, db/, ports.ts: shared, not a module
  const own = path.relative(modules, file).split(path.sep)[0];
  const other = target.split(path.sep)[0];
  return other === own ? null : other;
}

describe('module boundaries (ports.ts)', () => {
  it('no module imports another module; they meet through the ports passed into their factories', () => {
    const files = sources(modules);
    const crossings: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const other = foreignModule(file, m[1]);
        if (other) crossings.push(`${path.relative(modules, file)} → ${m[1]}`);
      }
    }
    // the scan saw the modules (a wrong folder would pass vacuously)
    expect(files.length).toBeGreaterThan(50);
    expect(crossings).toEqual([]);
  });

  it('recognises a crossing and lets the shared folders through', () => {
    const file = path.join(modules, 'appeals', 'sweep.ts');
    expect(foreignModule(file, '../orgs/users.repository.js')).toBe('orgs');
    expect(foreignModule(file, './appeals.repository.js')).toBeNull();
    expect(foreignModule(file, '../appeals/x.js')).toBeNull();
    expect(foreignModule(file, '../../kernel/audit.js')).toBeNull();
    expect(foreignModule(file, '../../ports.js')).toBeNull();
    expect(foreignModule(file, 'kysely')).toBeNull();
  });
});
