import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { ActivityDetail, AuditEntry, Investor, LinkedProject, Official } from '@yingshang/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { LoadFailed, Loading } from '../../../app/layout/RecordStates';
import {
  AuditDiff,
  auditApi,
  FilesPanel,
  formatAmount,
  formatDate,
  formatDateTime,
  formatWan,
  investorCode,
  StageTag,
} from '../../../kit';
import { activityApi } from '../api';
import { ActivityTypeTag } from '../components/ActivityTypeTag';
import { ResultsFunnel } from '../components/ResultsFunnel';
import { placeOf } from '../model';

const TABS = ['projects', 'enterprises', 'officials', 'attachments', 'history'] as const;
type TabKey = (typeof TABS)[number];

function History({ activityId, version }: { activityId: string; version: number }) {
  const { t, tMaybe } = useI18n();
  const list = useRequest(
    () => auditApi.list({ entity: 'activity', entityId: activityId, page: 1, pageSize: 50 }),
    [activityId, version],
  );
  return (
    <Table<AuditEntry>
      data-testid="activity-history"
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      pagination={false}
      expandable={{
        expandedRowRender: (e) => <AuditDiff entry={e} />,
        rowExpandable: (e) => !!(e.before || e.after),
      }}
      columns={[
        {
          title: t('audit.col.at'),
          dataIndex: 'at',
          width: 170,
          render: (v: string) => formatDateTime(v, true),
        },
        {
          title: t('audit.col.actor'),
          dataIndex: 'actorName',
          width: 240,
          render: (v: string | null) => v ?? t('audit.system'),
        },
        {
          title: t('audit.col.action'),
          dataIndex: 'action',
          width: 120,
          render: (v: string) => <Tag>{tMaybe(`audit.action.${v}`, v)}</Tag>,
        },
        { title: t('audit.col.summary'), dataIndex: 'summary', ellipsis: true },
      ]}
    />
  );
}

/** 活动详情: facts, the funnel of projects it fed, enterprises met, officials, files and history. */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const req = useRequest(() => activityApi.get(id), [id]);
  const a = req.data;
  const tabParam = params.get('tab');
  const canAudit = can('audit.read');
  const tab: TabKey = TABS.find((k) => k === tabParam && (k !== 'history' || canAudit)) ?? 'projects';

  if (req.error && !a) {
    return (
      <LoadFailed
        error={req.error}
        hint={t('activity.notFoundHint')}
        backTo="/activities"
        backLabel={t('activity.backToList')}
        primary
      />
    );
  }
  if (!a) return <Loading />;
  const canWrite = can('activities.write');

  const remove = async (d: ActivityDetail) => {
    try {
      await activityApi.remove(d.id, d.version);
      message.success(t('activity.deleted', { title: d.title }));
      navigate('/activities');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') void req.reload();
    }
  };

  const header = (
    <Flex justify="space-between" align="flex-start" gap={16} wrap>
      <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="center" wrap>
          <Link to="/activities" aria-label={t('activity.backToList')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="activity-title">
            {a.title}
          </Typography.Title>
          <ActivityTypeTag type={a.type} testId="activity-type-tag" />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {a.code} · {a.organiserName} · {formatDate(a.startOn)}
          {a.endOn !== a.startOn ? ` ~ ${formatDate(a.endOn)}` : ''} ·{' '}
          {t('activity.daysCount', { days: a.days })}
        </Typography.Text>
      </Flex>
      {canWrite ? (
        <Space wrap>
          <Button
            icon={<EditOutlined />}
            onClick={() => navigate(`/activities/${a.id}/edit`)}
            data-testid="activity-edit"
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('activity.deleteConfirm')}
            description={t('activity.deleteConfirmDesc')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(a)}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="activity-delete">
              {t('activity.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Flex>
  );

  const facts = (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="activity-facts"
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'place', label: t('activity.field.place'), children: placeOf(a) },
        { key: 'organiser', label: t('activity.field.organiser'), children: a.organiserName },
        {
          key: 'officials',
          label: t('activity.field.officials'),
          span: 'filled',
          children: a.officials.length ? a.officials.map((o) => `${o.name}（${o.post}）`).join('、') : '—',
        },
        {
          key: 'participants',
          label: t('activity.field.participants'),
          span: 'filled',
          children: a.participants.length ? a.participants.join('、') : '—',
        },
        { key: 'attendance', label: t('activity.field.attendance'), children: a.attendance ?? '—' },
        { key: 'met', label: t('activity.field.enterprisesMet'), children: a.investors.length },
        {
          key: 'summary',
          label: t('activity.field.summary'),
          span: 'filled',
          children: a.summary ? <span style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</span> : '—',
        },
        {
          key: 'recorded',
          label: t('activity.field.recorded'),
          span: 'filled',
          children: `${a.createdByName ?? '—'} · ${formatDateTime(a.createdAt)}`,
        },
      ]}
    />
  );

  const projectColumns = [
    {
      title: t('activity.project.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (v: string, p: LinkedProject) => <Link to={`/projects/${p.id}`}>{v}</Link>,
    },
    { title: t('activity.project.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('activity.project.relation'),
      width: 150,
      render: (_: unknown, p: LinkedProject) => (
        <Flex gap={4} wrap>
          {p.source ? <Tag color="blue">{t('activity.project.source')}</Tag> : null}
          {p.signedAmountFen !== null ? <Tag color="green">{t('activity.project.signedHere')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('activity.project.stage'),
      dataIndex: 'status',
      width: 90,
      render: (v: LinkedProject['status']) => <StageTag status={v} />,
    },
    {
      title: t('activity.project.signedWan'),
      dataIndex: 'signedAmountFen',
      width: 120,
      align: 'right' as const,
      className: 'num-cell',
      render: (v: number | null) => (v === null ? '—' : formatWan(v, 2)),
    },
    {
      title: t('activity.project.fundsWan'),
      dataIndex: 'fundsInPlaceFen',
      width: 120,
      align: 'right' as const,
      className: 'num-cell',
      render: (v: number) => formatWan(v, 2),
    },
    {
      title: t('project.col.signedOn'),
      dataIndex: 'signedOn',
      width: 104,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('project.field.startedOn'),
      dataIndex: 'startedOn',
      width: 104,
      render: (v: string | null) => formatDate(v),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card>{header}</Card>
      <Row gutter={16}>
        <Col xs={24} xl={11}>
          <Card title={t('activity.factsTitle')} size="small" style={{ height: '100%' }}>
            {facts}
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title={t('activity.funnelTitle')} size="small" style={{ height: '100%' }}>
            <ResultsFunnel results={a.results} />
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'projects') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={[
            {
              key: 'projects',
              label: (
                <span data-testid="tab-projects">
                  {t('activity.tab.projects', { count: a.projects.length })}
                </span>
              ),
              children: (
                <Table<LinkedProject>
                  data-testid="activity-projects"
                  rowKey="id"
                  size="small"
                  pagination={false}
                  columns={projectColumns}
                  dataSource={a.projects}
                  scroll={{ x: 900 }}
                  locale={{ emptyText: <Empty description={t('activity.project.empty')} /> }}
                />
              ),
            },
            {
              key: 'enterprises',
              label: (
                <span data-testid="tab-enterprises">
                  {t('activity.tab.enterprises', { count: a.investors.length })}
                </span>
              ),
              children: (
                <Table<Investor>
                  data-testid="activity-enterprises"
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={a.investors}
                  locale={{ emptyText: <Empty description={t('activity.enterprises.empty')} /> }}
                  columns={[
                    { title: t('investor.field.name'), dataIndex: 'name', ellipsis: true },
                    {
                      title: t('activity.enterprises.code'),
                      width: 220,
                      render: (_: unknown, i) => investorCode(i) || '—',
                    },
                    {
                      title: t('project.col.origin'),
                      dataIndex: 'originGroup',
                      width: 160,
                      render: (v: Investor['originGroup']) => t(`project.origin.${v}`),
                    },
                    {
                      title: t('activity.enterprises.contact'),
                      width: 200,
                      render: (_: unknown, i) =>
                        [i.contactName, i.contactPhone].filter(Boolean).join(' ') || '—',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'officials',
              label: (
                <span data-testid="tab-officials">
                  {t('activity.tab.officials', { count: a.officials.length })}
                </span>
              ),
              children: (
                <Table<Official>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={a.officials}
                  locale={{ emptyText: <Empty description={t('activity.officials.empty')} /> }}
                  columns={[
                    { title: t('activity.official.name'), dataIndex: 'name', width: 140 },
                    { title: t('activity.official.post'), dataIndex: 'post' },
                    { title: t('activity.official.unit'), dataIndex: 'orgUnitName', width: 180 },
                    {
                      title: t('activity.official.level'),
                      dataIndex: 'level',
                      width: 110,
                      render: (v: Official['level']) => t(`activity.level.${v}`),
                    },
                    {
                      title: t('activity.official.main'),
                      dataIndex: 'main',
                      width: 110,
                      render: (v: boolean) =>
                        v ? <Tag color="red">{t('activity.official.main')}</Tag> : '—',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'attachments',
              label: <span data-testid="tab-attachments">{t('activity.tab.attachments')}</span>,
              children: (
                <FilesPanel
                  list={() => activityApi.attachments(a.id)}
                  upload={canWrite ? (file) => activityApi.upload(a.id, file) : undefined}
                  download={(fileId) => activityApi.download(a.id, fileId)}
                  remove={canWrite ? (fileId) => activityApi.removeAttachment(a.id, fileId) : undefined}
                  emptyText={t('activity.attachments.empty')}
                  uploadTestId="activity-upload"
                />
              ),
            },
            ...(canAudit
              ? [
                  {
                    key: 'history',
                    label: <span data-testid="tab-history">{t('project.tab.history')}</span>,
                    children: <History activityId={a.id} version={a.version} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('activity.amountsNote', { total: formatAmount(a.results.signedFen) })}
      </Typography.Text>
    </Flex>
  );
}
