import type { ActivityFigures, AppealFigures, ArrearFigures, CampaignFigures } from '@yingshang/contracts';
import { Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type RequestState, useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { appealApi } from '../../appeals/api';
import { incentivesApi } from '../../incentives/api';
import { formatPercent } from '../../projects/money';
import { rectificationApi } from '../../rectification/api';

/** The modules' own figures for the dashboard's region and months, each where the user may read it. */
export function ModuleSections({
  regionId,
  from,
  to,
  activities,
  bigMoney,
}: {
  regionId: string;
  /** Days: the first of the first month, and the end of the last (today at the latest). */
  from: string;
  to: string;
  /** The activities' figures (loaded by the page, which also writes them into the bulletin). */
  activities: RequestState<ActivityFigures> | null;
  bigMoney: (fen: number) => string;
}) {
  const { can } = useAuth();
  const sections = [
    activities ? <ActivitiesSection key="a" req={activities} bigMoney={bigMoney} /> : null,
    can('incentives.read') ? (
      <IncentivesSection key="d" regionId={regionId} from={from} to={to} bigMoney={bigMoney} />
    ) : null,
    can('appeals.read') ? <AppealsSection key="b" regionId={regionId} from={from} to={to} /> : null,
    can('rectification.read') ? (
      <RectificationSection key="c" regionId={regionId} bigMoney={bigMoney} />
    ) : null,
  ].filter(Boolean);
  if (sections.length === 0) return null;
  return (
    <Row gutter={[12, 12]}>
      {sections.map((s) => (
        <Col
          key={(s as { key: string }).key}
          xs={24}
          lg={12}
          xl={sections.length > 2 ? 12 : 24 / sections.length}
        >
          {s}
        </Col>
      ))}
    </Row>
  );
}

function Section({
  title,
  to,
  loading,
  error,
  children,
  testId,
}: {
  title: string;
  to: string;
  loading: boolean;
  error: string | null;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={to}>{t('dash.section.more')}</Link>}
      data-testid={testId}
    >
      {error ? (
        <Typography.Text type="secondary">{error}</Typography.Text>
      ) : loading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <Flex wrap gap={24}>
          {children}
        </Flex>
      )}
    </Card>
  );
}

function ActivitiesSection({
  req,
  bigMoney,
}: {
  req: RequestState<ActivityFigures>;
  bigMoney: (fen: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const f = req.data;
  return (
    <Section
      title={t('dash.section.activities')}
      to="/activities/leaders"
      loading={!f}
      error={req.error?.message ?? null}
      testId="dash-activities"
    >
      {f ? (
        <>
          <Statistic title={t('dash.activities.trips')} value={formatNumber(f.mainLeaderTripsTotal)} />
          <Statistic title={t('dash.activities.count')} value={formatNumber(f.totals.activities)} />
          <Statistic title={t('dash.activities.signings')} value={formatNumber(f.totals.signings)} />
          <Statistic
            title={t('dash.activities.signedValue', { unit: t('dash.unit.yi') })}
            value={bigMoney(f.totals.signedFen)}
          />
          <Statistic title={t('dash.activities.landed')} value={formatPercent(f.totals.landedRate)} />
        </>
      ) : null}
    </Section>
  );
}

function IncentivesSection({
  regionId,
  from,
  to,
  bigMoney,
}: {
  regionId: string;
  from: string;
  to: string;
  bigMoney: (fen: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const req = useRequest(() => incentivesApi.figures({ regionId, from, to }), [regionId, from, to]);
  const f = req.data?.total;
  return (
    <Section
      title={t('dash.section.incentives')}
      to="/incentives/figures"
      loading={!f}
      error={req.error?.message ?? null}
      testId="dash-incentives"
    >
      {f ? (
        <>
          <Statistic title={t('dash.incentives.applications')} value={formatNumber(f.applications)} />
          <Statistic
            title={t('dash.incentives.approved', { unit: t('dash.unit.yi') })}
            value={bigMoney(f.approvedFen)}
          />
          <Statistic
            title={t('dash.incentives.paid', { unit: t('dash.unit.yi') })}
            value={bigMoney(f.paidFen)}
          />
          <Statistic
            title={t('dash.incentives.overdue')}
            value={formatNumber(f.overdueReviews)}
            styles={{ content: f.overdueReviews > 0 ? { color: '#cf1322' } : undefined }}
          />
        </>
      ) : null}
    </Section>
  );
}

function AppealsSection({ regionId, from, to }: { regionId: string; from: string; to: string }) {
  const { t, formatNumber } = useI18n();
  const req = useRequest(() => appealApi.figures({ regionId, from, to }), [regionId, from, to]);
  const f: AppealFigures | undefined = req.data;
  return (
    <Section
      title={t('dash.section.appeals')}
      to="/appeals/figures"
      loading={!f}
      error={req.error?.message ?? null}
      testId="dash-appeals"
    >
      {f ? (
        <>
          <Statistic title={t('dash.appeals.received')} value={formatNumber(f.received)} />
          <Statistic title={t('dash.appeals.onTime')} value={formatPercent(f.onTimeRate)} />
          <Statistic title={t('dash.appeals.satisfaction')} value={formatPercent(f.satisfactionRate)} />
          <Statistic
            title={t('dash.appeals.overdue')}
            value={formatNumber(f.overdueNow)}
            styles={{ content: f.overdueNow > 0 ? { color: '#cf1322' } : undefined }}
          />
        </>
      ) : null}
    </Section>
  );
}

/** The latest campaign seen from the region, and the arrears ledger of the region. */
function RectificationSection({
  regionId,
  bigMoney,
}: {
  regionId: string;
  bigMoney: (fen: number) => string;
}) {
  const { t, formatNumber } = useI18n();
  const campaigns = useRequest(() => rectificationApi.campaigns(), []);
  const latest = campaigns.data?.slice().sort((a, b) => b.deadlineOn.localeCompare(a.deadlineOn))[0];
  const figures = useRequest(
    () => (latest ? rectificationApi.figures(latest.id, regionId) : null),
    [latest?.id, regionId],
  );
  const arrears = useRequest(() => rectificationApi.arrearFigures(regionId), [regionId]);
  const f: CampaignFigures | undefined = figures.data;
  const a: ArrearFigures | undefined = arrears.data;
  const loading = !campaigns.data || (!!latest && !f) || !a;
  return (
    <Section
      title={
        latest ? t('dash.section.rectificationOf', { title: latest.title }) : t('dash.section.rectification')
      }
      to="/rectification"
      loading={loading}
      error={(campaigns.error ?? figures.error ?? arrears.error)?.message ?? null}
      testId="dash-rectification"
    >
      {f ? (
        <>
          <Statistic title={t('dash.rect.tasks')} value={formatNumber(f.totals.total)} />
          <Statistic title={t('dash.rect.completion')} value={formatPercent(f.totals.completionRate)} />
          <Statistic
            title={t('dash.rect.overdue')}
            value={formatNumber(f.totals.overdue)}
            styles={{ content: f.totals.overdue > 0 ? { color: '#cf1322' } : undefined }}
          />
        </>
      ) : null}
      {a ? (
        <Statistic
          title={t('dash.rect.arrears', { unit: t('dash.unit.yi') })}
          value={bigMoney(a.totals.outstandingFen)}
        />
      ) : null}
    </Section>
  );
}
