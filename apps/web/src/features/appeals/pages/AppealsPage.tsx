import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  APPEAL_URGENCIES,
  type AppealSummary,
  SLA_STATES,
} from '@yingshang/contracts';
import { Button, Checkbox, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  DayRangeFilter,
  EnumFilter,
  filter,
  formatDate,
  LedgerImportDialog,
  type ListColumn,
  ListPage,
  listPageBinding,
  RegionFilter,
  SearchFilter,
  useRequest,
  useUrlFilters,
} from '../../../kit';
import { type AppealQuery, appealApi } from '../api';
import { AppealStatusTag } from '../components/AppealStatusTag';
import { AppealsNav } from '../components/AppealsNav';
import { SlaBadge } from '../components/SlaBadge';
import { useCategories } from '../hooks/use-categories';

const SORTS = ['updated', 'due', 'filed'] as const;

/** The queue's filters in the URL (the dashboard links here with `region`, `from`, `to`, `open`, `sla`). */
const FILTERS = {
  q: filter.string(),
  status: filter.enum(APPEAL_STATUSES),
  channel: filter.enum(APPEAL_CHANNELS),
  urgency: filter.enum(APPEAL_URGENCIES),
  sla: filter.enum(SLA_STATES),
  category: filter.string(),
  region: filter.string(),
  open: filter.boolean(),
  supervised: filter.boolean(),
  // filed between (the dashboard's "received" links here with its months)
  filed: filter.dayRange({ from: 'from', to: 'to' }),
  sort: filter.enum(SORTS, { default: 'updated' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};
const NOT_FILTERS = ['sort'] as const;

/**
 * The appeal queue (诉求台账): filters in the URL, deadline state as colour and words, 导出 of the
 * filtered rows. The same page is the enterprise's "my appeals" (its own only) and a department's
 * in-tray (assigned to it).
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
  const [importing, setImporting] = useState(false);
  const { nameOf, options: categoryOptions } = useCategories();
  const f = useUrlFilters(FILTERS, NOT_FILTERS);
  const v = f.values;

  const query: AppealQuery = {
    q: v.q || undefined,
    status: v.status,
    channel: v.channel,
    urgency: v.urgency,
    sla: v.sla,
    category: v.category || undefined,
    regionId: office ? v.region || undefined : undefined,
    open: v.open ? 'true' : undefined,
    supervised: v.supervised ? 'true' : undefined,
    from: v.filed.from,
    to: v.filed.to,
    sort: v.sort,
  };
  const list = useRequest(
    () => appealApi.list({ ...query, page: v.page, pageSize: v.pageSize }),
    [JSON.stringify(query), v.page, v.pageSize],
  );

  const columns: ListColumn<AppealSummary>[] = [
    {
      key: 'title',
      locked: true,
      title: t('appeal.col.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 220,
      ellipsis: { showTitle: false },
      render: (v: string, a: AppealSummary) => (
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
    {
      key: 'sla',
      important: true,
      title: t('appeal.col.due'),
      width: 210,
      render: (_: unknown, a: AppealSummary) => <SlaBadge appeal={a} />,
    },
    {
      key: 'status',
      important: true,
      title: t('appeal.col.status'),
      dataIndex: 'status',
      width: en ? 120 : 100,
      render: (v: AppealSummary['status'], a: AppealSummary) => (
        <Flex gap={4} wrap>
          <AppealStatusTag status={v} />
          {a.reopenCount > 0 ? <Tag color="purple">{t('appeal.reopened', { n: a.reopenCount })}</Tag> : null}
        </Flex>
      ),
    },
  ];

  const filters = (
    <>
      <SearchFilter
        value={v.q}
        onSearch={(q) => f.set({ q })}
        placeholder={kind === 'department' ? t('appeal.filter.searchDept') : t('appeal.filter.search')}
        width={240}
        testId="appeals-search"
      />
      <EnumFilter
        values={APPEAL_STATUSES}
        value={v.status}
        onChange={(status) => f.set({ status })}
        text={(s) => t(`appeal.status.${s}`)}
        label={t('appeal.filter.status')}
        width={en ? 130 : 110}
        testId="appeals-filter-status"
      />
      <EnumFilter
        values={SLA_STATES}
        value={v.sla}
        onChange={(sla) => f.set({ sla })}
        text={(s) => t(`appeal.sla.${s}`)}
        label={t('appeal.filter.sla')}
        width={en ? 140 : 110}
        testId="appeals-filter-sla"
      />
      <Select
        aria-label={t('appeal.filter.category')}
        allowClear
        style={{ width: en ? 150 : 120 }}
        placeholder={t('appeal.filter.category')}
        value={v.category || undefined}
        onChange={(category: string | undefined) => f.set({ category: category ?? '' })}
        options={categoryOptions}
        popupMatchSelectWidth={false}
        data-testid="appeals-filter-category"
      />
      {enterprise ? null : (
        <EnumFilter
          values={APPEAL_CHANNELS}
          value={v.channel}
          onChange={(channel) => f.set({ channel })}
          text={(c) => t(`appeal.channel.${c}`)}
          label={t('appeal.filter.channel')}
          width={en ? 170 : 130}
          testId="appeals-filter-channel"
        />
      )}
      <EnumFilter
        values={APPEAL_URGENCIES}
        value={v.urgency}
        onChange={(urgency) => f.set({ urgency })}
        text={(u) => t(`appeal.urgency.${u}`)}
        label={t('appeal.filter.urgency')}
        width={100}
      />
      {office ? (
        <RegionFilter
          value={v.region}
          onChange={(region = '') => f.set({ region })}
          placeholder={t('appeal.filter.region')}
        />
      ) : null}
      <DayRangeFilter
        from={v.filed.from}
        to={v.filed.to}
        onChange={(from, to) => f.set({ filed: { from, to } })}
        placeholder={[t('appeal.filter.filedFrom'), t('appeal.filter.filedTo')]}
        testId="appeals-filter-filed"
      />
      <Checkbox checked={v.open} onChange={(e) => f.set({ open: e.target.checked })}>
        {t('appeal.filter.open')}
      </Checkbox>
      {enterprise ? null : (
        <Checkbox
          checked={v.supervised}
          onChange={(e) => f.set({ supervised: e.target.checked })}
          data-testid="appeals-filter-supervised"
        >
          {t('appeal.filter.supervised')}
        </Checkbox>
      )}
      <Select
        aria-label={t('appeal.sort.label')}
        style={{ width: en ? 140 : 120 }}
        value={v.sort}
        onChange={(sort) => f.set({ sort })}
        options={SORTS.map((s) => ({ value: s, label: t(`appeal.sort.${s}`) }))}
        data-testid="appeals-sort"
      />
    </>
  );

  return (
    <>
      <AppealsNav />
      <ListPage<AppealSummary>
        id="appeals"
        title={enterprise ? t('appeal.portalTitle') : t('appeal.listTitle')}
        actions={
          <>
            {can('appeals.file') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/appeals/new')}
                data-testid="appeal-new"
              >
                {enterprise ? t('appeal.file') : t('appeal.new')}
              </Button>
            ) : null}
            {office && can('appeals.manage') ? (
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="appeal-import"
              >
                {t('appeal.import.action')}
              </Button>
            ) : null}
          </>
        }
        above={
          enterprise ? (
            <Typography.Paragraph type="secondary">{t('appeal.portalIntro')}</Typography.Paragraph>
          ) : null
        }
        filters={filters}
        {...listPageBinding(f)}
        columns={columns}
        rowKey="id"
        request={list}
        onOpen={(a) => navigate(`/appeals/${a.id}`)}
        exportFile={{
          run: () => appealApi.exportXlsx(query),
          fallbackName: t('appeal.exportFile', { date: beijingToday() }),
        }}
        emptyText={enterprise ? t('appeal.portalEmpty') : t('appeal.emptyQueue')}
      />
      <LedgerImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => list.reload()}
        title={t('appeal.import.title')}
        hint={t('appeal.import.hint')}
        endpoint="/appeals/import"
        mappingEndpoint="/appeals/import/mapping"
        templateEndpoint="/appeals/import-template.xlsx"
      />
    </>
  );
}
