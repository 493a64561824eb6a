import type { Investor } from '@yingshang/contracts';
import { creditCodeProblem } from '@yingshang/rules';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Col, Flex, Form, Input, List, Modal, Radio, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../app/api/client';
import { useI18n } from '../../app/i18n/i18n-context';
import { investorApi } from '../api';
import { applyFormErrors } from '../form-errors';
import { investorCode } from '../format';

type Kind = 'domestic' | 'foreign';

interface Values {
  kind: Kind;
  name: string;
  creditCode?: string;
  foreignRegNo?: string;
  country?: string;
  legalRep?: string;
  contactName?: string;
  contactPhone?: string;
}

const FIELDS = [
  'name',
  'creditCode',
  'foreignRegNo',
  'country',
  'legalRep',
  'contactName',
  'contactPhone',
] as const;
const PHONE_RE = /^[0-9+\- ]{5,20}$/;
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

interface Props {
  open: boolean;
  onClose: () => void;
  /** A new investor, or an existing one picked from the probable duplicates. */
  onPicked: (investor: Investor) => void;
}

/**
 * 新增投资方: a domestic investor by its unified social credit code (check digit verified here and
 * on the server), a foreign one by registration number and country. Before creating, probable
 * duplicates (same code or same name) are listed so the clerk can pick one instead.
 */
export function InvestorFormModal({ open, onClose, onPicked }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'domestic';
  const [matches, setMatches] = useState<Investor[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMatches(null);
    setError(null);
  }, [open, form]);

  const pick = (inv: Investor) => {
    onPicked(inv);
    onClose();
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const domestic = v.kind === 'domestic';
    const creditCode = domestic ? blankToNull(v.creditCode)?.toUpperCase() : null;
    try {
      if (matches === null) {
        const found = await investorApi.matches({ name: v.name.trim(), creditCode: creditCode ?? undefined });
        if (found.matches.length > 0) {
          setMatches(found.matches);
          return;
        }
      }
      const created = await investorApi.create({
        name: v.name.trim(),
        creditCode,
        foreignRegNo: domestic ? null : blankToNull(v.foreignRegNo),
        country: domestic ? null : blankToNull(v.country),
        legalRep: blankToNull(v.legalRep),
        contactName: blankToNull(v.contactName),
        contactPhone: blankToNull(v.contactPhone),
      });
      message.success(t('investor.created', { name: created.name }));
      pick(created);
    } catch (e) {
      if (
        !applyFormErrors(form, e, FIELDS, {
          CREDIT_CODE_INVALID: 'creditCode',
          INVESTOR_EXISTS: 'creditCode',
          INVESTOR_ORIGIN_REQUIRED: domestic ? 'creditCode' : 'foreignRegNo',
        })
      ) {
        setError(e instanceof ApiError ? e.message : t('error.unknown'));
      }
    } finally {
      setSaving(false);
    }
  };

  const req = (field: Parameters<typeof t>[0]) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: t(field) }),
  });

  return (
    <Modal
      open={open}
      title={t('investor.new')}
      onCancel={onClose}
      onOk={submit}
      okText={matches && matches.length > 0 ? t('investor.createAnyway') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      destroyOnHidden={false}
      width={640}
      okButtonProps={{ 'data-testid': 'investor-form-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {matches && matches.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="investor-matches"
          title={t('investor.matchesTitle', { count: matches.length })}
          description={
            <List
              size="small"
              dataSource={matches}
              renderItem={(m) => (
                <List.Item
                  extra={
                    <Button size="small" type="primary" ghost onClick={() => pick(m)}>
                      {t('investor.useThis')}
                    </Button>
                  }
                >
                  <Flex vertical>
                    <Typography.Text strong>{m.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {investorCode(m) || '—'} · {t(`project.origin.${m.originGroup}`)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        autoComplete="off"
        initialValues={{ kind: 'domestic' }}
        onValuesChange={(changed) => {
          if ('name' in changed || 'creditCode' in changed || 'kind' in changed) setMatches(null);
        }}
      >
        <Form.Item name="kind" label={t('investor.field.kind')} required>
          <Radio.Group
            optionType="button"
            data-testid="investor-form-kind"
            options={[
              { value: 'domestic', label: t('investor.kind.domestic') },
              { value: 'foreign', label: t('investor.kind.foreign') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('investor.field.name')} rules={[req('investor.field.name')]}>
          <Input data-testid="investor-form-name" maxLength={200} />
        </Form.Item>
        {kind === 'domestic' ? (
          <Form.Item
            name="creditCode"
            label={t('investor.field.creditCode')}
            extra={t('investor.creditCodeHelp')}
            normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[
              req('investor.field.creditCode'),
              {
                validator: async (_, v: string | undefined) => {
                  if (!v) return;
                  const problem = creditCodeProblem(v);
                  if (problem) throw new Error(t(`investor.creditCode.${problem}`));
                },
              },
            ]}
          >
            <Input
              data-testid="investor-form-creditCode"
              maxLength={18}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="foreignRegNo"
                label={t('investor.field.foreignRegNo')}
                rules={[req('investor.field.foreignRegNo')]}
              >
                <Input data-testid="investor-form-foreignRegNo" maxLength={64} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="country"
                label={t('investor.field.country')}
                extra={t('investor.countryHelp')}
                rules={[req('investor.field.country')]}
              >
                <Input data-testid="investor-form-country" maxLength={64} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="legalRep" label={t('investor.field.legalRep')}>
              <Input data-testid="investor-form-legalRep" maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label={t('investor.field.contactName')}>
              <Input data-testid="investor-form-contactName" maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="contactPhone"
              label={t('investor.field.contactPhone')}
              rules={[{ pattern: PHONE_RE, message: t('users.phoneInvalid') }]}
            >
              <Input data-testid="investor-form-contactPhone" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
