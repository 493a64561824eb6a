import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatWan, OrgPicker } from '../../../kit';
import { incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';
import { IncStatusTag, SlaTag } from '../components/IncStatusTag';

/** 兑现统计: per region and policy, and the reviews past their deadline. */
export function FiguresPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = {
    regionId: params.get('regionId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const f = useRequest(() => incentivesApi.figures(q), [JSON.stringify(q)]);
  const set = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) v ? p.set(k, v) : p.delete(k);
      return p;
    });
  const wan = (v: number) => formatWan(v, 2);
  const d = f.data;
  return (
    <>
      <IncNav />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <OrgPicker value={q.regionId} onChange={(v) => set({ regionId: v })} style={{ width: 220 }} />
          <DatePicker.RangePicker
            aria-label={t('inc.fig.period')}
            value={d ? [dayjs(d.from), dayjs(d.to)] : undefined}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          />
        </Flex>
        {d && (
          <Row gutter={[16, 16]} data-testid="inc-figures">
            {(
              [
                ['inc.fig.applications', d.total.applications],
                ['inc.fig.approved', d.total.approved],
                ['inc.fig.paid', d.total.paid],
                ['inc.fig.approvedWan', wan(d.total.approvedFen)],
                ['inc.fig.paidWan', wan(d.total.paidFen)],
                ['inc.fig.medianDays', d.total.medianDaysToPayment ?? '—'],
                ['inc.fig.overdueReviews', d.total.overdueReviews],
              ] as const
            ).map(([k, v]) => (
              <Col key={k} xs={12} md={6} xl={3}>
                <Statistic
                  title={t(k)}
                  value={v}
                  valueStyle={
                    k === 'inc.fig.overdueReviews' && Number(v) > 0 ? { color: '#cf1322' } : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        )}
        <Table
          size="small"
          style={{ marginTop: 16 }}
          rowKey={(r) => `${r.regionId}-${r.policyId}`}
          loading={f.loading}
          dataSource={d?.rows}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('inc.fig.region'), dataIndex: 'regionName', fixed: 'left', width: 160 },
            { title: t('inc.fig.applications'), dataIndex: 'applications', align: 'right' },
            { title: t('inc.fig.approved'), dataIndex: 'approved', align: 'right' },
            { title: t('inc.fig.paid'), dataIndex: 'paid', align: 'right' },
            { title: t('inc.fig.rejected'), dataIndex: 'rejected', align: 'right' },
            { title: t('inc.fig.provisionalWan'), dataIndex: 'provisionalFen', align: 'right', render: wan },
            { title: t('inc.fig.approvedWan'), dataIndex: 'approvedFen', align: 'right', render: wan },
            { title: t('inc.fig.paidWan'), dataIndex: 'paidFen', align: 'right', render: wan },
            {
              title: t('inc.fig.medianDays'),
              dataIndex: 'medianDaysToPayment',
              align: 'right',
              render: (v) => v ?? '—',
            },
            { title: t('inc.fig.overdueReviews'), dataIndex: 'overdueReviews', align: 'right' },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('inc.fig.overdueList')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={d?.overdue}
          pagination={false}
          locale={{ emptyText: t('inc.fig.none') }}
          onRow={(r) => ({ onClick: () => navigate(`/incentives/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('inc.col.code'), dataIndex: 'code', width: 170 },
            { title: t('inc.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('inc.col.region'), dataIndex: 'regionName' },
            { title: t('inc.col.status'), dataIndex: 'status', render: (v) => <IncStatusTag status={v} /> },
            {
              title: t('inc.col.due'),
              dataIndex: 'stageDueOn',
              render: (v, r) => <SlaTag sla={r.sla} dueOn={v} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
