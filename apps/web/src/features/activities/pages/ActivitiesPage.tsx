import {
  CalendarOutlined,
  PlusOutlined,
  ReloadOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ActivitySummary } from '@yingshang/contracts';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  DAY,
  DayRangeFilter,
  formatDate,
  formatPercent,
  formatWan,
  isOneOf,
  OrgPicker,
} from '../../../kit';
import { type ActivityQuery, activityApi } from '../api';
import { ActivityCalendar } from '../components/ActivityCalendar';
import { ActivityFiguresStrip } from '../components/ActivityFiguresStrip';
import { ActivityTypeTag } from '../components/ActivityTypeTag';
import { OfficialSelect } from '../components/OfficialSelect';
import { ACTIVITY_SORTS, ACTIVITY_TYPES, type ActivitySort, placeOf } from '../model';

const PAGE_SIZES = [20, 50, 100];

/** 招商活动: filters in the URL, the year's figures, a dense table or a month calendar. */
export function ActivitiesPage() {
  const { t, formatNumber, locale } = useI18n();
  const en = locale === 'en-US';
  const { can } = useAuth();
  const canWrite = can('activities.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const q = params.get('q') ?? '';
  const typeParam = params.get('type');
  const type = isOneOf(ACTIVITY_TYPES, typeParam) ? typeParam : undefined;
  const region = params.get('region') ?? undefined;
  const official = params.get('official') ?? undefined;
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined;
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined;
  const sortParam = params.get('sort');
  const sort: ActivitySort = isOneOf(ACTIVITY_SORTS, sortParam) ? sortParam : 'startOn';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : beijingToday().slice(0, 7);

  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const filters: ActivityQuery = {
    q: q || undefined,
    type,
    regionId: region,
    officialId: official,
    from,
    to,
  };
  const filterKey = JSON.stringify({ ...filters, sort, order });
  const list = useRequest(
    () => (view === 'list' ? activityApi.list({ ...filters, sort, order, page, pageSize }) : null),
    [filterKey, page, pageSize, view],
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
  const sortOrderOf = (key: ActivitySort) =>
    sort === key ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: ColumnsType<ActivitySummary> = [
    {
      key: 'title',
      title: t('activity.col.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: en ? 180 : 190,
      sorter: true,
      sortOrder: sortOrderOf('title'),
      ellipsis: { showTitle: false },
      render: (v: string, a) => (
        <Tooltip title={v} placement="topLeft">
          <Link to={`/activities/${a.id}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
        </Tooltip>
      ),
    },
    {
      key: 'type',
      title: t('activity.col.type'),
      dataIndex: 'type',
      width: en ? 150 : 92,
      render: (v: ActivitySummary['type']) => <ActivityTypeTag type={v} />,
    },
    {
      key: 'startOn',
      title: t('activity.col.dates'),
      dataIndex: 'startOn',
      width: 108,
      sorter: true,
      sortOrder: sortOrderOf('startOn'),
      className: 'num-cell',
      render: (_: string, a) => (
        <Tooltip title={t('activity.daysCount', { days: a.days })}>
          {formatDate(a.startOn)}
          {a.endOn !== a.startOn ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('activity.until', { date: formatDate(a.endOn) })}
            </Typography.Text>
          ) : null}
        </Tooltip>
      ),
    },
    {
      key: 'place',
      title: t('activity.col.place'),
      width: en ? 100 : 110,
      ellipsis: true,
      render: (_: unknown, a) => placeOf(a),
    },
    {
      key: 'organiser',
      title: t('activity.col.organiser'),
      dataIndex: 'organiserName',
      width: en ? 96 : 104,
      ellipsis: true,
    },
    {
      key: 'officials',
      title: t('activity.col.officials'),
      dataIndex: 'officialNames',
      ellipsis: true,
      render: (v: string) => v || '—',
    },
    {
      key: 'met',
      title: t('activity.col.enterprisesMet'),
      dataIndex: 'investorCount',
      width: en ? 80 : 72,
      align: 'right',
      className: 'num-cell',
    },
    {
      key: 'signed',
      title: t('activity.col.signedWan'),
      width: 104,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('signed'),
      className: 'num-cell',
      render: (_: unknown, a) =>
        a.results.signings ? (
          <Tooltip title={t('activity.col.signedCount', { count: a.results.signings })}>
            {formatWan(a.results.signedFen, 2)}
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      key: 'started',
      title: t('activity.col.startedWan'),
      width: 100,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, a) => (a.results.signings ? formatWan(a.results.startedFen, 2) : '—'),
    },
    {
      key: 'fundsInPlace',
      title: t('activity.col.fundsWan'),
      width: 104,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('fundsInPlace'),
      className: 'num-cell',
      render: (_: unknown, a) =>
        a.results.signings ? (
          <Tooltip title={t('activity.col.landed', { rate: formatPercent(a.results.landedRate) })}>
            <Typography.Text
              type={a.results.landedRate !== null && a.results.landedRate < 0.3 ? 'danger' : undefined}
            >
              {formatWan(a.results.fundsInPlaceFen, 2)}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);
  const filtered = !!(q || type || region || official || from || to);

  return (
    <Card
      title={t('activity.listTitle')}
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => update({ view: v === 'calendar' ? 'calendar' : undefined })}
            options={[
              { value: 'list', icon: <UnorderedListOutlined />, label: t('activity.view.list') },
              { value: 'calendar', icon: <CalendarOutlined />, label: t('activity.view.calendar') },
            ]}
            data-testid="activities-view"
          />
          <Button
            icon={<TeamOutlined />}
            onClick={() => navigate('/activities/leaders')}
            data-testid="activities-leaders"
          >
            {t('activity.leaders.title')}
          </Button>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/activities/new')}
              data-testid="activity-new"
            >
              {t('activity.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <ActivityFiguresStrip regionId={region} />
      <Flex gap={8} wrap className="filter-bar" data-testid="activities-filter">
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('activity.filter.search')}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            if (!e.target.value && q) update({ q: undefined });
          }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          data-testid="activities-search"
        />
        <Select
          allowClear
          style={{ width: en ? 170 : 130 }}
          placeholder={t('activity.filter.type')}
          value={type}
          onChange={(v: string | undefined) => update({ type: v })}
          options={ACTIVITY_TYPES.map((k) => ({ value: k, label: t(`activity.type.${k}`) }))}
          popupMatchSelectWidth={false}
          data-testid="activities-filter-type"
        />
        <OrgPicker
          value={region}
          onChange={(id) => update({ region: id })}
          placeholder={t('activity.filter.region')}
          style={{ width: 150 }}
          popupWidth={320}
          data-testid="activities-filter-region"
        />
        <OfficialSelect
          single
          value={official ? [official] : []}
          onChange={(ids) => update({ official: ids[0] })}
          placeholder={t('activity.filter.official')}
          style={{ width: 150 }}
          data-testid="activities-filter-official"
        />
        {view === 'list' ? (
          <DayRangeFilter
            from={from}
            to={to}
            onChange={(from, to) => update({ from, to })}
            placeholder={[t('activity.filter.from'), t('activity.filter.to')]}
            testId="activities-filter-dates"
          />
        ) : null}
        <Button
          onClick={() => setParams(new URLSearchParams(view === 'calendar' ? { view } : {}))}
          disabled={!filtered}
        >
          {t('common.reset')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.reload()}
          aria-label={t('common.refresh')}
        />
      </Flex>
      {view === 'calendar' ? (
        <ActivityCalendar filters={filters} month={month} onMonthChange={(m) => update({ month: m }, true)} />
      ) : (
        <Table<ActivitySummary>
          data-testid="activities-table"
          className="clickable-rows"
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          tableLayout="fixed"
          scroll={{ x: scrollX }}
          onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}`) })}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ActivitySummary>;
            const key = s.columnKey as ActivitySort | undefined;
            if (!s.order || !key || !isOneOf(ACTIVITY_SORTS, key))
              update({ sort: undefined, order: undefined });
            else update({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
          }}
          locale={{
            emptyText: list.error ? (
              <Empty description={t('error.loadFailed', { message: list.error.message })} />
            ) : filtered ? (
              <Empty description={t('activity.emptyFiltered')} />
            ) : (
              <Empty description={canWrite ? t('activity.empty') : t('activity.emptyReadOnly')} />
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
      )}
    </Card>
  );
}
