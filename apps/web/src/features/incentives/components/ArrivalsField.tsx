import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { requiredRules } from '../../../kit';
import { beijingToday } from '../beijing';

/** 万元 with up to six decimals. */
export const AMOUNT = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * The arrivals of foreign capital an application claims (Form.List `arrivals`): each bank receipt with
 * its day (never in the future), currency and amount; one row at least.
 */
export function ArrivalsField() {
  const { t } = useI18n();
  const rule = requiredRules(t);
  return (
    <Form.List name="arrivals">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap data-testid="inc-arrival-row">
              <Form.Item
                name={[f.name, 'bankReceiptNo']}
                rules={[
                  rule.req('inc.form.receipt'),
                  {
                    pattern: /^[A-Za-z0-9\-_/. ]{3,64}$/,
                    message: t('inc.form.receiptInvalid'),
                  },
                ]}
              >
                <Input
                  aria-label={t('inc.form.receipt')}
                  placeholder={t('inc.form.receipt')}
                  style={{ width: 165 }}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'receivedOn']} rules={[rule.sel('inc.form.receivedOn')]}>
                <DatePicker
                  aria-label={t('inc.form.receivedOn')}
                  style={{ width: 132 }}
                  placeholder={t('inc.form.receivedOn')}
                  disabledDate={(d) => d.isAfter(dayjs(beijingToday()), 'day')}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'currency']}>
                <Select
                  aria-label={t('inc.form.currency')}
                  style={{ width: 76 }}
                  options={[
                    { value: 'USD', label: 'USD' },
                    { value: 'CNY', label: 'CNY' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'amount']}
                rules={[
                  rule.req('inc.form.amount'),
                  { pattern: AMOUNT, message: t('inc.form.amountInvalid') },
                ]}
              >
                <Input
                  aria-label={t('inc.form.amount')}
                  inputMode="decimal"
                  placeholder={t('inc.form.amount')}
                  style={{ width: 118 }}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('common.remove')}
                />
              )}
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ currency: 'USD' })}
            data-testid="inc-add-arrival"
            style={{ marginBottom: 16 }}
          >
            {t('inc.form.addArrival')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
