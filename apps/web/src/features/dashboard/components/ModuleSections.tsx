import type { Dashboard } from '@yingshang/contracts';
import { Card, Col, Flex, Row, Statistic, Table, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatPercent } from '../../../kit';
import { yoy } from '../bulletin';

type Sections = Pick<Dashboard, 'activities' | 'appeals' | 'incentives' | 'rectification'>;

/**
 * The modules' sections of the dashboard, from the same roll-ups and months as the pipeline; a
 * section is absent when the user may not read its module.
 */
export function ModuleSections({
  d,
  bigMoney,
  days,
}: {
  d: Sections & { pipeline: Pick<Dashboard['pipeline'], 'now'>; region: { id: string } };
  bigMoney: (fen: number) => string;
  /** The period as days, for links to the lists behind a figure. */
  days: { from: string; to: string };
}) {
  const sections = [
    d.activities ? (
      <ActivitiesSection
        key="a"
        f={d.activities}
        bigMoney={bigMoney}
        to={`/activities/leaders?${new URLSearchParams({ region: d.region.id, ...days, main: 'true' })}`}
      />
    ) : null,
    d.incentives ? (
      <IncentivesSection
        key="d"
        f={d.incentives}
        promisesOverdue={d.pipeline.now.promisesOverdue}
        bigMoney={bigMoney}
        regionId={d.region.id}
        days={days}
      />
    ) : null,
    d.appeals ? <AppealsSection key="b" f={d.appeals} regionId={d.region.id} days={days} /> : null,
    d.rectification ? (
      <RectificationSection key="c" f={d.rectification} bigMoney={bigMoney} regionId={d.region.id} />
    ) : null,
  ].filter(Boolean);
  if (sections.length === 0) return null;
  return (
    <Row gutter={[12, 12]}>
      {sections.map((s) => (
        <Col key={(s as { key: string }).key} xs={24} xl={sections.length > 1 ? 12 : 24}>
          {s}
        </Col>
      ))}
    </Row>
  );
}

function Section({
  title,
  to,
  children,
  extra,
  testId,
}: {
  title: string;
  to: string;
  children: ReactNode;
  /** A small table under the figures. */
  extra?: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={to}>{t('dash.section.more')}</Link>}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      <Flex wrap gap={24}>
        {children}
      </Flex>
      {extra ? <div style={{ marginTop: 12 }}>{extra}</div> : null}
    </Card>
  );
}

/** A figure with, when last year's is given, the change against it (colour plus words). */
function Figure({
  title,
  value,
  current,
  lastYear,
  danger,
  testId,
  to,
}: {
  title: string;
  value: string;
  current?: number;
  lastYear?: number;
  /** Shown in red when non-zero (overdue counts). */
  danger?: boolean;
  testId?: string;
  /** The list of the records behind the figure. */
  to?: string;
}) {
  const { t } = useI18n();
  const change = current !== undefined && lastYear !== undefined ? yoy(current, lastYear) : undefined;
  return (
    <div data-testid={testId}>
      <Statistic
        title={title}
        value={value}
        formatter={to ? (v) => <Link to={to}>{v}</Link> : undefined}
        styles={{ content: danger ? { color: '#cf1322' } : undefined }}
      />
      {change === undefined ? null : change === null ? (
        <Typography.Text type="secondary" className="kpi-foot">
          {t('dash.yoy.none')}
        </Typography.Text>
      ) : (
        <Typography.Text type={change >= 0 ? 'success' : 'danger'} className="kpi-foot">
          {t(change >= 0 ? 'dash.yoy.up' : 'dash.yoy.down', {
            pct: (Math.round(Math.abs(change) * 1000) / 10).toFixed(1),
          })}
        </Typography.Text>
      )}
    </div>
  );
}

function ActivitiesSection({
  f,
  bigMoney,
  to,
}: {
  f: NonNullable<Dashboard['activities']>;
  bigMoney: (fen: number) => string;
  /** The main leaders' trips of the region and period. */
  to: string;
}) {
  const { t, formatNumber } = useI18n();
  const c = f.current;
  const ly = f.lastYear;
  return (
    <Section title={t('dash.section.activities')} to={to} testId="dash-activities">
      <Figure
        title={t('dash.activities.trips')}
        value={formatNumber(c.mainLeaderTrips)}
        current={c.mainLeaderTrips}
        lastYear={ly.mainLeaderTrips}
        testId="dash-activities-trips"
      />
      <Figure
        title={t('dash.activities.count')}
        value={formatNumber(c.activities)}
        current={c.activities}
        lastYear={ly.activities}
      />
      <Figure
        title={t('dash.activities.signings')}
        value={formatNumber(c.signings)}
        current={c.signings}
        lastYear={ly.signings}
      />
      <Figure
        title={t('dash.activities.signedValue', { unit: t('dash.unit.yi') })}
        value={bigMoney(c.signedFen)}
        current={c.signedFen}
        lastYear={ly.signedFen}
      />
      <Figure title={t('dash.activities.landed')} value={formatPercent(c.landedRate)} />
    </Section>
  );
}

function IncentivesSection({
  f,
  promisesOverdue,
  bigMoney,
  regionId,
  days,
}: {
  f: NonNullable<Dashboard['incentives']>;
  promisesOverdue: number;
  bigMoney: (fen: number) => string;
  regionId: string;
  days: { from: string; to: string };
}) {
  const { t, formatNumber } = useI18n();
  const c = f.current;
  const ly = f.lastYear;
  return (
    <Section
      title={t('dash.section.incentives')}
      to={`/incentives/figures?${new URLSearchParams({ regionId, ...days })}`}
      testId="dash-incentives"
    >
      <Figure
        title={t('dash.incentives.applications')}
        value={formatNumber(c.applications)}
        current={c.applications}
        lastYear={ly.applications}
        to={`/incentives?${new URLSearchParams({ region: regionId, ...days })}`}
        testId="dash-incentives-applications"
      />
      <Figure
        title={t('dash.incentives.approved', { unit: t('dash.unit.yi') })}
        value={bigMoney(c.approvedFen)}
        current={c.approvedFen}
        lastYear={ly.approvedFen}
      />
      <Figure
        title={t('dash.incentives.paid', { unit: t('dash.unit.yi') })}
        value={bigMoney(c.paidFen)}
        current={c.paidFen}
        lastYear={ly.paidFen}
      />
      <Figure
        title={t('dash.incentives.overdue')}
        value={formatNumber(f.overdueReviews)}
        danger={f.overdueReviews > 0}
      />
      <Figure
        title={t('dash.incentives.overdueRewards')}
        value={formatNumber(f.overdueRewards)}
        danger={f.overdueRewards > 0}
      />
      <Figure
        title={t('dash.incentives.promisesOverdue')}
        value={formatNumber(promisesOverdue)}
        danger={promisesOverdue > 0}
        testId="dash-promises-overdue"
      />
    </Section>
  );
}

function AppealsSection({
  f,
  regionId,
  days,
}: {
  f: NonNullable<Dashboard['appeals']>;
  regionId: string;
  days: { from: string; to: string };
}) {
  const { t, formatNumber } = useI18n();
  const c = f.current;
  const ly = f.lastYear;
  type Dept = (typeof f.departments)[number];
  const appeals = (q: Record<string, string>) =>
    `/appeals?${new URLSearchParams({ region: regionId, ...q })}`;
  return (
    <Section
      title={t('dash.section.appeals')}
      to={`/appeals/figures?${new URLSearchParams({ region: regionId, ...days })}`}
      testId="dash-appeals"
      extra={
        f.departments.length > 0 ? (
          <Table<Dept>
            size="small"
            rowKey="departmentId"
            pagination={false}
            tableLayout="fixed"
            dataSource={f.departments.slice(0, 5)}
            title={() => t('dash.appeals.departments')}
            columns={[
              { title: t('dash.appeals.department'), dataIndex: 'departmentName', ellipsis: true },
              {
                title: t('dash.appeals.assigned'),
                dataIndex: 'assigned',
                width: 68,
                align: 'right',
                render: (v: number) => formatNumber(v),
              },
              {
                title: t('dash.appeals.colOnTime'),
                dataIndex: 'onTimeRate',
                width: 92,
                align: 'right',
                render: (v: number | null) => formatPercent(v),
              },
              {
                title: t('dash.appeals.colSatisfied'),
                dataIndex: 'satisfactionRate',
                width: 84,
                align: 'right',
                render: (v: number | null) => formatPercent(v),
              },
              {
                title: t('dash.appeals.overdueShort'),
                dataIndex: 'overdueNow',
                width: 68,
                align: 'right',
                render: (v: number) => (
                  <Typography.Text type={v > 0 ? 'danger' : undefined}>{formatNumber(v)}</Typography.Text>
                ),
              },
            ]}
          />
        ) : null
      }
    >
      <Figure
        title={t('dash.appeals.received')}
        value={formatNumber(c.received)}
        current={c.received}
        lastYear={ly.received}
        to={appeals(days)}
        testId="dash-appeals-received"
      />
      <Figure title={t('dash.appeals.onTime')} value={formatPercent(c.onTimeRate)} />
      <Figure title={t('dash.appeals.satisfaction')} value={formatPercent(c.satisfactionRate)} />
      <Figure
        title={t('dash.appeals.overdue')}
        value={formatNumber(f.overdueNow)}
        danger={f.overdueNow > 0}
        testId="dash-appeals-overdue"
        to={appeals({ open: 'true', sla: 'overdue' })}
      />
    </Section>
  );
}

function RectificationSection({
  f,
  bigMoney,
  regionId,
}: {
  f: NonNullable<Dashboard['rectification']>;
  bigMoney: (fen: number) => string;
  regionId: string;
}) {
  const { t, formatNumber } = useI18n();
  type Problem = (typeof f.byProblem)[number];
  type Unit = (typeof f.byUnit)[number];
  const count = (v: number) => formatNumber(v);
  // the campaign's task list narrowed to the region counts what the section counts
  const tasks = (q: Record<string, string> = {}) =>
    `/rectification/tasks?${new URLSearchParams({ campaign: f.campaign?.id ?? '', regionId, ...q })}`;
  // both tables (by problem, by lead unit) show the tasks and their completion alike
  const completion = [
    { title: t('dash.rect.tasks'), dataIndex: 'total', width: 96, align: 'right', render: count },
    {
      title: t('dash.rect.completion'),
      dataIndex: 'completionRate',
      width: 80,
      align: 'right',
      render: (v: number | null) => formatPercent(v),
    },
  ] as const;
  return (
    <Section
      title={
        f.campaign
          ? t('dash.section.rectificationOf', { title: f.campaign.title })
          : t('dash.section.rectification')
      }
      to={f.campaign ? `/rectification?campaign=${f.campaign.id}` : '/rectification'}
      testId="dash-rectification"
      extra={
        f.byProblem.length > 0 ? (
          <Tabs
            size="small"
            items={[
              {
                key: 'problems',
                label: t('dash.rect.byProblem'),
                children: (
                  <Table<Problem>
                    size="small"
                    rowKey="problemId"
                    pagination={false}
                    tableLayout="fixed"
                    dataSource={f.byProblem}
                    scroll={{ y: 200 }}
                    columns={[
                      { title: '#', dataIndex: 'seq', width: 44 },
                      {
                        title: t('dash.rect.problem'),
                        dataIndex: 'name',
                        ellipsis: true,
                        render: (v: string, p: Problem) => (
                          <Link to={tasks({ problemId: p.problemId })}>{v}</Link>
                        ),
                      },
                      ...completion,
                    ]}
                  />
                ),
              },
              {
                key: 'units',
                label: t('dash.rect.byUnit'),
                children: (
                  <Table<Unit>
                    size="small"
                    rowKey="orgId"
                    pagination={false}
                    tableLayout="fixed"
                    dataSource={f.byUnit}
                    scroll={{ y: 200 }}
                    data-testid="dash-rect-units"
                    columns={[
                      { title: t('dash.rect.rank'), dataIndex: 'rank', width: 56 },
                      { title: t('dash.rect.unit'), dataIndex: 'name', ellipsis: true },
                      ...completion,
                      {
                        title: t('dash.appeals.overdueShort'),
                        dataIndex: 'overdue',
                        width: 64,
                        align: 'right',
                        render: (v: number) => (
                          <Typography.Text type={v > 0 ? 'danger' : undefined}>{count(v)}</Typography.Text>
                        ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        ) : null
      }
    >
      {f.campaign ? (
        <>
          <Figure title={t('dash.rect.tasks')} value={formatNumber(f.totals.total)} to={tasks()} />
          <Figure title={t('dash.rect.completion')} value={formatPercent(f.totals.completionRate)} />
          <Figure
            title={t('dash.rect.overdue')}
            value={formatNumber(f.totals.overdue)}
            danger={f.totals.overdue > 0}
            testId="dash-rect-overdue"
            to={tasks({ timing: 'overdue' })}
          />
        </>
      ) : null}
      <Figure
        title={t('dash.rect.arrears', { unit: t('dash.unit.yi') })}
        value={bigMoney(f.arrears.outstandingFen)}
      />
    </Section>
  );
}
