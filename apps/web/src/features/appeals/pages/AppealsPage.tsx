import { PlusOutlined } from '@ant-design/icons';
import {
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  APPEAL_URGENCIES,
  type AppealSummary,
  SLA_STATES,
} from '@yingshang/contracts';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { DAY, DayRangeFilter, formatDate, OrgPicker } from '../../../kit';
import { type AppealQuery, appealApi } from '../api';
import { AppealStatusTag } from '../components/AppealStatusTag';
import { AppealsNav } from '../components/AppealsNav';
import { SlaBadge } from '../components/SlaBadge';
import { useCategories } from '../hooks/use-categories';
import { isOneOf } from '../model';

const PAGE_SIZES = [20, 50, 100];
const SORTS = ['updated', 'due', 'filed'] as const;

/**
 * The appeal queue (诉求台账): filters in the URL, deadline state as colour and words. The same page is
 * the enterprise's "my appeals" (its own only) and a department's in-tray (assigned to it).
 */
export function AppealsPage() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { me, can } = useAuth();
  const kind = me?.user.orgUnit.kind;
  const enterprise = kind === 'enterprise';
  const office = kind !== 'enterprise' && kind !== 'department';
  /** Offices with counties or zones under them also see which office accepted each appeal. */
  const wide = kind === 'province' || kind === 'city';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { nameOf, options: categoryOptions } = useCategories();

  const q = params.get('q') ?? '';
  const status = isOneOf(APPEAL_STATUSES, params.get('status'))
    ? (params.get('status') as string)
    : undefined;
  const channel = isOneOf(APPEAL_CHANNELS, params.get('channel'))
    ? (params.get('channel') as string)
    : undefined;
  const urgency = isOneOf(APPEAL_URGENCIES, params.get('urgency'))
    ? (params.get('urgency') as string)
    : undefined;
  const sla = isOneOf(SLA_STATES, params.get('sla')) ? (params.get('sla') as string) : undefined;
  const category = params.get('category') ?? undefined;
  const region = params.get('region') ?? undefined;
  const open = params.get('open') === 'true';
  // filed between (the dashboard's "received" links here with its months)
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined;
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined;
  const supervised = params.get('supervised') === 'true';
  const sort = isOneOf(SORTS, params.get('sort'))
    ? (params.get('sort') as (typeof SORTS)[number])
    : 'updated';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const filters: AppealQuery = {
    q: q || undefined,
    status,
    channel,
    urgency,
    sla,
    category,
    regionId: region,
    open: open ? 'true' : undefined,
    supervised: supervised ? 'true' : undefined,
    from,
    to,
    sort,
  };
  const key = JSON.stringify(filters);
  const list = useRequest(() => appealApi.list({ ...filters, page, pageSize }), [key, page, pageSize]);

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

  const columns: ColumnsType<AppealSummary> = [
    {
      key: 'title',
      title: t('appeal.col.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 230,
      ellipsis: { showTitle: false },
      render: (v: string, a) => (
        <div style={{ minWidth: 0 }}>
          <Flex gap={4} align="center" style={{ minWidth: 0 }}>
            {a.express ? <Tag color="magenta">{t('appeal.express')}</Tag> : null}
            {a.escalationLevel > 0 ? (
              <Tooltip title={t('appeal.escalated', { unit: a.supervisingUnitName ?? '' })}>
                <Tag color="volcano">{t('appeal.supervisedTag')}</Tag>
              </Tooltip>
            ) : null}
            <Tooltip title={v} placement="topLeft">
              <Link
                to={`/appeals/${a.id}`}
                onClick={(e) => e.stopPropagation()}
                style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {v}
              </Link>
            </Tooltip>
          </Flex>
          <Typography.Text type="secondary" className="num-cell" style={{ fontSize: 12 }}>
            {a.code}
          </Typography.Text>
        </div>
      ),
    },
    ...(enterprise
      ? []
      : [
          {
            key: 'enterprise',
            title: t('appeal.col.enterprise'),
            dataIndex: 'enterpriseName',
            width: 170,
            ellipsis: true,
            render: (v: string | null, a: AppealSummary) =>
              v ?? (
                <Typography.Text type="secondary">
                  {a.anonymous ? t('appeal.anonymous') : '—'}
                </Typography.Text>
              ),
          },
        ]),
    {
      key: 'category',
      title: t('appeal.col.category'),
      dataIndex: 'category',
      width: en ? 120 : 80,
      render: (v: string) => nameOf(v),
    },
    {
      key: 'channel',
      title: t('appeal.col.channel'),
      dataIndex: 'channel',
      width: en ? 150 : 104,
      ellipsis: true,
      render: (v: AppealSummary['channel']) => t(`appeal.channel.${v}`),
    },
    {
      key: 'status',
      title: t('appeal.col.status'),
      dataIndex: 'status',
      width: en ? 120 : 100,
      render: (v: AppealSummary['status'], a) => (
        <Flex gap={4} wrap>
          <AppealStatusTag status={v} />
          {a.reopenCount > 0 ? <Tag color="purple">{t('appeal.reopened', { n: a.reopenCount })}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'sla',
      title: t('appeal.col.due'),
      width: 230,
      render: (_: unknown, a) => <SlaBadge appeal={a} />,
    },
    {
      key: 'department',
      title: t('appeal.col.department'),
      dataIndex: 'departmentName',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    ...(wide
      ? [
          {
            key: 'region',
            title: t('appeal.col.region'),
            dataIndex: 'regionName',
            width: 130,
            ellipsis: true,
          },
        ]
      : []),
    {
      key: 'filedOn',
      title: t('appeal.col.filedOn'),
      dataIndex: 'filedOn',
      width: 100,
      className: 'num-cell',
      render: (v: string) => formatDate(v),
    },
  ];
  const scrollX = columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 120), 0);
  const filtered = !!(
    q ||
    status ||
    channel ||
    urgency ||
    sla ||
    category ||
    region ||
    open ||
    supervised ||
    from ||
    to
  );

  return (
    <Card
      title={enterprise ? t('appeal.portalTitle') : t('appeal.listTitle')}
      extra={
        can('appeals.file') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/appeals/new')}
            data-testid="appeal-new"
          >
            {enterprise ? t('appeal.file') : t('appeal.new')}
          </Button>
        ) : null
      }
    >
      <AppealsNav />
      {enterprise ? (
        <Typography.Paragraph type="secondary">{t('appeal.portalIntro')}</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap className="filter-bar" data-testid="appeals-filter">
        <Input.Search
          allowClear
          style={{ width: 240 }}
          aria-label={kind === 'department' ? t('appeal.filter.searchDept') : t('appeal.filter.search')}
          placeholder={kind === 'department' ? t('appeal.filter.searchDept') : t('appeal.filter.search')}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            if (!e.target.value && q) update({ q: undefined });
          }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          data-testid="appeals-search"
        />
        <Select
          aria-label={t('appeal.filter.status')}
          allowClear
          style={{ width: en ? 130 : 110 }}
          placeholder={t('appeal.filter.status')}
          value={status}
          onChange={(v: string | undefined) => update({ status: v })}
          options={APPEAL_STATUSES.map((s) => ({ value: s, label: t(`appeal.status.${s}`) }))}
          data-testid="appeals-filter-status"
        />
        <Select
          aria-label={t('appeal.filter.sla')}
          allowClear
          style={{ width: en ? 140 : 110 }}
          placeholder={t('appeal.filter.sla')}
          value={sla}
          onChange={(v: string | undefined) => update({ sla: v })}
          options={SLA_STATES.map((s) => ({ value: s, label: t(`appeal.sla.${s}`) }))}
          data-testid="appeals-filter-sla"
        />
        <Select
          aria-label={t('appeal.filter.category')}
          allowClear
          style={{ width: en ? 150 : 120 }}
          placeholder={t('appeal.filter.category')}
          value={category}
          onChange={(v: string | undefined) => update({ category: v })}
          options={categoryOptions}
          popupMatchSelectWidth={false}
          data-testid="appeals-filter-category"
        />
        {enterprise ? null : (
          <Select
            aria-label={t('appeal.filter.channel')}
            allowClear
            style={{ width: en ? 170 : 130 }}
            placeholder={t('appeal.filter.channel')}
            value={channel}
            onChange={(v: string | undefined) => update({ channel: v })}
            options={APPEAL_CHANNELS.map((c) => ({ value: c, label: t(`appeal.channel.${c}`) }))}
            popupMatchSelectWidth={false}
            data-testid="appeals-filter-channel"
          />
        )}
        <Select
          aria-label={t('appeal.filter.urgency')}
          allowClear
          style={{ width: 100 }}
          placeholder={t('appeal.filter.urgency')}
          value={urgency}
          onChange={(v: string | undefined) => update({ urgency: v })}
          options={APPEAL_URGENCIES.map((u) => ({ value: u, label: t(`appeal.urgency.${u}`) }))}
        />
        {office ? (
          <OrgPicker
            value={region}
            onChange={(id) => update({ region: id })}
            placeholder={t('appeal.filter.region')}
            style={{ width: 170 }}
            popupWidth={320}
          />
        ) : null}
        <DayRangeFilter
          from={from}
          to={to}
          onChange={(from, to) => update({ from, to })}
          placeholder={[t('appeal.filter.filedFrom'), t('appeal.filter.filedTo')]}
          testId="appeals-filter-filed"
        />
        <Checkbox checked={open} onChange={(e) => update({ open: e.target.checked ? 'true' : undefined })}>
          {t('appeal.filter.open')}
        </Checkbox>
        {enterprise ? null : (
          <Checkbox
            checked={supervised}
            onChange={(e) => update({ supervised: e.target.checked ? 'true' : undefined })}
            data-testid="appeals-filter-supervised"
          >
            {t('appeal.filter.supervised')}
          </Checkbox>
        )}
        <Space style={{ marginInlineStart: 'auto' }}>
          <Select
            aria-label={t('appeal.sort.label')}
            style={{ width: en ? 140 : 120 }}
            value={sort}
            onChange={(v) => update({ sort: v === 'updated' ? undefined : v })}
            options={SORTS.map((s) => ({ value: s, label: t(`appeal.sort.${s}`) }))}
            data-testid="appeals-sort"
          />
        </Space>
      </Flex>
      <Table<AppealSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: scrollX }}
        onRow={(a) => ({ onClick: () => navigate(`/appeals/${a.id}`), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: (
            <Empty
              description={enterprise && !filtered ? t('appeal.portalEmpty') : t('appeal.empty')}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => update({ page: p, pageSize: s }, true),
        }}
        data-testid="appeals-table"
      />
    </Card>
  );
}
