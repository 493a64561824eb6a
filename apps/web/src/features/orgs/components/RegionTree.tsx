import type { OrgTreeNodeT } from '@yingshang/contracts';
import { isRegionKind } from '@yingshang/contracts';
import { Empty, Flex, Input, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { ancestry, pruneTree, type TreeIndex } from '../../../kit';
import { orgApi } from '../api';

interface Props {
  roots: OrgTreeNodeT[];
  index: TreeIndex;
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

function Highlight({ text, q }: { text: string; q: string }) {
  const i = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{text.slice(i, i + q.length)}</mark>
      {text.slice(i + q.length)}
    </>
  );
}

/** Searchable tree of regions; search matches name and code here, and pinyin initials through the API. */
export function RegionTree({ roots, index, loading, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [serverHits, setServerHits] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string[]>([]);
  const query = q.trim();

  // Open the top level once the tree arrives, and the path to the selected unit.
  useEffect(() => {
    const keys = new Set<string>();
    for (const r of roots) keys.add(r.id);
    if (selectedId) for (const a of ancestry(index, selectedId).slice(0, -1)) keys.add(a.id);
    setExpanded((prev) => [...new Set([...prev, ...keys])]);
  }, [roots, index, selectedId]);

  useEffect(() => {
    if (!query) {
      setServerHits(new Set());
      return;
    }
    let alive = true;
    const timer = window.setTimeout(() => {
      orgApi
        .list({ q: query, page: 1, pageSize: 200 })
        .then((page) => {
          if (!alive) return;
          const ids = new Set<string>();
          // departments and enterprises are listed on the right, so only regions count here
          for (const o of page.items) if (isRegionKind(o.kind)) ids.add(o.id);
          setServerHits(ids);
        })
        .catch(() => undefined);
    }, 250);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const { shown, searchExpanded } = useMemo(() => {
    if (!query) return { shown: roots, searchExpanded: null };
    const lower = query.toLowerCase();
    const keep = new Set<string>(serverHits);
    for (const [id, n] of index.byId) {
      if (n.name.toLowerCase().includes(lower) || n.code.toLowerCase().includes(lower)) keep.add(id);
    }
    const pruned = pruneTree(roots, keep);
    const open: string[] = [];
    const walk = (n: OrgTreeNodeT) => {
      if (n.children.length > 0) open.push(n.id);
      n.children.forEach(walk);
    };
    pruned.forEach(walk);
    return { shown: pruned, searchExpanded: open };
  }, [query, roots, index, serverHits]);

  const treeData = useMemo(() => {
    const toData = (n: OrgTreeNodeT): DataNode => ({
      key: n.id,
      title: (
        <Flex gap={6} align="center" component="span">
          <span>
            <Highlight text={n.name} q={query} />
          </span>
          {n.kind === 'zone' ? (
            <Tag
              color="purple"
              style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}
            >
              {t('orgKind.zoneShort')}
            </Tag>
          ) : null}
        </Flex>
      ),
      children: n.children.length > 0 ? n.children.map(toData) : undefined,
      isLeaf: n.children.length === 0,
    });
    return shown.map(toData);
  }, [shown, query, t]);

  return (
    <Flex vertical gap={8} className="org-tree-panel">
      <Input.Search
        aria-label={t('orgs.searchPlaceholder')}
        allowClear
        placeholder={t('orgs.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="org-tree-search"
      />
      <Spin spinning={loading}>
        <div style={{ maxHeight: 'calc(100vh - 230px)', minHeight: 200, overflow: 'auto' }}>
          {treeData.length === 0 && !loading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.treeEmpty')} />
          ) : (
            <Tree
              data-testid="org-tree"
              blockNode
              showLine={{ showLeafIcon: false }}
              treeData={treeData}
              expandedKeys={searchExpanded ?? expanded}
              onExpand={(keys) => {
                if (!searchExpanded) setExpanded(keys.map(String));
              }}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                if (keys.length > 0) onSelect(String(keys[0]));
              }}
            />
          )}
        </div>
      </Spin>
    </Flex>
  );
}
