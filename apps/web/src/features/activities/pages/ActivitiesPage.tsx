import { CalendarOutlined, PlusOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { ActivitySummary } from '@yingshang/contracts';
import { Button, Segmented, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  DayRangeFilter,
  EnumFilter,
  filter,
  formatDate,
  formatPercent,
  formatWan,
  type ListColumn,
  ListPage,
  listPageBinding,
  RegionFilter,
  SearchFilter,
  useRequest,
  useUrlFilters,
} from '../../../kit';
import { type ActivityQuery, activityApi } from '../api';
import { ActivityCalendar } from '../components/ActivityCalendar';
import { ActivityFiguresStrip } from '../components/ActivityFiguresStrip';
import { ActivityTypeTag } from '../components/ActivityTypeTag';
import { OfficialSelect } from '../components/OfficialSelect';
import { ACTIVITY_SORTS, ACTIVITY_TYPES, placeOf } from '../model';

const MONTH_RE = /^\d{4}-\d{2}$/;

/** The list's filters in the URL (the dashboard links here with a region, a period and main=true). */
const FILTERS = {
  q: filter.string(),
  type: filter.enum(ACTIVITY_TYPES),
  region: filter.string(),
  official: filter.string(),
  on: filter.dayRange({ from: 'from', to: 'to' }),
  view: filter.enum(['list', 'calendar'] as const, { default: 'list' }),
  month: filter.string(),
  sort: filter.enum(ACTIVITY_SORTS, { default: 'startOn' }),
  order: filter.enum(['asc', 'desc'] as const, { default: 'desc' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};
const NOT_FILTERS = ['view', 'month', 'sort', 'order'] as const;

/** 招商活动: filters in the URL, the year's figures, a dense table or a month calendar. */
export function ActivitiesPage() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { can } = useAuth();
  const canWrite = can('activities.write');
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS, NOT_FILTERS);
  const v = f.values;
  const month = MONTH_RE.test(v.month) ? v.month : beijingToday().slice(0, 7);

  const query: ActivityQuery = {
    q: v.q || undefined,
    type: v.type,
    regionId: v.region || undefined,
    officialId: v.official || undefined,
    from: v.on.from,
    to: v.on.to,
  };
  const queryKey = JSON.stringify({ ...query, sort: v.sort, order: v.order });
  const list = useRequest(
    () =>
      v.view === 'list'
        ? activityApi.list({ ...query, sort: v.sort, order: v.order, page: v.page, pageSize: v.pageSize })
        : null,
    [queryKey, v.page, v.pageSize, v.view],
  );

  const columns: ListColumn<ActivitySummary>[] = [
    {
      key: 'title',
      locked: true,
      title: t('activity.col.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: en ? 180 : 190,
      sortable: true,
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
      sortable: true,
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
      width: 160,
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
      important: true,
      title: t('activity.col.signedWan'),
      width: 104,
      align: 'right',
      sortable: true,
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
      defaultHidden: true,
      title: t('activity.col.startedWan'),
      width: 100,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, a) => (a.results.signings ? formatWan(a.results.startedFen, 2) : '—'),
    },
    {
      key: 'fundsInPlace',
      important: true,
      title: t('activity.col.fundsWan'),
      width: 104,
      align: 'right',
      sortable: true,
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

  const filters = (
    <>
      <SearchFilter
        value={v.q}
        onSearch={(q) => f.set({ q })}
        placeholder={t('activity.filter.search')}
        testId="activities-search"
      />
      <EnumFilter
        values={ACTIVITY_TYPES}
        value={v.type}
        onChange={(type) => f.set({ type })}
        text={(k) => t(`activity.type.${k}`)}
        label={t('activity.filter.type')}
        width={en ? 170 : 130}
        testId="activities-filter-type"
      />
      <RegionFilter
        value={v.region}
        onChange={(region = '') => f.set({ region })}
        placeholder={t('activity.filter.region')}
        width={150}
        testId="activities-filter-region"
      />
      <OfficialSelect
        single
        value={v.official ? [v.official] : []}
        onChange={(ids) => f.set({ official: ids[0] ?? '' })}
        placeholder={t('activity.filter.official')}
        style={{ width: 150 }}
        data-testid="activities-filter-official"
      />
      {v.view === 'list' ? (
        <DayRangeFilter
          from={v.on.from}
          to={v.on.to}
          onChange={(from, to) => f.set({ on: { from, to } })}
          placeholder={[t('activity.filter.from'), t('activity.filter.to')]}
          testId="activities-filter-dates"
        />
      ) : null}
    </>
  );

  return (
    <ListPage<ActivitySummary>
      id="activities"
      title={t('activity.listTitle')}
      actions={
        <>
          <Segmented
            value={v.view}
            onChange={(view) => f.set({ view: view === 'calendar' ? 'calendar' : 'list' })}
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
        </>
      }
      above={<ActivityFiguresStrip regionId={v.region || undefined} />}
      filters={filters}
      {...listPageBinding(f, ACTIVITY_SORTS)}
      columns={columns}
      rowKey="id"
      request={list}
      onOpen={(a) => navigate(`/activities/${a.id}`)}
      emptyText={canWrite ? t('activity.empty') : t('activity.emptyReadOnly')}
      altView={
        v.view === 'calendar' ? (
          <ActivityCalendar filters={query} month={month} onMonthChange={(m) => f.set({ month: m })} />
        ) : undefined
      }
      testIds={{ table: 'activities-table', filter: 'activities-filter' }}
    />
  );
}
