import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, useApiForm, wanToMinor } from '../../../kit';
import { rectificationApi } from '../api';

interface Values {
  debtorName: string;
  debtorCreditCode?: string;
  creditorName: string;
  creditorCreditCode: string;
  contract: string;
  regionId: string;
  amount: string;
  dueOn: Dayjs;
  notes?: string;
}
const FIELDS = [
  'debtorName',
  'debtorCreditCode',
  'creditorName',
  'creditorCreditCode',
  'contract',
  'regionId',
  'amount',
  'dueOn',
  'notes',
] as const;

/** 登记欠款: one SOE debt to an SME (amount in 万元); the new record opens once saved. */
export function ArrearFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();

  const state = useApiForm({
    form,
    fields: FIELDS,
    rename: { amountFen: 'amount' },
    codeToField: { CREDIT_CODE_INVALID: 'creditorCreditCode', REGION_INVALID: 'regionId' },
    submit: (v: Values) =>
      rectificationApi.createArrear({
        debtorName: v.debtorName,
        debtorCreditCode: v.debtorCreditCode || null,
        creditorName: v.creditorName,
        creditorCreditCode: v.creditorCreditCode,
        contract: v.contract,
        regionId: v.regionId,
        amountFen: wanToMinor(v.amount),
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        notes: v.notes || null,
      }),
    onSuccess: (created) => {
      onClose();
      navigate(`/rectification/arrears/${created.id}`);
    },
  });

  return (
    <Modal
      open={open}
      title={t('arrear.new')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      confirmLoading={state.saving}
      destroyOnHidden
      width={640}
    >
      <FormAlert state={state} />
      <Form form={form} layout="vertical" {...state.formProps}>
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
          rules={[
            { required: true, pattern: /^\d{1,9}(\.\d{1,6})?$/ },
            {
              validator: (_, v: string | undefined) =>
                !v || (wanToMinor(v) ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('arrear.amountPositive'))),
            },
          ]}
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
  );
}
