import type { AuditEntry } from '@yingshang/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@yingshang/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  AuditDiff,
  auditApi,
  DayRangeFilter,
  EnumFilter,
  filter,
  formatDateTime,
  type ListColumn,
  ListPage,
  listPageBinding,
  SearchFilter,
  useRequest,
  useUrlFilters,
} from '../../../kit';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  disable: 'red',
  enable: 'green',
  login_failed: 'orange',
  lock: 'orange',
  reset_password: 'gold',
};

/** The trail's filters in the URL: who, what kind of record, which action, between which days. */
const FILTERS = {
  actor: filter.string(),
  entity: filter.enum(AUDIT_ENTITIES),
  action: filter.enum(AUDIT_ACTIONS),
  on: filter.dayRange({ from: 'from', to: 'to' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};

/** `user.create`, `create` → the last segment, used for the colour and the translation fallback. */
const lastSegment = (code: string) => code.split(/[.:/]/).pop() ?? code;

/** 审计日志: who did what to which record, when; each row opens its before / after in place. */
export function AuditPage() {
  const { t, tMaybe } = useI18n();
  const f = useUrlFilters(FILTERS);
  const v = f.values;

  const list = useRequest(
    () =>
      auditApi.list({
        actor: v.actor || undefined,
        entity: v.entity,
        action: v.action,
        from: v.on.from,
        to: v.on.to,
        page: v.page,
        pageSize: v.pageSize,
      }),
    [v.actor, v.entity, v.action, v.on.from, v.on.to, v.page, v.pageSize],
  );

  const entityLabel = (code: string) =>
    tMaybe(`audit.entity.${code}`, tMaybe(`audit.entity.${lastSegment(code)}`, code));
  const actionLabel = (code: string) =>
    tMaybe(`audit.action.${code}`, tMaybe(`audit.action.${lastSegment(code)}`, code));

  const columns: ListColumn<AuditEntry>[] = [
    {
      key: 'at',
      locked: true,
      title: t('audit.col.at'),
      dataIndex: 'at',
      width: 170,
      className: 'num-cell',
      render: (at: string) => formatDateTime(at, true),
    },
    {
      key: 'actor',
      title: t('audit.col.actor'),
      dataIndex: 'actorName',
      width: 150,
      ellipsis: true,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 140,
      render: (code: string) => (
        <Tooltip title={code}>
          <Tag color={ACTION_COLORS[lastSegment(code)] ?? 'default'}>{actionLabel(code)}</Tag>
        </Tooltip>
      ),
    },
    {
      key: 'entity',
      title: t('audit.col.entity'),
      width: 220,
      render: (_: unknown, e: AuditEntry) => (
        <Flex vertical>
          <span>{entityLabel(e.entity)}</span>
          {e.entityId ? (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              ellipsis
              copyable={{ text: e.entityId }}
            >
              {e.entityId}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'summary',
      title: t('audit.col.summary'),
      width: 320,
      ellipsis: true,
      render: (_: unknown, e: AuditEntry) => (
        <>
          {e.backdatedTo ? (
            <Tooltip title={t('audit.backdatedHint', { day: e.backdatedTo })}>
              <Tag color="gold">{t('audit.backdated', { day: e.backdatedTo })}</Tag>
            </Tooltip>
          ) : null}
          {e.summary ?? '—'}
        </>
      ),
    },
  ];

  const filters = (
    <>
      <SearchFilter
        value={v.actor}
        onSearch={(actor) => f.set({ actor })}
        placeholder={t('audit.filter.actor')}
        width={190}
        testId="audit-filter-actor"
      />
      <EnumFilter
        values={AUDIT_ENTITIES}
        value={v.entity}
        onChange={(entity) => f.set({ entity })}
        text={entityLabel}
        label={t('audit.filter.entity')}
        width={190}
        search
        testId="audit-filter-entity"
      />
      <EnumFilter
        values={AUDIT_ACTIONS}
        value={v.action}
        onChange={(action) => f.set({ action })}
        text={actionLabel}
        label={t('audit.filter.action')}
        width={170}
        search
        testId="audit-filter-action"
      />
      <DayRangeFilter
        from={v.on.from}
        to={v.on.to}
        onChange={(from, to) => f.set({ on: { from, to } })}
        placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
        testId="audit-filter-dates"
      />
    </>
  );

  return (
    <ListPage<AuditEntry>
      id="audit"
      title={t('audit.title')}
      filters={filters}
      {...listPageBinding(f)}
      columns={columns}
      rowKey="id"
      request={list}
      expandable={{
        expandedRowRender: (e) => <AuditDiff entry={e} />,
        rowExpandable: (e) => e.before != null || e.after != null,
      }}
      emptyText={t('audit.empty')}
    />
  );
}
