import type { TaskDetail } from '@yingshang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { API_BASE } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime } from '../../../kit';
import { rectificationApi } from '../api';
import { RectNav } from '../components/RectNav';
import { type Step, StepModal } from '../components/StepModal';
import { TaskEditModal } from '../components/TaskEditModal';
import { TaskTags } from '../components/TaskTags';

interface Entry {
  at: string;
  color: string;
  title: string;
  text: string | null;
  who: string;
}

/** All that happened to a task, oldest first: events, reports and verifications. */
function timeline(task: TaskDetail, t: ReturnType<typeof useI18n>['t']): Entry[] {
  const result = (r: string) => t(r === 'passed' ? 'rect.form.passed' : 'rect.form.failed');
  return [
    ...task.events.map((e) => ({
      at: e.createdAt,
      color: e.action === 'return' ? 'red' : e.action === 'close' ? 'green' : 'blue',
      title: t(`rect.timeline.${e.action}`),
      text: e.note,
      who: e.actorName,
    })),
    ...task.reports.map((r) => ({
      at: r.createdAt,
      color: 'blue',
      title:
        r.kind === 'progress'
          ? t('rect.timeline.progress', { org: r.orgName, percent: r.percent ?? 0 })
          : t('rect.timeline.contribution', { org: r.orgName }),
      text: [r.narrative, r.reason, ...r.evidence.map((f) => `📎 ${f.fileName}`)].filter(Boolean).join('\n'),
      who: r.actorName,
    })),
    ...task.verifications.map((v) => ({
      at: v.createdAt,
      color: v.result === 'passed' ? 'green' : 'red',
      title: t(`rect.timeline.${v.kind}`, { result: result(v.result) }),
      text: v.findings,
      who: v.actorName,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/** A task: facts, the actions this user may take, and the report and verification timeline. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const req = useRequest(() => rectificationApi.task(id), [id]);
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState(false);
  const task = req.data;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} />;
  if (!task) return <Spin />;
  const open = task.status !== 'closed';
  const actions: [Step, string, boolean, 'primary' | 'default'][] = [
    [
      'progress',
      t('rect.action.report'),
      open && task.yourRole === 'lead' && can('rectification.report'),
      'primary',
    ],
    [
      'contributions',
      t('rect.action.contribute'),
      open && task.yourRole === 'coop' && can('rectification.report'),
      'default',
    ],
    [
      'self-inspections',
      t('rect.action.selfInspect'),
      task.status === 'open' && task.yourRole === 'lead' && can('rectification.report'),
      'default',
    ],
    ['field-surveys', t('rect.action.fieldSurvey'), open && can('rectification.verify'), 'default'],
    ['close', t('rect.action.close'), task.status === 'verified' && can('rectification.verify'), 'primary'],
    ['reopen', t('rect.action.reopen'), !open && can('rectification.verify'), 'default'],
  ];
  const files = [...new Map(task.reports.flatMap((r) => r.evidence).map((f) => [f.id, f])).values()];

  return (
    <>
      <RectNav />
      <Card size="small">
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text type="secondary">{task.code}</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="task-title">
              {task.issue}
            </Typography.Title>
            <Space wrap data-testid="task-status">
              <TaskTags task={task} />
              {task.yourRole && (
                <Tag color="geekblue">
                  {t(task.yourRole === 'lead' ? 'rect.detail.yourRoleLead' : 'rect.detail.yourRoleCoop')}
                </Tag>
              )}
            </Space>
          </div>
          <Space wrap>
            {open && can('rectification.manage') && (
              <Button onClick={() => setEditing(true)} data-testid="task-edit">
                {t('rect.action.edit')}
              </Button>
            )}
            {actions
              .filter(([, , shown]) => shown)
              .map(([key, label, , type]) => (
                <Button key={key} type={type} onClick={() => setStep(key)} data-testid={`task-action-${key}`}>
                  {label}
                </Button>
              ))}
          </Space>
        </Flex>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('rect.campaign')}>
            <Link to={`/rectification?campaign=${task.campaignId}`}>{task.campaignTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.problem')}>
            {task.problemSeq}. {task.problemName}
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.source')}>
            {t(`rect.source.${task.source}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.lead')}>{task.lead.name}</Descriptions.Item>
          <Descriptions.Item label={t('rect.col.coops')}>
            {task.coops.map((c) => c.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.zones')}>
            {task.zones.map((z) => z.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.deadline')}>{formatDate(task.deadlineOn)}</Descriptions.Item>
          <Descriptions.Item label={t('rect.col.progress')}>
            <Progress
              percent={task.progress}
              aria-label={t('rect.col.progress')}
              format={(p) => `${p}%`}
              size="small"
              style={{ width: 180 }}
              data-testid="task-progress"
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.lastReport')}>
            {formatDate(task.lastReportOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('rect.col.measures')} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {task.measures}
            </Typography.Paragraph>
          </Descriptions.Item>
          {task.milestones.length > 0 && (
            <Descriptions.Item label={t('rect.col.milestones')} span={3}>
              {task.milestones.map((m) => `${formatDate(m.dueOn)} ${m.title}`).join('；')}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Tabs
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'timeline',
              label: t('rect.detail.timeline'),
              children: (
                <Timeline
                  data-testid="task-timeline"
                  items={timeline(task, t).map((e) => ({
                    color: e.color,
                    content: (
                      <div>
                        <Typography.Text strong>{e.title}</Typography.Text>
                        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                          {formatDateTime(e.at)} · {e.who}
                        </Typography.Text>
                        {e.text && (
                          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                            {e.text}
                          </Typography.Paragraph>
                        )}
                      </div>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'reports',
              label: `${t('rect.detail.reports')} (${task.reports.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={task.reports}
                  columns={[
                    { title: t('rect.col.lastReport'), dataIndex: 'reportedOn', width: 110 },
                    { title: t('rect.col.lead'), dataIndex: 'orgName', width: 180 },
                    {
                      title: t('rect.col.progress'),
                      dataIndex: 'percent',
                      width: 80,
                      render: (v: number | null) => (v === null ? '—' : `${v}%`),
                    },
                    { title: t('rect.form.narrative'), dataIndex: 'narrative' },
                    {
                      title: t('rect.form.reason'),
                      dataIndex: 'reason',
                      width: 160,
                      render: (v: string | null) => v ?? '—',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'verifications',
              label: `${t('rect.detail.verifications')} (${task.verifications.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={task.verifications}
                  columns={[
                    { title: t('rect.col.lastReport'), dataIndex: 'verifiedOn', width: 110 },
                    {
                      title: t('rect.form.result'),
                      dataIndex: 'result',
                      width: 120,
                      render: (v: string, r) => (
                        <Tag color={v === 'passed' ? 'green' : 'red'}>
                          {t(`rect.timeline.${r.kind}`, {
                            result: t(v === 'passed' ? 'rect.form.passed' : 'rect.form.failed'),
                          })}
                        </Tag>
                      ),
                    },
                    { title: t('rect.form.findingsVerify'), dataIndex: 'findings' },
                    { title: t('rect.col.lead'), dataIndex: 'actorName', width: 200 },
                  ]}
                />
              ),
            },
            {
              key: 'files',
              label: `${t('rect.detail.files')} (${files.length})`,
              children:
                files.length === 0 ? (
                  <Empty />
                ) : (
                  <List
                    size="small"
                    dataSource={files}
                    renderItem={(f) => (
                      <List.Item>
                        <a href={`${API_BASE}/rectification/tasks/${task.id}/attachments/${f.id}`}>
                          {f.fileName}
                        </a>
                      </List.Item>
                    )}
                  />
                ),
            },
          ]}
        />
      </Card>
      <TaskEditModal
        task={task}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          req.setData(next);
        }}
        onReloaded={req.setData}
      />
      <StepModal
        task={task}
        step={step}
        onClose={() => setStep(null)}
        onDone={(next) => {
          setStep(null);
          req.setData(next);
        }}
        onReloaded={req.setData}
      />
    </>
  );
}
