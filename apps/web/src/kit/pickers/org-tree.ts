import type { OrgTreeNodeT } from '@yingshang/contracts';

export interface TreeIndex {
  byId: Map<string, OrgTreeNodeT>;
  parentOf: Map<string, string | null>;
}

export function indexTree(roots: readonly OrgTreeNodeT[]): TreeIndex {
  const byId = new Map<string, OrgTreeNodeT>();
  const parentOf = new Map<string, string | null>();
  const walk = (n: OrgTreeNodeT, parent: string | null) => {
    byId.set(n.id, n);
    parentOf.set(n.id, parent);
    for (const c of n.children) walk(c, n.id);
  };
  for (const r of roots) walk(r, null);
  return { byId, parentOf };
}

/** The node and its ancestors, root first. */
export function ancestry(index: TreeIndex, id: string): OrgTreeNodeT[] {
  const out: OrgTreeNodeT[] = [];
  let cur: string | null | undefined = id;
  while (cur) {
    const n = index.byId.get(cur);
    if (!n) break;
    out.unshift(n);
    cur = index.parentOf.get(cur);
  }
  return out;
}

/** Keeps the nodes in `keep` and their ancestors. */
export function pruneTree(roots: readonly OrgTreeNodeT[], keep: ReadonlySet<string>): OrgTreeNodeT[] {
  const visit = (n: OrgTreeNodeT): OrgTreeNodeT | null => {
    const children = n.children.map(visit).filter((c): c is OrgTreeNodeT => c !== null);
    if (keep.has(n.id) || children.length > 0) return { ...n, children };
    return null;
  };
  return roots.map(visit).filter((c): c is OrgTreeNodeT => c !== null);
}
