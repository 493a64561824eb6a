import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ActivityFigures, LeaderLogRow, Official } from '@yingshang/contracts';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Flex,
  Input,
  Row,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, DAY, formatPercent, formatWan, OrgPicker } from '../../../kit';
import { activityApi } from '../api';
import { ActivityTypeTag } from '../components/ActivityTypeTag';
import { OfficialFormModal } from '../components/OfficialFormModal';
import { ResultsFunnel } from '../components/ResultsFunnel';

type TripRow = ActivityFigures['mainLeaderTrips'][number];
type RankRow = ActivityFigures['ranking'][number];

/** 领导外出招商台账: main leaders' trips per unit, and each official's trips, days away, contacts and results. */
export function LeadersPage() {
  const { t, formatNumber, locale } = useI18n();
  const en = locale === 'en-US';
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const from = DAY.test(params.get('from') ?? '')
    ? (params.get('from') as string)
    : `${today.slice(0, 4)}-01-01`;
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : today;
  const region = params.get('region') ?? undefined;
  const q = params.get('q') ?? '';
  const mainOnly = params.get('main') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  const [editing, setEditing] = useState<Official | null | undefined>(undefined);

  const update = (next: Record<string, string | undefined>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (!v) p.delete(k);
      else p.set(k, v);
    }
    if (!keepPage) p.delete('page');
    setParams(p);
  };

  const figures = useRequest(() => activityApi.figures({ regionId: region, from, to }), [region, from, to]);
  const log = useRequest(
    () =>
      activityApi.leaders({
        regionId: region,
        from,
        to,
        q: q || undefined,
        mainOnly: mainOnly ? 'true' : undefined,
        page,
        pageSize: 20,
      }),
    [region, from, to, q, mainOnly, page],
  );

  const tripColumns: ColumnsType<TripRow> = [
    { title: t('activity.leaders.unit'), dataIndex: 'orgUnitName', ellipsis: true },
    {
      title: t('activity.official.level'),
      dataIndex: 'level',
      width: en ? 110 : 80,
      render: (v: TripRow['level']) => t(`activity.level.${v}`),
    },
    {
      title: t('activity.leaders.trips'),
      dataIndex: 'trips',
      width: en ? 80 : 90,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: (
        <Tooltip title={t('activity.leaders.leaderTripsHint')}>{t('activity.leaders.leaderTrips')}</Tooltip>
      ),
      dataIndex: 'leaderTrips',
      width: en ? 96 : 56,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: t('activity.leaders.daysAway'),
      dataIndex: 'daysAway',
      width: en ? 100 : 90,
      align: 'right',
      className: 'num-cell',
    },
  ];

  const rankColumns: ColumnsType<RankRow> = [
    { title: '#', width: 36, render: (_: unknown, _r, i) => i + 1 },
    { title: t('activity.col.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('activity.col.type'),
      dataIndex: 'type',
      width: en ? 150 : 96,
      render: (v: RankRow['type']) => <ActivityTypeTag type={v} />,
    },
    {
      title: t('activity.col.signedWan'),
      width: 110,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, a) => formatWan(a.results.signedFen, 2),
    },
    {
      title: t('activity.col.fundsWan'),
      width: 110,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, a) => formatWan(a.results.fundsInPlaceFen, 2),
    },
    {
      title: t('activity.funnel.landedRate'),
      width: en ? 100 : 90,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, a) => formatPercent(a.results.landedRate),
    },
  ];

  const columns: ColumnsType<LeaderLogRow> = [
    {
      title: t('activity.official.name'),
      dataIndex: 'name',
      width: 170,
      fixed: 'left',
      render: (v: string, o) => (
        <Flex vertical>
          <Flex gap={4} align="center" wrap>
            <span>{v}</span>
            {o.main ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('activity.official.mainShort')}
              </Tag>
            ) : null}
            {!o.active ? <Tag style={{ marginInlineEnd: 0 }}>{t('activity.official.inactive')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {o.post}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('activity.official.unit'), dataIndex: 'orgUnitName', width: 110, ellipsis: true },
    {
      title: t('activity.leaders.activities'),
      dataIndex: 'activities',
      width: en ? 90 : 80,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: t('activity.leaders.trips'),
      dataIndex: 'trips',
      width: en ? 80 : 90,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: t('activity.leaders.daysAway'),
      dataIndex: 'daysAway',
      width: en ? 100 : 80,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: t('activity.leaders.enterprisesMet'),
      dataIndex: 'enterprisesMet',
      width: en ? 110 : 90,
      align: 'right',
      className: 'num-cell',
    },
    {
      title: t('activity.leaders.signings'),
      width: en ? 70 : 76,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, o) => o.results.signings,
    },
    {
      title: t('activity.col.signedWan'),
      width: 116,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, o) => formatWan(o.results.signedFen, 2),
    },
    {
      title: t('activity.col.startedWan'),
      width: 110,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, o) => formatWan(o.results.startedFen, 2),
    },
    {
      title: t('activity.col.fundsWan'),
      width: 116,
      align: 'right',
      className: 'num-cell',
      render: (_: unknown, o) => (
        <Tooltip title={t('activity.col.landed', { rate: formatPercent(o.results.landedRate) })}>
          {formatWan(o.results.fundsInPlaceFen, 2)}
        </Tooltip>
      ),
    },
    ...(can('activities.write')
      ? [
          {
            title: t('common.actions'),
            width: 70,
            render: (_: unknown, o: LeaderLogRow) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing(o);
                }}
              />
            ),
          },
        ]
      : []),
  ];
  const scrollX = columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 120), 0);
  const f = figures.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            <Link to="/activities" aria-label={t('activity.backToList')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{t('activity.leaders.title')}</span>
          </Flex>
        }
        extra={
          can('activities.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="official-new"
            >
              {t('activity.official.newTitle')}
            </Button>
          ) : null
        }
      >
        <Flex gap={8} wrap className="filter-bar" data-testid="leaders-filter">
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            data-testid="leaders-dates"
          />
          <OrgPicker
            value={region}
            onChange={(id) => update({ region: id })}
            placeholder={t('activity.filter.region')}
            style={{ width: 180 }}
            popupWidth={320}
          />
          <Input.Search
            aria-label={t('activity.leaders.search')}
            allowClear
            style={{ width: 220 }}
            placeholder={t('activity.leaders.search')}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              if (!e.target.value && q) update({ q: undefined });
            }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Flex align="center">
            <Checkbox
              checked={mainOnly}
              onChange={(e) => update({ main: e.target.checked ? 'true' : undefined })}
            >
              {t('activity.leaders.mainOnly')}
            </Checkbox>
          </Flex>
        </Flex>
        <Card
          size="small"
          title={t('activity.leaders.periodTitle', { from, to })}
          style={{ marginBottom: 16 }}
        >
          {f ? (
            <Flex vertical gap={8} data-testid="leaders-period">
              <Typography.Text type="secondary">
                {t('activity.leaders.periodLine', {
                  activities: formatNumber(f.totals.activities),
                  withSignings: formatNumber(f.totals.withSignings),
                })}
              </Typography.Text>
              <ResultsFunnel results={f.totals} testId="leaders-funnel" />
            </Flex>
          ) : (
            <Skeleton active paragraph={{ rows: 2 }} />
          )}
        </Card>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={10}>
            <Card
              size="small"
              title={t('activity.leaders.tripsByUnit')}
              extra={
                f ? (
                  <Typography.Text strong data-testid="leaders-trips-total">
                    {t('activity.leaders.tripsTotal', { count: formatNumber(f.mainLeaderTripsTotal) })}
                  </Typography.Text>
                ) : null
              }
            >
              <Table<TripRow>
                data-testid="leaders-trips"
                rowKey="orgUnitId"
                size="small"
                loading={figures.loading}
                columns={tripColumns}
                dataSource={f?.mainLeaderTrips ?? []}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty description={t('activity.leaders.tripsEmpty')} /> }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('activity.leaders.rankingTitle')}>
              <Table<RankRow>
                data-testid="leaders-ranking"
                rowKey="id"
                size="small"
                loading={figures.loading}
                columns={rankColumns}
                dataSource={f?.ranking ?? []}
                pagination={false}
                onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}`) })}
                className="clickable-rows"
                locale={{ emptyText: <Empty description={t('activity.leaders.rankingEmpty')} /> }}
              />
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('activity.leaders.logTitle')}>
          <Table<LeaderLogRow>
            data-testid="leaders-table"
            className="clickable-rows"
            rowKey="id"
            size="small"
            loading={log.loading}
            columns={columns}
            dataSource={log.data?.items ?? []}
            tableLayout="fixed"
            scroll={{ x: scrollX }}
            onRow={(o) => ({
              onClick: () => navigate(`/activities?official=${encodeURIComponent(o.id)}`),
            })}
            locale={{
              emptyText: log.error ? (
                <Empty description={t('error.loadFailed', { message: log.error.message })} />
              ) : (
                <Empty description={t('activity.leaders.empty')} />
              ),
            }}
            pagination={{
              current: page,
              pageSize: 20,
              total: log.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total: formatNumber(total) }),
              onChange: (p) => update({ page: p > 1 ? String(p) : undefined }, true),
            }}
          />
        </Card>
      </Card>
      <OfficialFormModal
        open={editing !== undefined}
        official={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => void log.reload()}
      />
    </Flex>
  );
}
