import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keptStatements } from './database.js';

describe('keptStatements', () => {
  const open = (size?: number) => {
    const s = new SQLite(':memory:');
    s.exec('create table t (a integer)');
    s.exec('insert into t values (1), (2), (3)');
    return keptStatements(s, size);
  };

  it('prepares a query once and runs it again with other parameters', () => {
    const db = open();
    const q = db.prepare('select a from t where a >= ? order by a');
    expect(q.all([2])).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare('select a from t where a >= ? order by a')).toBe(q);
    expect(q.all([3])).toEqual([{ a: 3 }]);
    expect(db.prepare('select a from t where a > ? order by a')).not.toBe(q);
  });

  it('does not share a statement that is still iterating', () => {
    const db = open();
    const q = db.prepare('select a from t order by a');
    const rows = q.iterate([]);
    expect(rows.next().value).toEqual({ a: 1 });
    const other = db.prepare('select a from t order by a');
    expect(other).not.toBe(q);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ a: 2 }, { a: 3 }]);
  });

  it('keeps the most recently used up to its size', () => {
    const db = open(2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now the most recent: 'select 2' goes next
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('follows a schema change', () => {
    const db = open();
    const q = db.prepare('select * from t where a = ?');
    expect(q.all([1])).toEqual([{ a: 1 }]);
    db.prepare('alter table t add column b integer default 7').run([]);
    expect(db.prepare('select * from t where a = ?').all([1])).toEqual([{ a: 1, b: 7 }]);
  });
});
