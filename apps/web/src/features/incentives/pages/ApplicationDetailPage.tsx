import type { IncentiveApplicationDetail } from '@yingshang/contracts';
import { PROVINCES } from '@yingshang/rules';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/messages';
import { formatDateTime, formatWan } from '../../../kit';
import { incentivesApi } from '../api';
import { beijingToday } from '../beijing';
import { IncNav } from '../components/IncNav';
import { IncStatusTag, SlaTag } from '../components/IncStatusTag';
import { TraceView, yuan } from '../components/TraceView';

/** One application: facts, the computation in plain words, the review steps, payments; the actions allowed. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t, tMaybe } = useI18n();
  const { message } = App.useApp();
  const req = useRequest(() => incentivesApi.get(id), [id]);
  const [dialog, setDialog] = useState<'review' | 'pay' | 'resubmit' | null>(null);
  const [form] = Form.useForm();
  const a = req.data;
  if (req.error) return <Alert type="error" showIcon title={req.error.message} />;
  if (!a) return <Spin />;
  const wan = (v: number | null) => (v == null ? '—' : formatWan(v, 2));
  const outstanding = (a.approvedFen ?? 0) - a.paidFen;

  async function run(fn: () => Promise<IncentiveApplicationDetail>) {
    try {
      req.setData(await fn());
      setDialog(null);
      form.resetFields();
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.fieldErrors.map((f) => ({ name: f.path.split('.'), errors: [e.message] }));
        if (fields.length) form.setFields(fields as never);
        message.error(e.message);
      }
    }
  }

  const onOk = async () => {
    const v = await form.validateFields();
    if (!a) return;
    if (dialog === 'review')
      await run(() =>
        incentivesApi.review(a.id, { version: a.version, decision: v.decision, note: v.note || null }),
      );
    if (dialog === 'pay') {
      const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(v.amount).replace(/[,，\s]/g, ''));
      if (!m) return form.setFields([{ name: 'amount', errors: [t('inc.form.amountInvalid')] }]);
      const amountFen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
      await run(() =>
        incentivesApi.pay(a.id, {
          version: a.version,
          paidOn: (v.paidOn as Dayjs).format('YYYY-MM-DD'),
          amountFen,
          voucherNo: v.voucherNo,
          note: v.note || null,
        }),
      );
    }
    if (dialog === 'resubmit')
      await run(() =>
        incentivesApi.resubmit(a.id, {
          version: a.version,
          materials: [...a.materials, ...(v.name ? [{ kind: v.kind ?? 'other', name: v.name }] : [])],
          note: v.note || null,
        }),
      );
  };

  return (
    <>
      <IncNav />
      <Card size="small">
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Typography.Text type="secondary">{a.code}</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="inc-title">
              {a.enterpriseName} · {t(`inc.kind.${a.kind}`)}
            </Typography.Title>
            <Flex gap={4} wrap>
              <IncStatusTag status={a.status} />
              {a.stage && <Tag>{t(`inc.stage.${a.stage}`)}</Tag>}
              {a.stage && <SlaTag sla={a.sla} dueOn={a.stageDueOn} />}
            </Flex>
          </div>
          <Flex gap={8}>
            {a.actions.includes('review') && (
              <Button type="primary" onClick={() => setDialog('review')} data-testid="inc-review">
                {t('inc.review')}
              </Button>
            )}
            {a.actions.includes('pay') && (
              <Button type="primary" onClick={() => setDialog('pay')} data-testid="inc-pay">
                {t('inc.pay')}
              </Button>
            )}
            {a.actions.includes('resubmit') && (
              <Button type="primary" onClick={() => setDialog('resubmit')} data-testid="inc-resubmit">
                {t('inc.resubmit')}
              </Button>
            )}
          </Flex>
        </Flex>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('inc.col.region')}>{a.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('inc.col.submittedOn')}>{a.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t('inc.form.catalogueItem')}>
            {a.catalogueItem ? `${a.catalogueItem.version} · ${a.catalogueItem.name}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inc.form.registeredProvince')}>
            {PROVINCES[a.facts.registeredProvince.slice(0, 2)] ?? a.facts.registeredProvince}
            {a.facts.investorName ? ` · ${a.facts.investorName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('inc.col.provisional')}>{wan(a.provisionalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('inc.col.approved')}>
            <span data-testid="inc-approved">{wan(a.approvedFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('inc.col.paid')}>
            <span data-testid="inc-paid">{wan(a.paidFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('inc.detail.payDueOn')}>{a.payDueOn ?? '—'}</Descriptions.Item>
          {a.projectName && (
            <Descriptions.Item label={t('inc.detail.project')}>{a.projectName}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('inc.detail.materials')} span={2}>
            {a.materials.map((m) => (
              <Tag key={`${m.kind}-${m.name}`}>{m.name}</Tag>
            ))}
            {a.missingMaterials.length > 0 && (
              <Typography.Text type="warning">
                {t('inc.materials.missing', {
                  list: a.missingMaterials.map((m) => t(`inc.material.${m}`)).join('、'),
                })}
              </Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('inc.trace.title')}>
            <TraceView evaluation={a.evaluation} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('inc.detail.timeline')}>
            <Timeline
              data-testid="inc-timeline"
              items={a.events.map((e) => ({
                color: e.action === 'reject' ? 'red' : e.action === 'return' ? 'gold' : 'green',
                content: (
                  <>
                    <Typography.Text strong>
                      {e.stage ? `${t(`inc.stage.${e.stage}`)} · ` : ''}
                      {tMaybe(`inc.event.${e.action}`, e.action)}
                    </Typography.Text>
                    {e.onTime != null && (
                      <Tag color={e.onTime ? 'green' : 'red'} style={{ marginLeft: 8 }}>
                        {t(e.onTime ? 'inc.detail.onTime' : 'inc.detail.late')}
                      </Tag>
                    )}
                    <div>
                      {e.unitName} {e.actorName} · {formatDateTime(e.createdAt)}
                    </div>
                    {e.note && <div>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('inc.detail.payments')} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={a.payments}
              data-testid="inc-payments"
              columns={[
                { title: t('inc.pay.paidOn'), dataIndex: 'paidOn', width: 110 },
                { title: t('inc.pay.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                { title: t('inc.pay.voucher'), dataIndex: 'voucherNo' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={dialog !== null}
        title={
          dialog ? t(dialog === 'review' ? 'inc.review' : dialog === 'pay' ? 'inc.pay' : 'inc.resubmit') : ''
        }
        onCancel={() => setDialog(null)}
        onOk={onOk}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'inc-dialog-ok' } as never}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ decision: 'approve', paidOn: dayjs(beijingToday()) }}
        >
          {dialog === 'review' && (
            <>
              {a.stage === 'province' && (
                <Alert type="info" title={t('inc.review.provinceHint')} style={{ marginBottom: 12 }} />
              )}
              <Form.Item name="decision">
                <Radio.Group
                  options={(['approve', 'return', 'reject'] as const).map((d) => ({
                    value: d,
                    label: t(`inc.review.${d}` as MessageKey),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('inc.review.note')}
                dependencies={['decision']}
                rules={[
                  ({ getFieldValue }) => ({
                    required: getFieldValue('decision') !== 'approve',
                    message: t('inc.review.noteRequired'),
                  }),
                  { max: 1000 },
                ]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {dialog === 'pay' && (
            <>
              <Form.Item name="paidOn" label={t('inc.pay.paidOn')} rules={[{ required: true }]}>
                <DatePicker
                  disabledDate={(d) =>
                    d.isAfter(dayjs(beijingToday()), 'day') ||
                    (!!a.approvedOn && d.isBefore(dayjs(a.approvedOn), 'day'))
                  }
                />
              </Form.Item>
              <Form.Item
                name="amount"
                label={`${t('inc.pay.amount')}（${t('inc.pay.max', { max: yuan(outstanding) })}）`}
                initialValue={yuan(outstanding).replace(/,/g, '')}
                rules={[{ required: true }]}
              >
                <Input inputMode="decimal" data-testid="inc-pay-amount" />
              </Form.Item>
              <Form.Item
                name="voucherNo"
                label={t('inc.pay.voucher')}
                rules={[{ required: true, pattern: /^[A-Za-z0-9\-_/. ]{3,64}$/ }]}
              >
                <Input data-testid="inc-pay-voucher" />
              </Form.Item>
              <Form.Item name="note" label={t('inc.pay.note')} rules={[{ max: 500 }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'resubmit' && (
            <>
              <Form.Item name="name" label={t('inc.form.materialName')} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="note" label={t('inc.review.note')} rules={[{ max: 1000 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
