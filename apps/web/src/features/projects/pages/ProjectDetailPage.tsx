import {
  ArrowRightOutlined,
  EditOutlined,
  HistoryOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ProjectDetail } from '@yingshang/contracts';
import { Badge, Card, Col, Descriptions, Flex, Grid, Row, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  type DetailAction,
  DetailHeader,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPercent,
  formatWan,
  investorCode,
  Loading,
  ProjectFlags,
  RecordLoadFailed,
  ratio,
  StageTag,
} from '../../../kit';
import { projectApi } from '../api';
import { FactorNeedsTab } from '../components/FactorNeedsTab';
import { FundsTab } from '../components/FundsTab';
import { HistoryTab } from '../components/HistoryTab';
import { PromisesTab } from '../components/PromisesTab';
import { StageDialog } from '../components/StageDialog';
import { StageSteps, StageTimeline } from '../components/StageHistory';
import { TaskForceTab } from '../components/TaskForceTab';
import { allowedActions, nextStage, type StageAction } from '../model';

const TABS = ['factors', 'promises', 'funds', 'taskForce', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** 项目详情: header with the allowed actions, facts, stage steps and timeline, related records in tabs. */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState<StageAction | null>(null);
  const req = useRequest(() => projectApi.get(id), [id]);
  const p = req.data;

  const tabParam = params.get('tab');
  const canAudit = can('audit.read');
  const tab: TabKey = TABS.find((k) => k === tabParam && (k !== 'history' || canAudit)) ?? 'factors';

  if (req.error && !p) {
    return (
      <RecordLoadFailed
        error={req.error}
        hint={t('project.notFoundHint')}
        onRetry={() => void req.reload()}
        backTo="/projects"
        backLabel={t('project.backToList')}
      />
    );
  }
  if (!p) return <Loading />;

  const closed = p.status === 'terminated';
  const canWrite = can('projects.write') && !closed;
  const actions = allowedActions(p, { write: can('projects.write'), correct: can('projects.correct') });
  const next = nextStage(p.status);
  const onChanged = (np: ProjectDetail) => req.setData(np);
  const onStale = () => void req.reload();

  const stageActions: DetailAction[] = [
    ...(actions.includes('advance') && next
      ? [
          {
            key: 'advance',
            primary: true,
            icon: <ArrowRightOutlined />,
            label: t('stage.advanceTo', { stage: t(`project.status.${next}`) }),
            onClick: () => setAction('advance'),
            testId: 'project-stage-action',
          },
        ]
      : []),
    ...(actions.includes('resume')
      ? [
          {
            key: 'resume',
            primary: true,
            icon: <PlayCircleOutlined />,
            label: t('stage.action.resume'),
            onClick: () => setAction('resume'),
            testId: 'project-stage-resume',
          },
        ]
      : []),
    ...(actions.includes('pause')
      ? [
          {
            key: 'pause',
            icon: <PauseCircleOutlined />,
            label: t('stage.action.pause'),
            onClick: () => setAction('pause'),
            testId: 'project-stage-pause',
          },
        ]
      : []),
    // the stage dialog asks for the reason and confirms: no second question
    ...(actions.includes('terminate')
      ? [
          {
            key: 'terminate',
            danger: true,
            confirm: false as const,
            icon: <StopOutlined />,
            label: t('stage.action.terminate'),
            onClick: () => setAction('terminate'),
            testId: 'project-stage-terminate',
          },
        ]
      : []),
    ...(actions.includes('correct')
      ? [
          {
            key: 'correct',
            icon: <HistoryOutlined />,
            label: t('stage.action.correct'),
            onClick: () => setAction('correct'),
            testId: 'project-stage-correct',
          },
        ]
      : []),
    ...(canWrite
      ? [
          {
            key: 'edit',
            icon: <EditOutlined />,
            label: t('common.edit'),
            onClick: () => navigate(`/projects/${p.id}/edit`),
            testId: 'project-edit',
          },
        ]
      : []),
  ];

  const fundsRate = ratio(p.fundsInPlaceFen, p.totalInvestmentFen);
  const facts = (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 2 }}
      data-testid="project-facts"
      styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'location', label: t('project.field.location'), children: p.regionName },
        {
          key: 'industry',
          label: t('project.field.industry'),
          children: (
            <span>
              <Typography.Text code>{p.industryCode}</Typography.Text> {p.industryName}
            </span>
          ),
        },
        {
          key: 'total',
          label: t('project.field.totalInvestmentWan'),
          children: <span className="num-cell">{formatAmount(p.totalInvestmentFen)}</span>,
        },
        {
          key: 'foreign',
          label: t('project.field.foreignCapitalWan'),
          children: (
            <span className="num-cell">
              {p.foreignCapitalUsdCents ? formatAmount(p.foreignCapitalUsdCents) : '—'}
            </span>
          ),
        },
        {
          key: 'funds',
          label: t('project.field.fundsInPlaceWan'),
          children: (
            <span className="num-cell">
              {formatAmount(p.fundsInPlaceFen)} ({t('fund.rate')} {formatPercent(fundsRate)})
            </span>
          ),
        },
        { key: 'type', label: t('project.field.type'), children: t(`project.type.${p.projectType}`) },
        {
          key: 'investors',
          label: t('project.field.investors'),
          span: 'filled',
          children: (
            <Flex vertical gap={2}>
              {p.investors.map((i) => (
                <span key={i.id}>
                  {i.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {investorCode(i)}
                  </Typography.Text>
                </span>
              ))}
            </Flex>
          ),
        },
        { key: 'origin', label: t('project.field.origin'), children: t(`project.origin.${p.originGroup}`) },
        { key: 'leader', label: t('project.field.leader'), children: p.leaderName ?? '—' },
        { key: 'officer', label: t('project.field.serviceOfficer'), children: p.serviceOfficerName ?? '—' },
        { key: 'signedOn', label: t('project.field.signedOn'), children: formatDate(p.signedOn) },
        { key: 'startedOn', label: t('project.field.startedOn'), children: formatDate(p.startedOn) },
        { key: 'producingOn', label: t('project.field.producingOn'), children: formatDate(p.producingOn) },
        {
          key: 'sourceActivity',
          label: t('project.field.sourceActivity'),
          children: p.sourceActivity ? (
            <Link to={`/activities/${p.sourceActivity.id}`} data-testid="project-source-activity">
              {p.sourceActivity.title}
            </Link>
          ) : (
            '—'
          ),
        },
        {
          key: 'signedAtActivity',
          label: t('project.field.signedAtActivity'),
          span: 2,
          children: p.signedAtActivity ? (
            <Link to={`/activities/${p.signedAtActivity.id}`} data-testid="project-signed-activity">
              {`${p.signedAtActivity.title}（${formatWan(p.signedAtActivity.amountFen, 2)} ${t('unit.wanYuan')}）`}
            </Link>
          ) : (
            '—'
          ),
        },
        ...(closed
          ? [
              {
                key: 'terminated',
                label: t('project.field.terminated'),
                span: 'filled' as const,
                children: (
                  <Typography.Text type="danger">
                    {formatDate(p.terminatedOn)} {p.terminationReason ?? ''}
                  </Typography.Text>
                ),
              },
            ]
          : []),
        {
          key: 'tags',
          label: t('project.field.tags'),
          span: 'filled',
          children:
            p.tags.length > 0 ? (
              <Flex gap={4} wrap>
                {p.tags.map((tag) => (
                  <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                    {tag}
                  </Tag>
                ))}
              </Flex>
            ) : (
              '—'
            ),
        },
        {
          key: 'notes',
          label: t('project.field.notes'),
          span: 'filled',
          children: p.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</span> : '—',
        },
      ]}
    />
  );

  const openFactors = p.factorNeeds.filter((n) => n.status !== 'met').length;
  const pendingPromises = p.promises.filter((x) => x.status === 'pending').length;
  const count = (n: number, danger = false) =>
    n > 0 ? (
      <Badge count={n} color={danger ? '#cf1322' : '#8c8c8c'} size="small" style={{ marginInlineStart: 4 }} />
    ) : null;

  return (
    <Flex vertical gap={16}>
      <Card>
        <DetailHeader
          breadcrumb={[{ label: t('project.listTitle'), to: '/projects' }, { label: p.name }]}
          title={p.name}
          titleTestId="project-title"
          status={
            <>
              <StageTag status={p.status} testId="project-status-tag" />
              <ProjectFlags project={p} testId="project-flags" />
            </>
          }
          meta={`${p.code} · ${p.regionName} · ${t('project.updatedAt', { at: formatDateTime(p.updatedAt) })}`}
          actions={stageActions}
          backTo="/projects"
          backLabel={t('project.backToList')}
        />
        {closed ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('project.closedHint')}
          </Typography.Paragraph>
        ) : null}
        <div style={{ marginTop: 20 }}>
          <StageSteps project={p} />
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('project.factsTitle')} size="small" style={{ height: '100%' }}>
            {facts}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={t('stage.timelineTitle')}
            size="small"
            style={{ height: '100%' }}
            styles={{ body: { maxHeight: 460, overflow: 'auto', paddingTop: 16 } }}
          >
            <StageTimeline events={p.events} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          activeKey={tab}
          // five tabs with their counts: on a phone they wrap rather than hide behind a menu
          className="tabs-wrap"
          size={screens.md ? 'middle' : 'small'}
          tabBarGutter={screens.md ? undefined : 14}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'factors') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={[
            {
              key: 'factors',
              label: (
                <span data-testid="tab-factors">
                  {t('project.tab.factors')}
                  {count(
                    openFactors,
                    p.factorNeeds.some((n) => n.blocking),
                  )}
                </span>
              ),
              children: (
                <FactorNeedsTab project={p} canWrite={canWrite} onChanged={onChanged} onStale={onStale} />
              ),
            },
            {
              key: 'promises',
              label: (
                <span data-testid="tab-promises">
                  {t('project.tab.promises')}
                  {count(
                    pendingPromises,
                    p.promises.some((x) => x.overdue && x.status === 'pending'),
                  )}
                </span>
              ),
              children: (
                <PromisesTab project={p} canWrite={canWrite} onChanged={onChanged} onStale={onStale} />
              ),
            },
            {
              key: 'funds',
              label: <span data-testid="tab-funds">{t('project.tab.funds')}</span>,
              children: <FundsTab project={p} canWrite={canWrite} onChanged={onChanged} onStale={onStale} />,
            },
            {
              key: 'taskForce',
              label: (
                <span data-testid="tab-taskForce">
                  {t('project.tab.taskForce')}
                  {count(p.taskForce.length)}
                </span>
              ),
              children: (
                <TaskForceTab project={p} canWrite={canWrite} onChanged={onChanged} onStale={onStale} />
              ),
            },
            ...(canAudit
              ? [
                  {
                    key: 'history',
                    label: <span data-testid="tab-history">{t('project.tab.history')}</span>,
                    children: <HistoryTab projectId={p.id} version={p.version} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <StageDialog
        project={p}
        action={action}
        onClose={() => setAction(null)}
        onDone={onChanged}
        onStale={onStale}
      />
    </Flex>
  );
}
