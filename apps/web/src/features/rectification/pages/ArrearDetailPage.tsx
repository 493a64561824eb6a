import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, formatWan, wanToMinor } from '../../../kit';
import { rectificationApi } from '../api';
import { RectNav } from '../components/RectNav';
import { ARREAR_COLOR } from './ArrearsPage';

/** One debt: the facts, the repayments over time, and a repayment that can never exceed the balance. */
export function ArrearDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const req = useRequest(() => rectificationApi.arrear(id), [id]);
  const [paying, setPaying] = useState(false);
  const [form] = Form.useForm();
  const a = req.data;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} />;
  if (!a) return <Spin />;
  const money = (v: number) => formatWan(v, 2);

  async function repay(v: { amount: string; paidOn: Dayjs; note?: string }) {
    const amountFen = wanToMinor(v.amount);
    if (!amountFen || !a) return;
    try {
      req.setData(
        await rectificationApi.repay(a.id, {
          version: a.version,
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          amountFen,
          note: v.note || null,
        }),
      );
      setPaying(false);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.code === 'REPAYMENT_EXCEEDS_BALANCE') form.setFields([{ name: 'amount', errors: [e.message] }]);
        message.error(e.message);
      }
    }
  }

  return (
    <>
      <RectNav />
      <Card size="small">
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Typography.Text type="secondary">{a.code}</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }}>
              {a.debtorName} → {a.creditorName}
            </Typography.Title>
            <Flex gap={4}>
              <Tag color={ARREAR_COLOR[a.status]}>{t(`arrear.status.${a.status}`)}</Tag>
              {a.overdue && <Tag color="red">{t('arrear.overdue')}</Tag>}
            </Flex>
          </div>
          {can('rectification.report') && a.status !== 'cleared' && (
            <Button type="primary" onClick={() => setPaying(true)} data-testid="arrear-repay">
              {t('arrear.repay')}
            </Button>
          )}
        </Flex>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('arrear.debtor')}>
            {a.debtorName} {a.debtorCreditCode ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('arrear.creditor')}>
            {a.creditorName} {a.creditorCreditCode}
          </Descriptions.Item>
          <Descriptions.Item label={t('arrear.contract')}>{a.contract}</Descriptions.Item>
          <Descriptions.Item label={t('arrear.region')}>{a.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('arrear.amount')}>{money(a.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('arrear.repaid')}>{money(a.repaidFen)}</Descriptions.Item>
          <Descriptions.Item label={t('arrear.outstanding')}>
            <Typography.Text strong data-testid="arrear-outstanding">
              {money(a.outstandingFen)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('arrear.dueOn')}>{a.dueOn}</Descriptions.Item>
          {a.notes && (
            <Descriptions.Item label={t('arrear.notes')} span={2}>
              {a.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('arrear.repayments')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.repayments}
          columns={[
            { title: t('arrear.paidOn'), dataIndex: 'paidOn', width: 120 },
            {
              title: t('arrear.repayAmount'),
              dataIndex: 'amountFen',
              width: 140,
              align: 'right',
              render: money,
            },
            { title: t('arrear.notes'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: '', dataIndex: 'actorName', width: 240 },
            { title: '', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Modal
        open={paying}
        title={t('arrear.repay')}
        onCancel={() => setPaying(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={repay} initialValues={{ paidOn: dayjs() }}>
          <Form.Item name="paidOn" label={t('arrear.paidOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={`${t('arrear.repayAmount')} ≤ ${money(a.outstandingFen)}`}
            rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,6})?$/ }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="note" label={t('arrear.notes')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
