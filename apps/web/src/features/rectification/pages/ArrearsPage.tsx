import { PlusOutlined } from '@ant-design/icons';
import { ARREAR_STATUSES, type Arrear } from '@yingshang/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatWan, OrgPicker, wanToMinor } from '../../../kit';
import { rectificationApi } from '../api';
import { RectNav } from '../components/RectNav';

export const ARREAR_COLOR = { outstanding: 'red', partly_repaid: 'gold', cleared: 'green' } as const;

/** 清欠台账: SOE arrears owed to SMEs, with sums by debtor and region. */
export function ArrearsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    regionId: params.get('regionId') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const set = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) v ? p.set(k, v) : p.delete(k);
      if (!('page' in patch)) p.delete('page');
      return p;
    });
  const list = useRequest(() => rectificationApi.arrears(q), [JSON.stringify(q)]);
  const figures = useRequest(() => rectificationApi.arrearFigures(q.regionId), [q.regionId, list.data]);

  async function create(v: Record<string, unknown>) {
    const amountFen = wanToMinor(String(v.amount ?? ''));
    if (!amountFen) {
      form.setFields([{ name: 'amount', errors: [t('rect.form.percent')] }]);
      return;
    }
    try {
      const created = await rectificationApi.createArrear({
        debtorName: v.debtorName,
        debtorCreditCode: v.debtorCreditCode || null,
        creditorName: v.creditorName,
        creditorCreditCode: v.creditorCreditCode,
        contract: v.contract,
        regionId: v.regionId,
        amountFen,
        dueOn: (v.dueOn as Dayjs).format('YYYY-MM-DD'),
        notes: v.notes || null,
      });
      setCreating(false);
      navigate(`/rectification/arrears/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  }

  const money = (v: number) => formatWan(v, 2);
  const columns: ColumnsType<Arrear> = [
    { title: t('arrear.debtor'), dataIndex: 'debtorName', ellipsis: true },
    { title: t('arrear.creditor'), dataIndex: 'creditorName', ellipsis: true },
    { title: t('arrear.contract'), dataIndex: 'contract', width: 180, ellipsis: true },
    { title: t('arrear.region'), dataIndex: 'regionName', width: 120 },
    { title: t('arrear.amount'), dataIndex: 'amountFen', width: 150, align: 'right', render: money },
    {
      title: t('arrear.outstanding'),
      dataIndex: 'outstandingFen',
      width: 150,
      align: 'right',
      render: money,
    },
    { title: t('arrear.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('arrear.status'),
      key: 'status',
      width: 170,
      render: (_, r) => (
        <Flex gap={4}>
          <Tag color={ARREAR_COLOR[r.status]}>{t(`arrear.status.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('arrear.overdue')}</Tag>}
        </Flex>
      ),
    },
  ];
  const f = figures.data;
  return (
    <>
      <RectNav />
      <Flex vertical gap={16}>
        {f && (
          <Row gutter={[16, 16]}>
            {[
              [t('arrear.count'), String(f.totals.count)],
              [t('arrear.amount'), money(f.totals.amountFen)],
              [t('arrear.repaid'), money(f.totals.repaidFen)],
              [t('arrear.outstanding'), money(f.totals.outstandingFen)],
            ].map(([label, value]) => (
              <Col key={label} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={label} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
        <Card
          size="small"
          title={t('arrear.title')}
          extra={
            can('rectification.report') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="arrear-new"
              >
                {t('arrear.new')}
              </Button>
            )
          }
        >
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('arrear.search')}
              aria-label={t('arrear.search')}
              style={{ width: 240 }}
              defaultValue={q.q}
              onSearch={(v) => set({ q: v || undefined })}
            />
            <Select
              aria-label={t('arrear.status')}
              allowClear
              style={{ width: 140 }}
              placeholder={t('arrear.status')}
              value={q.status}
              onChange={(v) => set({ status: v })}
              options={ARREAR_STATUSES.map((s) => ({ value: s, label: t(`arrear.status.${s}`) }))}
            />
            <OrgPicker
              style={{ width: 200 }}
              placeholder={t('arrear.region')}
              value={q.regionId}
              onChange={(id) => set({ regionId: id })}
            />
          </Flex>
          <Table<Arrear>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.loading}
            scroll={{ x: 1200 }}
            data-testid="arrears-table"
            locale={{ emptyText: <Empty description={t('arrear.empty')} /> }}
            onRow={(r) => ({
              onClick: () => navigate(`/rectification/arrears/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            pagination={{
              current: q.page,
              pageSize: q.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => set({ page: String(page), pageSize: String(pageSize) }),
            }}
          />
        </Card>
        {f && f.byDebtor.length > 0 && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('arrear.byDebtor')}>
                <Table
                  size="small"
                  rowKey="debtorName"
                  pagination={false}
                  dataSource={f.byDebtor}
                  columns={[
                    { title: t('arrear.debtor'), dataIndex: 'debtorName' },
                    { title: t('arrear.count'), dataIndex: 'count', width: 70, align: 'right' },
                    {
                      title: t('arrear.amount'),
                      dataIndex: 'amountFen',
                      width: 120,
                      align: 'right',
                      render: money,
                    },
                    {
                      title: t('arrear.outstanding'),
                      dataIndex: 'outstandingFen',
                      width: 130,
                      align: 'right',
                      render: money,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('arrear.byRegion')}>
                <Table
                  size="small"
                  rowKey="regionId"
                  pagination={false}
                  dataSource={f.byRegion}
                  columns={[
                    { title: t('arrear.region'), dataIndex: 'regionName' },
                    { title: t('arrear.count'), dataIndex: 'count', width: 70, align: 'right' },
                    {
                      title: t('arrear.amount'),
                      dataIndex: 'amountFen',
                      width: 120,
                      align: 'right',
                      render: money,
                    },
                    {
                      title: t('arrear.outstanding'),
                      dataIndex: 'outstandingFen',
                      width: 130,
                      align: 'right',
                      render: money,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        )}
      </Flex>
      <Modal
        open={creating}
        title={t('arrear.new')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="debtorName" label={t('arrear.debtor')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="debtorCreditCode" label={t('arrear.debtorCode')} rules={[{ len: 18 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="creditorName" label={t('arrear.creditor')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="creditorCreditCode"
            label={t('arrear.creditorCode')}
            rules={[{ required: true, len: 18 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="contract" label={t('arrear.contract')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionId" label={t('arrear.region')} rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('arrear.amount')}
            rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,6})?$/ }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('arrear.dueOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="notes" label={t('arrear.notes')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
