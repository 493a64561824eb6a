import type { OrgKind, OrgTreeNodeT } from '@yingshang/contracts';
import { isRegionKind } from '@yingshang/contracts';
import { Flex, Spin, TreeSelect } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n-context';
import { orgApi } from '../api';
import { OrgKindTag } from './OrgKindTag';
import { useRegionTree } from './use-region-tree';

export interface PickedOrg {
  id: string;
  name: string;
  kind: OrgKind;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined, org: PickedOrg | undefined) => void;
  /** Also offer departments and enterprises (loaded when a region is opened). */
  withLeafUnits?: boolean;
  /** A unit known before the tree loads (an edited user's unit), so its name shows at once. */
  known?: PickedOrg;
  placeholder?: string;
  allowClear?: boolean;
  /** Width of the drop-down when the box itself is narrow (a filter bar). */
  popupWidth?: number;
  style?: CSSProperties;
  'data-testid'?: string;
  id?: string;
}

interface Node {
  value: string;
  title: ReactNode;
  isLeaf?: boolean;
  children?: Node[];
}

const LEAF_KINDS: OrgKind[] = ['department', 'enterprise'];

/** Zones, departments and enterprises carry a kind tag in the tree; search results always do. */
function title(o: PickedOrg, alwaysTag = false): ReactNode {
  return alwaysTag || o.kind === 'zone' || LEAF_KINDS.includes(o.kind) ? (
    <Flex gap={6} align="center" component="span">
      <span>{o.name}</span>
      <OrgKindTag kind={o.kind} />
    </Flex>
  ) : (
    o.name
  );
}

/**
 * Unit chooser: the region tree, with departments / enterprises loaded lazily under a region,
 * and server search (name, code or pinyin initials) as soon as the user types.
 */
export function OrgPicker({
  value,
  onChange,
  withLeafUnits = false,
  known,
  placeholder,
  allowClear = true,
  popupWidth,
  style,
  id,
  'data-testid': testId,
}: Props) {
  const { t } = useI18n();
  const tree = useRegionTree();
  const labels = useRef(new Map<string, PickedOrg>());
  const [leafChildren, setLeafChildren] = useState<Record<string, PickedOrg[]>>({});
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<PickedOrg[] | null>(null);
  const [searching, setSearching] = useState(false);

  if (known && !labels.current.has(known.id)) labels.current.set(known.id, known);
  for (const [nid, n] of tree.index.byId) {
    if (!labels.current.has(nid)) labels.current.set(nid, { id: n.id, name: n.name, kind: n.kind });
  }

  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let alive = true;
    setSearching(true);
    setHits(null);
    const timer = window.setTimeout(() => {
      orgApi
        .list({ q, page: 1, pageSize: 50 })
        .then((page) => {
          if (!alive) return;
          const found = page.items
            .filter((o) => withLeafUnits || isRegionKind(o.kind))
            .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
          for (const f of found) labels.current.set(f.id, f);
          setHits(found);
        })
        .catch(() => alive && setHits([]))
        .finally(() => alive && setSearching(false));
    }, 250);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [search, withLeafUnits]);

  const treeData = useMemo<Node[]>(() => {
    // while a search is pending show nothing (a spinner), so a click never lands on a list about to change
    if (search.trim()) return (hits ?? []).map((o) => ({ value: o.id, title: title(o, true), isLeaf: true }));
    const toNode = (n: OrgTreeNodeT): Node => {
      const extra = (leafChildren[n.id] ?? []).map((o) => ({ value: o.id, title: title(o), isLeaf: true }));
      const children = [...n.children.map(toNode), ...extra];
      return {
        value: n.id,
        title: title({ id: n.id, name: n.name, kind: n.kind }),
        children: children.length > 0 ? children : undefined,
        isLeaf: withLeafUnits ? false : children.length === 0,
      };
    };
    return tree.roots.map(toNode);
  }, [search, hits, tree.roots, leafChildren, withLeafUnits]);

  const loadData = async (parentId: string) => {
    if (leafChildren[parentId]) return;
    const page = await orgApi.list({ parentId, page: 1, pageSize: 200 });
    const leaves = page.items
      .filter((o) => LEAF_KINDS.includes(o.kind))
      .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
    for (const l of leaves) labels.current.set(l.id, l);
    setLeafChildren((prev) => ({ ...prev, [parentId]: leaves }));
  };

  // The top level opens by default, so its departments / enterprises are fetched up front
  // (expanding a node that is already open would never ask for them).
  // biome-ignore lint/correctness/useExhaustiveDependencies: loadData only reads state through setters
  useEffect(() => {
    if (!withLeafUnits) return;
    for (const r of tree.roots.slice(0, 5)) void loadData(r.id).catch(() => undefined);
  }, [tree.roots, withLeafUnits]);

  // a unit chosen elsewhere (a link's ?regionId=) that the tree does not hold: its name is asked
  // for once; until it is known the box says 加载中…, never the unit's id
  const [, setLearnt] = useState(0);
  const unknown = !!value && !labels.current.has(value) && !known;
  useEffect(() => {
    if (!unknown || tree.loading || !value) return;
    let alive = true;
    orgApi
      .get(value)
      .then((o) => {
        labels.current.set(o.id, { id: o.id, name: o.name, kind: o.kind });
        if (alive) setLearnt((n) => n + 1);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [unknown, tree.loading, value]);
  const current = value
    ? { value, label: labels.current.get(value)?.name ?? known?.name ?? t('common.loading') }
    : undefined;

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      style={style ?? { width: '100%' }}
      labelInValue
      value={current}
      onChange={(v: { value: string } | undefined) => {
        const picked = v ? labels.current.get(v.value) : undefined;
        onChange?.(v?.value, picked);
      }}
      treeData={treeData}
      loadData={
        withLeafUnits && !search.trim() ? (node) => loadData(String(node.value ?? node.key)) : undefined
      }
      showSearch
      searchValue={search}
      onSearch={setSearch}
      filterTreeNode={false}
      treeDefaultExpandedKeys={tree.roots.map((r) => r.id)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      // named by its placeholder where no labelled Form.Item names it (a filter bar)
      aria-label={id ? undefined : (placeholder ?? t('orgPicker.placeholder'))}
      notFoundContent={searching || tree.loading ? <Spin size="small" /> : t('orgPicker.noMatch')}
      popupMatchSelectWidth={popupWidth ?? true}
      listHeight={360}
    />
  );
}
