import type { Campaign } from '@yingshang/contracts';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors, OrgPicker } from '../../../kit';

interface Values {
  title: string;
  issuingBody: string;
  docNumber?: string;
  period: [Dayjs, Dayjs];
  scopeOrgId: string;
  problems: string;
  description?: string;
}

/** A new campaign issued by the user's unit: its period, scope and problem categories (one per line). */
export function CampaignFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: Campaign) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function submit(v: Values) {
    setSaving(true);
    try {
      const created = await api.post<Campaign>('/rectification/campaigns', {
        title: v.title,
        issuingBody: v.issuingBody,
        docNumber: v.docNumber || null,
        startOn: v.period[0].format('YYYY-MM-DD'),
        deadlineOn: v.period[1].format('YYYY-MM-DD'),
        scopeOrgIds: [v.scopeOrgId],
        problems: v.problems
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        description: v.description || null,
      });
      form.resetFields();
      onCreated(created);
    } catch (e) {
      if (e instanceof ApiError) {
        applyFieldErrors(form, e, [], {
          CAMPAIGN_SCOPE_INVALID: 'scopeOrgId',
          CAMPAIGN_PERIOD_INVALID: 'period',
        });
        message.error(e.message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('rect.campaign.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('rect.campaign.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="issuingBody"
          label={t('rect.campaign.issuer')}
          rules={[{ required: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="docNumber" label={t('rect.campaign.docNumber')} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="period" label={t('rect.campaign.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="scopeOrgId" label={t('rect.campaign.scope')} rules={[{ required: true }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="problems"
          label={t('rect.campaign.problems')}
          extra={t('rect.campaign.problemsHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="description" label={t('rect.campaign.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
