import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@yingshang/contracts';
import { isRegionKind } from '@yingshang/contracts';
import { Alert, Button, Card, Empty, Flex, Grid, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { ancestry, OrgKindTag, useRegionTree } from '../../../kit';
import { type CreateOrgInput, orgApi } from '../api';
import { OrgChildrenTable } from '../components/OrgChildrenTable';
import { OrgDetails } from '../components/OrgDetails';
import { OrgFormModal, type OrgFormMode } from '../components/OrgFormModal';
import { RegionTree } from '../components/RegionTree';

/** Which kinds of unit may be added under a region of this kind. */
function addableUnder(kind: OrgUnit['kind']): CreateOrgInput['kind'][] {
  if (kind === 'zone') return ['department', 'enterprise'];
  if (kind === 'province' || kind === 'city' || kind === 'county')
    return ['zone', 'department', 'enterprise'];
  return [];
}

export function OrgsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canManage = can('orgs.manage');
  const [params, setParams] = useSearchParams();
  const tree = useRegionTree();
  const selectedId = params.get('id') ?? tree.roots[0]?.id ?? null;
  const [childrenVersion, setChildrenVersion] = useState(0);
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);
  // below md the tree goes above the unit instead of beside it (a phone has no room for both)
  const wide = Grid.useBreakpoint().md !== false;

  const selected = useRequest(() => (selectedId ? orgApi.get(selectedId) : null), [selectedId]);
  const org = selected.data && selected.data.id === selectedId ? selected.data : undefined;

  const select = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('id', id);
    setParams(p);
  };

  const trail = selectedId ? ancestry(tree.index, selectedId).map((n) => n.name) : [];

  const onSaved = (saved: OrgUnit | null) => {
    setChildrenVersion((v) => v + 1);
    if (!saved || saved.id === selectedId) void selected.reload();
    if (!saved || isRegionKind(saved.kind)) void tree.reload();
  };

  // 编辑 / 新增 beside the unit's name on a desk; on a phone under it, where the name keeps its room
  const actions =
    org && canManage ? (
      <Space wrap>
        <Button
          icon={<EditOutlined />}
          onClick={() => setFormMode({ kind: 'edit', org })}
          data-testid="org-edit"
        >
          {t('orgs.edit')}
        </Button>
        {addableUnder(org.kind).map((k) => (
          <Button
            key={k}
            icon={<PlusOutlined />}
            type={k === 'zone' ? 'primary' : 'default'}
            data-testid={`org-add-${k}`}
            onClick={() =>
              setFormMode({ kind: 'create', unitKind: k, parent: { id: org.id, name: org.name } })
            }
          >
            {t(`orgs.add.${k}`)}
          </Button>
        ))}
      </Space>
    ) : null;

  return (
    <Flex gap={16} align={wide ? 'flex-start' : 'stretch'} vertical={!wide}>
      <Card
        size="small"
        title={t('orgs.title')}
        style={wide ? { width: 300, flex: '0 0 300px', position: 'sticky', top: 72 } : undefined}
        data-testid="org-tree-card"
      >
        {tree.error ? (
          <Alert type="error" showIcon title={t('error.loadFailed', { message: tree.error.message })} />
        ) : (
          <RegionTree
            roots={tree.roots}
            index={tree.index}
            loading={tree.loading}
            selectedId={selectedId}
            onSelect={select}
          />
        )}
      </Card>

      <Card
        style={{ flex: 1, minWidth: 0, maxWidth: '100%' }}
        title={
          org ? (
            <Space>
              <span>{org.name}</span>
              <OrgKindTag kind={org.kind} />
            </Space>
          ) : (
            t('orgs.title')
          )
        }
        extra={wide ? actions : undefined}
      >
        {!selectedId && !tree.loading ? (
          <Empty description={t('orgs.selectHint')} />
        ) : selected.error ? (
          <Alert type="error" showIcon title={t('error.loadFailed', { message: selected.error.message })} />
        ) : !org ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <>
            {wide || !actions ? null : <div style={{ marginBottom: 12 }}>{actions}</div>}
            <OrgDetails org={org} trail={trail} />
            <Typography.Title level={5} style={{ margin: '20px 0 12px' }}>
              {t('orgs.children')}
            </Typography.Title>
            <OrgChildrenTable
              parent={org}
              canManage={canManage}
              version={childrenVersion}
              onEdit={(o) => setFormMode({ kind: 'edit', org: o })}
              onOpenRegion={select}
            />
          </>
        )}
      </Card>

      <OrgFormModal mode={formMode} onClose={() => setFormMode(null)} onSaved={onSaved} />
    </Flex>
  );
}
