/** Line-by-line rendering of a JSON object for the before / after panes, marking changed top-level keys. */
export interface DiffLine {
  text: string;
  changed: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keys whose value differs between before and after (a key missing on one side counts as changed). */
export function changedKeys(before: unknown, after: unknown): Set<string> {
  const out = new Set<string>();
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!(k in b) || !(k in a) || !same(b[k], a[k])) out.add(k);
  }
  return out;
}

/** Pretty JSON split into lines; each top-level property's lines carry whether that key changed. */
export function jsonLines(value: unknown, changed: ReadonlySet<string>): DiffLine[] {
  if (!isPlainObject(value)) {
    return JSON.stringify(value, null, 2)
      .split('\n')
      .map((text) => ({ text, changed: changed.size > 0 }));
  }
  const keys = Object.keys(value);
  const lines: DiffLine[] = [{ text: '{', changed: false }];
  keys.forEach((k, i) => {
    const body = JSON.stringify(value[k], null, 2) ?? 'undefined';
    const comma = i < keys.length - 1 ? ',' : '';
    const parts = `${JSON.stringify(k)}: ${body}${comma}`.split('\n');
    for (const p of parts) lines.push({ text: `  ${p}`, changed: changed.has(k) });
  });
  lines.push({ text: '}', changed: false });
  return lines;
}
