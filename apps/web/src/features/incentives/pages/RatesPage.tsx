import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../kit';
import { incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';

type Rate = Awaited<ReturnType<typeof incentivesApi.rates>>[number];

/** The USD→CNY central parities the rewards convert with (kept by the province). */
export function RatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const list = useRequest(() => incentivesApi.rates(), []);
  const [editing, setEditing] = useState<Rate | 'new' | null>(null);
  const [form] = Form.useForm();

  async function save() {
    const v = await form.validateFields();
    try {
      await incentivesApi.putRate({
        day: (v.day as Dayjs).format('YYYY-MM-DD'),
        rate: v.rate,
        note: v.note || null,
        ...(editing && editing !== 'new' && { version: editing.version }),
      });
      setEditing(null);
      await list.reload();
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  }

  return (
    <>
      <IncNav />
      <Card
        size="small"
        title={t('inc.rates.rate')}
        extra={
          can('rates.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('inc.rates.add')}
            </Button>
          )
        }
      >
        <Alert type="info" title={t('inc.rates.hint')} style={{ marginBottom: 12 }} />
        <Table
          size="small"
          rowKey="day"
          loading={list.loading}
          dataSource={list.data}
          locale={{ emptyText: t('inc.rates.empty') }}
          onRow={(r) =>
            can('rates.manage') ? { onClick: () => setEditing(r), style: { cursor: 'pointer' } } : {}
          }
          columns={[
            { title: t('inc.rates.day'), dataIndex: 'day', width: 120 },
            { title: t('inc.rates.rate'), dataIndex: 'rate', width: 180, align: 'right' },
            { title: t('inc.rates.source'), dataIndex: 'source', ellipsis: true },
            { title: t('inc.pay.note'), dataIndex: 'note', render: (v) => v ?? '—' },
            { title: '', dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={t('inc.rates.add')}
        onCancel={() => setEditing(null)}
        onOk={save}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={
            editing && editing !== 'new'
              ? { day: dayjs(editing.day), rate: editing.rate, note: editing.note }
              : { day: dayjs() }
          }
        >
          <Form.Item name="day" label={t('inc.rates.day')} rules={[{ required: true }]}>
            <DatePicker disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item
            name="rate"
            label={t('inc.rates.rate')}
            rules={[
              { required: true, pattern: /^\d{1,3}(\.\d{1,6})?$/, message: t('inc.form.amountInvalid') },
            ]}
          >
            <Input inputMode="decimal" placeholder="7.1186" />
          </Form.Item>
          <Form.Item name="note" label={t('inc.pay.note')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
