import type { Campaign } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, useApiForm } from '../../../kit';

interface Values {
  title: string;
  issuingBody: string;
  docNumber?: string;
  period: [Dayjs, Dayjs];
  scopeOrgId: string;
  problems: string;
  description?: string;
}
const FIELDS = [
  'title',
  'issuingBody',
  'docNumber',
  'period',
  'scopeOrgId',
  'problems',
  'description',
] as const;

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
  const [form] = Form.useForm<Values>();

  const state = useApiForm({
    form,
    fields: FIELDS,
    rename: { startOn: 'period', deadlineOn: 'period', scopeOrgIds: 'scopeOrgId' },
    codeToField: { CAMPAIGN_SCOPE_INVALID: 'scopeOrgId', CAMPAIGN_PERIOD_INVALID: 'period' },
    submit: (v: Values) =>
      api.post<Campaign>('/rectification/campaigns', {
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
      }),
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created);
    },
  });

  return (
    <Modal
      open={open}
      title={t('rect.campaign.new')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      confirmLoading={state.saving}
      okButtonProps={{ 'data-testid': 'campaign-form-submit' } as ButtonProps}
      width={640}
      destroyOnHidden
    >
      <FormAlert state={state} />
      <Form form={form} layout="vertical" data-testid="campaign-form" {...state.formProps}>
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
