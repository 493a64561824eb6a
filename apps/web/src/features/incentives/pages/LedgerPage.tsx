import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { campaignLookupApi, formatWan } from '../../../kit';
import { incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';

type Obligation = Awaited<ReturnType<typeof incentivesApi.obligations>>['items'][number];

/** 招商承诺兑现台账: promises and unpaid rewards; overdue ones go to the rectification campaign or become an appeal. */
export function LedgerPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const overdueOnly = params.get('overdue') === '1';
  const list = useRequest(
    () => incentivesApi.obligations({ overdueOnly: overdueOnly ? 'true' : undefined }),
    [overdueOnly],
  );
  const canTask = can('rectification.manage');
  const campaigns = useRequest(() => (canTask ? campaignLookupApi.list() : null), [canTask]);
  const [target, setTarget] = useState<Obligation | null>(null);
  const [form] = Form.useForm();

  async function toTask() {
    const v = await form.validateFields();
    if (!target) return;
    const body = { campaignId: v.campaignId, deadlineOn: (v.deadlineOn as Dayjs).format('YYYY-MM-DD') };
    try {
      const task =
        target.kind === 'reward'
          ? await incentivesApi.toTask(target.id, body)
          : await incentivesApi.promiseToTask(target.id, body);
      setTarget(null);
      navigate(`/rectification/tasks/${task.id}`);
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  }

  return (
    <>
      <IncNav />
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <Switch
              aria-label={t('inc.ledger.overdueOnly')}
              checked={overdueOnly}
              onChange={(v) =>
                setParams((p) => {
                  v ? p.set('overdue', '1') : p.delete('overdue');
                  return p;
                })
              }
            />
            {t('inc.ledger.overdueOnly')}
          </Flex>
          {list.data && (
            <Typography.Text data-testid="inc-ledger-summary">
              {t('inc.ledger.summary', { total: list.data.total, overdue: list.data.overdue })}
            </Typography.Text>
          )}
        </Flex>
        <Table
          size="small"
          rowKey={(r) => `${r.kind}-${r.id}`}
          loading={list.loading}
          dataSource={list.data?.items}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('inc.ledger.empty') }}
          columns={[
            {
              title: t('inc.ledger.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (v: 'promise' | 'reward') => <Tag>{t(`inc.ledger.kind.${v}`)}</Tag>,
            },
            {
              title: t('inc.ledger.title'),
              dataIndex: 'title',
              ellipsis: true,
              render: (v: string, r) =>
                r.kind === 'reward' ? <Link to={`/incentives/${r.id}`}>{v}</Link> : v,
            },
            {
              title: t('inc.detail.project'),
              dataIndex: 'projectName',
              width: 180,
              ellipsis: true,
              render: (v) => v ?? '—',
            },
            { title: t('inc.ledger.owner'), dataIndex: 'ownerName', width: 170, ellipsis: true },
            { title: t('inc.ledger.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('inc.ledger.outstanding'),
              dataIndex: 'outstandingFen',
              width: 130,
              align: 'right',
              render: (v: number | null) => (v == null ? '—' : formatWan(v, 2)),
            },
            {
              title: t('inc.ledger.state'),
              dataIndex: 'overdue',
              width: 130,
              render: (v: boolean, r) =>
                v ? (
                  <Tag color="red">{t('inc.ledger.overdueDays', { days: r.daysOverdue })}</Tag>
                ) : (
                  <Tag color="green">{t('inc.ledger.onTrack')}</Tag>
                ),
            },
            {
              title: '',
              key: 'actions',
              width: 220,
              render: (_: unknown, r) =>
                r.taskId ? (
                  <Link to={`/rectification/tasks/${r.taskId}`}>{t('inc.ledger.task')}</Link>
                ) : r.overdue ? (
                  <Flex gap={8}>
                    {canTask && (
                      <Button size="small" onClick={() => setTarget(r)}>
                        {t('inc.ledger.toTask')}
                      </Button>
                    )}
                    {can('appeals.file') && r.kind === 'reward' && (
                      <Button size="small" onClick={() => navigate('/appeals/new')}>
                        {t('inc.ledger.toAppeal')}
                      </Button>
                    )}
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!target}
        title={t('inc.ledger.toTask')}
        onCancel={() => setTarget(null)}
        onOk={toTask}
        destroyOnHidden
      >
        {target && <Alert type="info" title={target.title} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ deadlineOn: dayjs().add(30, 'day') }}>
          <Form.Item name="campaignId" label={t('inc.ledger.campaign')} rules={[{ required: true }]}>
            <Select options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
          </Form.Item>
          <Form.Item name="deadlineOn" label={t('inc.ledger.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
