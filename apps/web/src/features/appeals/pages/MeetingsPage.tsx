import { PlusOutlined } from '@ant-design/icons';
import { MEETING_SERIES, type MeetingSummary } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors, formatDate } from '../../../kit';
import { appealApi } from '../api';
import { AppealsNav } from '../components/AppealsNav';
import { EnterpriseSelect } from '../components/EnterpriseSelect';
import { isOneOf } from '../model';

interface MeetingForm {
  series: string;
  title: string;
  heldOn: Dayjs;
  regionId: string;
  hostLeader: string;
  location?: string;
  enterpriseIds: string[];
  notes?: string;
}

/** 早餐会 / 下午茶 / 夜沙龙: the list, how many raised issues were solved, and a form for a new record. */
export function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const series = isOneOf(MEETING_SERIES, params.get('series')) ? (params.get('series') as string) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useRequest(() => appealApi.meetings({ series, page, pageSize: 20 }), [series, page]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MeetingForm>();
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);

  const start = async () => {
    form.resetFields();
    setOpen(true);
    const list = await appealApi.offices().catch(() => []);
    setOffices(list.map((o) => ({ value: o.id, label: o.name })));
  };
  const submit = async (v: MeetingForm) => {
    setBusy(true);
    try {
      const created = await appealApi.createMeeting({
        ...v,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        enterpriseIds: v.enterpriseIds ?? [],
        location: v.location?.trim() || null,
        notes: v.notes?.trim() || null,
      });
      setOpen(false);
      navigate(`/appeals/meetings/${created.id}`);
    } catch (e) {
      if (
        !applyFieldErrors(form, e, ['series', 'title', 'heldOn', 'regionId', 'hostLeader', 'enterpriseIds'])
      )
        message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<MeetingSummary> = [
    {
      key: 'title',
      title: t('meeting.col.title'),
      dataIndex: 'title',
      render: (v: string, m) => <Link to={`/appeals/meetings/${m.id}`}>{v}</Link>,
    },
    {
      key: 'series',
      title: t('meeting.col.series'),
      dataIndex: 'series',
      width: 110,
      render: (v: MeetingSummary['series']) => t(`meeting.series.${v}`),
    },
    {
      key: 'heldOn',
      title: t('meeting.col.heldOn'),
      dataIndex: 'heldOn',
      width: 110,
      className: 'num-cell',
      render: formatDate,
    },
    { key: 'region', title: t('meeting.col.region'), dataIndex: 'regionName', width: 150 },
    { key: 'host', title: t('meeting.col.host'), dataIndex: 'hostLeader', width: 130 },
    {
      key: 'enterprises',
      title: t('meeting.col.enterprises'),
      dataIndex: 'enterpriseCount',
      width: 100,
      align: 'right',
    },
    {
      key: 'outcome',
      title: t('meeting.col.outcome'),
      width: 170,
      render: (_: unknown, m) => t('meeting.outcome', { solved: m.outcome.solved, raised: m.outcome.raised }),
    },
  ];

  const required = (key: Parameters<typeof t>[0]) => [
    { required: true, message: t('common.required', { field: t(key) }) },
  ];
  return (
    <Card
      title={t('meeting.title')}
      extra={
        can('appeals.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={start} data-testid="meeting-new">
            {t('meeting.new')}
          </Button>
        ) : null
      }
    >
      <AppealsNav />
      <Typography.Paragraph type="secondary">{t('meeting.intro')}</Typography.Paragraph>
      <Flex gap={8} className="filter-bar">
        <Select
          aria-label={t('meeting.col.series')}
          allowClear
          style={{ width: 140 }}
          placeholder={t('meeting.col.series')}
          value={series}
          onChange={(v: string | undefined) => {
            const p = new URLSearchParams(params);
            if (v) p.set('series', v);
            else p.delete('series');
            p.delete('page');
            setParams(p);
          }}
          options={MEETING_SERIES.map((s) => ({ value: s, label: t(`meeting.series.${s}`) }))}
        />
      </Flex>
      <Table<MeetingSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty description={t('meeting.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          },
        }}
        data-testid="meetings-table"
      />
      <Modal
        open={open}
        title={t('meeting.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'meeting-form-submit' } as ButtonProps}
        width={640}
        destroyOnHidden
      >
        <Form<MeetingForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ series: 'breakfast' }}
        >
          <Flex gap={12} wrap>
            <Form.Item name="series" label={t('meeting.form.series')} rules={required('meeting.form.series')}>
              <Select
                style={{ width: 140 }}
                options={MEETING_SERIES.map((s) => ({ value: s, label: t(`meeting.series.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="heldOn" label={t('meeting.form.heldOn')} rules={required('meeting.form.heldOn')}>
              <DatePicker data-testid="meeting-form-heldOn" />
            </Form.Item>
            <Form.Item
              name="regionId"
              label={t('meeting.form.region')}
              rules={required('meeting.form.region')}
            >
              <Select
                style={{ width: 220 }}
                options={offices}
                showSearch
                optionFilterProp="label"
                data-testid="meeting-form-regionId"
              />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('meeting.form.title')} rules={required('meeting.form.title')}>
            <Input maxLength={200} data-testid="meeting-form-title" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="hostLeader" label={t('meeting.form.host')} rules={required('meeting.form.host')}>
              <Input maxLength={64} style={{ width: 220 }} data-testid="meeting-form-host" />
            </Form.Item>
            <Form.Item name="location" label={t('meeting.form.location')}>
              <Input maxLength={200} style={{ width: 300 }} />
            </Form.Item>
          </Flex>
          <Form.Item name="enterpriseIds" label={t('meeting.form.enterprises')}>
            <EnterpriseSelect mode="multiple" data-testid="meeting-form-enterprises" />
          </Form.Item>
          <Form.Item name="notes" label={t('meeting.form.notes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
