import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@yingshang/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@yingshang/contracts';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditApi } from '../../../app/api/endpoints';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { AuditDiff, DAY, formatDateTime } from '../../../kit';

const PAGE_SIZES = [20, 50, 100];

const ENTITIES = AUDIT_ENTITIES;
const ACTIONS = AUDIT_ACTIONS;

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

/** `user.create`, `create` → the last segment, used for the colour and the translation fallback. */
const lastSegment = (code: string) => code.split(/[.:/]/).pop() ?? code;

export function AuditPage() {
  const { t, tMaybe, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor') ?? '';
  const entity = params.get('entity') ?? '';
  const action = params.get('action') ?? '';
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined;
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;

  const [draft, setDraft] = useState({ actor, entity, action });
  useEffect(() => setDraft({ actor, entity, action }), [actor, entity, action]);

  const list = useRequest(
    () =>
      auditApi.list({
        actor: actor || undefined,
        entity: entity || undefined,
        action: action || undefined,
        from,
        to,
        page,
        pageSize,
      }),
    [actor, entity, action, from, to, page, pageSize],
  );

  const update = (next: Record<string, string | number | undefined>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20))
        p.delete(k);
      else p.set(k, String(v));
    }
    if (!keepPage) p.delete('page');
    setParams(p);
  };

  const apply = () =>
    update({ actor: draft.actor.trim(), entity: draft.entity.trim(), action: draft.action.trim() });

  const entityLabel = (code: string) =>
    tMaybe(`audit.entity.${code}`, tMaybe(`audit.entity.${lastSegment(code)}`, code));
  const actionLabel = (code: string) =>
    tMaybe(`audit.action.${code}`, tMaybe(`audit.action.${lastSegment(code)}`, code));

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
    {
      title: t('audit.col.actor'),
      dataIndex: 'actorName',
      width: 150,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 140,
      render: (v: string) => (
        <Tooltip title={v}>
          <Tag color={ACTION_COLORS[lastSegment(v)] ?? 'default'}>{actionLabel(v)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      width: 220,
      render: (_, e) => (
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
      title: t('audit.col.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
  ];

  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  const filtered = !!(actor || entity || action || from || to);

  return (
    <Card title={t('audit.title')}>
      <Flex gap={8} wrap className="filter-bar" data-testid="audit-filter">
        <Input
          allowClear
          style={{ width: 170 }}
          placeholder={t('audit.filter.actor')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          onPressEnter={apply}
          data-testid="audit-filter-actor"
        />
        <AutoComplete
          allowClear
          style={{ width: 170 }}
          placeholder={t('audit.filter.entity')}
          value={draft.entity}
          onChange={(v: string) => setDraft({ ...draft, entity: v ?? '' })}
          onSelect={(v: string) => update({ entity: v })}
          options={ENTITIES.map((e) => ({ value: e, label: `${entityLabel(e)} (${e})` }))}
          filterOption={(input, o) =>
            String(o?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase())
          }
          data-testid="audit-filter-entity"
        />
        <AutoComplete
          allowClear
          style={{ width: 170 }}
          placeholder={t('audit.filter.action')}
          value={draft.action}
          onChange={(v: string) => setDraft({ ...draft, action: v ?? '' })}
          onSelect={(v: string) => update({ action: v })}
          options={ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
          filterOption={(input, o) =>
            String(o?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase())
          }
          data-testid="audit-filter-action"
        />
        <DatePicker.RangePicker
          value={range}
          format="YYYY-MM-DD"
          allowEmpty={[true, true]}
          placeholder={[t('audit.filter.dates'), t('audit.filter.dates')]}
          onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="audit-filter-dates"
        />
        <Button type="primary" onClick={apply}>
          {t('common.search')}
        </Button>
        <Button onClick={() => setParams(new URLSearchParams())} disabled={!filtered}>
          {t('common.reset')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.reload()}
          aria-label={t('common.refresh')}
        />
      </Flex>
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
        locale={{
          emptyText: list.error ? (
            <Empty description={t('error.loadFailed', { message: list.error.message })} />
          ) : (
            <Empty description={t('audit.empty')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (p, s) => update({ page: s !== pageSize ? 1 : p, pageSize: s }, true),
        }}
      />
    </Card>
  );
}
