import type { CampaignFigures } from '@yingshang/contracts';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../kit';
import { percent, rectificationApi } from '../api';
import { BurnDownChart } from '../components/BurnDownChart';
import { CampaignFormModal } from '../components/CampaignFormModal';
import { RectNav } from '../components/RectNav';
import { useCampaign } from '../hooks';

type ProblemRow = CampaignFigures['byProblem'][number];

/** The campaign dashboard: completion by problem, unit and zone; overdue tasks; burn-down to the deadline. */
export function RectificationDashboardPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const { campaigns, campaign, loading, choose, reload } = useCampaign();
  const figures = useRequest(() => (campaign ? rectificationApi.figures(campaign.id) : null), [campaign?.id]);
  const f = figures.data;

  const rateCols = [
    { title: t('rect.fig.total'), dataIndex: 'total', width: 72, align: 'right' as const },
    { title: t('rect.fig.closed'), dataIndex: 'closed', width: 72, align: 'right' as const },
    {
      title: t('rect.fig.completion'),
      dataIndex: 'completionRate',
      width: 140,
      render: (v: number | null) =>
        v === null ? (
          '—'
        ) : (
          <Progress percent={Math.round(v * 1000) / 10} size="small" aria-label={t('rect.fig.completion')} />
        ),
    },
    {
      title: t('rect.fig.onTime'),
      dataIndex: 'onTimeRate',
      width: 100,
      align: 'right' as const,
      render: percent,
    },
    {
      title: t('rect.fig.overdue'),
      dataIndex: 'overdue',
      width: 90,
      align: 'right' as const,
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
    },
  ];

  if (loading && !campaigns) return <Spin />;
  return (
    <>
      <RectNav />
      {can('rectification.manage') && (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <Button onClick={() => setCreating(true)} data-testid="rect-campaign-new">
            {t('rect.campaign.new')}
          </Button>
        </Flex>
      )}
      <CampaignFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (c) => {
          setCreating(false);
          await reload();
          choose(c.id);
        }}
      />
      {!campaign ? (
        <Empty description={t('rect.campaign.none')} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{t('rect.campaign')}</Typography.Text>
              <Select
                aria-label={t('rect.campaign')}
                style={{ minWidth: 0, width: 360, maxWidth: '100%' }}
                value={campaign.id}
                onChange={choose}
                options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.title }))}
                data-testid="rect-campaign"
              />
            </Flex>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('rect.campaign.issuer')}>{campaign.issuingBody}</Descriptions.Item>
              <Descriptions.Item label={t('rect.campaign.docNumber')}>
                {campaign.docNumber ?? t('rect.campaign.docNumberNone')}
              </Descriptions.Item>
              <Descriptions.Item label={t('rect.campaign.period')}>
                {formatDate(campaign.startOn)} ~ {formatDate(campaign.deadlineOn)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {!f ? (
            <Spin />
          ) : (
            <>
              <Row gutter={[16, 16]} data-testid="rect-totals">
                {[
                  [t('rect.fig.total'), f.totals.total],
                  [t('rect.fig.closed'), f.totals.closed],
                  [t('rect.fig.completion'), percent(f.totals.completionRate)],
                  [t('rect.fig.onTime'), percent(f.totals.onTimeRate)],
                  [t('rect.fig.overdue'), f.totals.overdue],
                  [t('rect.fig.daysOverdue'), f.totals.daysOverdue],
                ].map(([label, value]) => (
                  <Col key={String(label)} xs={12} md={4}>
                    <Card size="small">
                      <Statistic title={label} value={value} />
                    </Card>
                  </Col>
                ))}
              </Row>
              {f.totals.total === 0 && <Empty description={t('rect.fig.noTasks')} />}
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Card size="small" title={t('rect.fig.byProblem')}>
                    <Table<ProblemRow>
                      size="small"
                      rowKey="problemId"
                      pagination={false}
                      dataSource={f.byProblem}
                      columns={[
                        {
                          title: t('rect.col.problem'),
                          dataIndex: 'name',
                          minWidth: 180,
                          render: (v: string, r) => (
                            <Link
                              to={`/rectification/tasks?campaign=${campaign.id}&problemId=${r.problemId}`}
                            >
                              {r.seq}. {v}
                            </Link>
                          ),
                        },
                        ...rateCols,
                      ]}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={10}>
                  <Card size="small" title={t('rect.fig.burnDown')}>
                    <BurnDownChart points={f.burnDown} />
                  </Card>
                </Col>
                <Col xs={24} xxl={12}>
                  <Card size="small" title={t('rect.fig.byUnit')}>
                    <Table
                      size="small"
                      rowKey="orgId"
                      pagination={false}
                      dataSource={f.byUnit}
                      columns={[
                        { title: t('rect.fig.rank'), dataIndex: 'rank', width: 60 },
                        { title: t('rect.col.lead'), dataIndex: 'name', minWidth: 200 },
                        ...rateCols,
                      ]}
                    />
                  </Card>
                </Col>
                <Col xs={24} xxl={12}>
                  <Card size="small" title={t('rect.fig.byZone')}>
                    <Table
                      size="small"
                      rowKey="orgId"
                      pagination={false}
                      dataSource={f.byZone}
                      columns={[
                        { title: t('rect.col.zones'), dataIndex: 'name', minWidth: 200 },
                        ...rateCols,
                      ]}
                    />
                  </Card>
                </Col>
                <Col span={24}>
                  <Card size="small" title={t('rect.fig.overdueList')}>
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={f.overdueTasks}
                      columns={[
                        {
                          title: t('rect.col.code'),
                          dataIndex: 'code',
                          width: 200,
                          render: (v: string, r) => <Link to={`/rectification/tasks/${r.id}`}>{v}</Link>,
                        },
                        { title: t('rect.col.issue'), dataIndex: 'issue', ellipsis: true },
                        { title: t('rect.col.lead'), dataIndex: 'leadOrgName', width: 200 },
                        { title: t('rect.col.deadline'), dataIndex: 'deadlineOn', width: 110 },
                        {
                          title: t('rect.col.timing'),
                          dataIndex: 'daysOverdue',
                          width: 120,
                          render: (d: number) => (
                            <Tag color="red">{t('rect.timing.overdue', { days: d })}</Tag>
                          ),
                        },
                      ]}
                    />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </Flex>
      )}
    </>
  );
}
