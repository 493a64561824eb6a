import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import type { AppealSummary, MeetingDetail } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors, formatDate } from '../../../kit';
import { appealApi } from '../api';
import { AppealStatusTag } from '../components/AppealStatusTag';
import { SlaBadge } from '../components/SlaBadge';
import { useCategories } from '../hooks/use-categories';
import { RATING_COLORS } from '../model';

interface IssueForm {
  enterpriseId: string;
  category: string;
  urgency: string;
  title: string;
  description: string;
}

/** One meeting: who came, the issues raised (each an appeal) and how many are solved; the last one's outcomes. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { nameOf, options } = useCategories();
  const req = useRequest(() => appealApi.meeting(id), [id]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<IssueForm>();
  const m = req.data;

  if (req.error && !m)
    return (
      <Card>
        <Result
          status={req.error.status === 404 ? '404' : 'error'}
          title={req.error.status === 404 ? t('meeting.notFound') : req.error.message}
          extra={<Button onClick={() => navigate('/appeals/meetings')}>{t('appeal.tab.meetings')}</Button>}
        />
      </Card>
    );
  if (!m) return <Spin style={{ display: 'block', margin: 48 }} />;

  const columns: ColumnsType<AppealSummary> = [
    {
      key: 'title',
      title: t('appeal.col.title'),
      dataIndex: 'title',
      render: (v: string, a) => <Link to={`/appeals/${a.id}`}>{v}</Link>,
    },
    { key: 'enterprise', title: t('appeal.col.enterprise'), dataIndex: 'enterpriseName', width: 220 },
    { key: 'category', title: t('appeal.col.category'), dataIndex: 'category', width: 100, render: nameOf },
    {
      key: 'status',
      title: t('appeal.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: AppealSummary['status'], a) => (
        <Space size={4}>
          <AppealStatusTag status={v} />
          {a.rating ? <Tag color={RATING_COLORS[a.rating]}>{t(`appeal.rating.${a.rating}`)}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'due',
      title: t('appeal.col.due'),
      width: 250,
      render: (_: unknown, a) => <SlaBadge appeal={a} />,
    },
    {
      key: 'department',
      title: t('appeal.col.department'),
      dataIndex: 'departmentName',
      width: 160,
      render: (v) => v ?? '—',
    },
  ];
  const outcome = (x: Pick<MeetingDetail, 'outcome'>) => (
    <Space>
      <Progress
        type="circle"
        size={44}
        aria-label={t('meeting.outcome', { solved: x.outcome.solved, raised: x.outcome.raised })}
        percent={x.outcome.raised ? Math.round((x.outcome.solved / x.outcome.raised) * 100) : 0}
      />
      <span>{t('meeting.outcome', { solved: x.outcome.solved, raised: x.outcome.raised })}</span>
    </Space>
  );
  const submit = async (v: IssueForm) => {
    setBusy(true);
    try {
      req.setData(await appealApi.raiseIssue(m.id, v));
      setOpen(false);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['enterpriseId', 'category', 'title', 'description']))
        message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Flex gap={8} align="center">
            <Link to="/appeals/meetings" aria-label={t('appeal.tab.meetings')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="meeting-title">{m.title}</span>
            <Tag color="blue">{t(`meeting.series.${m.series}`)}</Tag>
          </Flex>
        }
        extra={outcome(m)}
      >
        {m.previous ? (
          <Card
            type="inner"
            size="small"
            title={t('meeting.previous', { title: m.previous.title, date: formatDate(m.previous.heldOn) })}
            extra={outcome(m.previous)}
            style={{ marginBottom: 16 }}
            data-testid="meeting-previous"
          >
            <Table<AppealSummary>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={m.previous.appeals}
              pagination={false}
              scroll={{ x: 1000 }}
            />
          </Card>
        ) : (
          <Card type="inner" size="small" style={{ marginBottom: 16 }}>
            {t('meeting.noPrevious')}
          </Card>
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { label: t('meeting.form.heldOn'), children: formatDate(m.heldOn) },
            { label: t('meeting.form.region'), children: m.regionName },
            { label: t('meeting.form.host'), children: m.hostLeader },
            { label: t('meeting.form.location'), children: m.location ?? '—' },
            {
              label: t('meeting.form.enterprises'),
              span: 'filled',
              children: m.enterprises.map((e) => e.name).join('、') || '—',
            },
            ...(m.notes
              ? [{ label: t('meeting.form.notes'), span: 'filled' as const, children: m.notes }]
              : []),
          ]}
        />
      </Card>
      <Card
        title={t('meeting.issues')}
        extra={
          can('appeals.manage') && m.enterprises.length > 0 ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setOpen(true);
              }}
              data-testid="meeting-raise"
            >
              {t('meeting.raise')}
            </Button>
          ) : null
        }
      >
        <Table<AppealSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={m.appeals}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: <Empty description={t('meeting.noIssues')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
          }}
          data-testid="meeting-issues"
        />
      </Card>
      <Modal
        open={open}
        title={t('meeting.raise')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'meeting-issue-submit' } as ButtonProps}
        width={600}
        destroyOnHidden
      >
        <Form<IssueForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ urgency: 'normal' }}
        >
          <Form.Item
            name="enterpriseId"
            label={t('appeal.form.enterprise')}
            rules={[
              { required: true, message: t('common.selectRequired', { field: t('appeal.form.enterprise') }) },
            ]}
          >
            <Select
              options={m.enterprises.map((e) => ({ value: e.id, label: e.name }))}
              data-testid="issue-form-enterprise"
            />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item
              name="category"
              label={t('appeal.form.category')}
              rules={[
                { required: true, message: t('common.selectRequired', { field: t('appeal.form.category') }) },
              ]}
            >
              <Select options={options} style={{ width: 180 }} data-testid="issue-form-category" />
            </Form.Item>
            <Form.Item name="urgency" label={t('appeal.form.urgency')}>
              <Radio.Group>
                <Radio value="normal">{t('appeal.urgency.normal')}</Radio>
                <Radio value="urgent">{t('appeal.urgency.urgent')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Flex>
          <Form.Item
            name="title"
            label={t('appeal.form.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('appeal.form.title') }),
              },
            ]}
          >
            <Input maxLength={200} data-testid="issue-form-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('appeal.form.description')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('appeal.form.description') }),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={4000} data-testid="issue-form-description" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
