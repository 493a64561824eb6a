import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type EvaluationResult, INCENTIVE_MATERIALS, type IncentiveKindKey } from '@yingshang/contracts';
import { EASTERN_PROVINCES, PROVINCES } from '@yingshang/rules';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  appealOfficesApi,
  FormAlert,
  FormPageShell,
  OrgPicker,
  requiredRules,
  useApiForm,
  wanToMinor,
} from '../../../kit';
import { incentivesApi } from '../api';
import { beijingToday } from '../beijing';
import { AMOUNT, ArrivalsField } from '../components/ArrivalsField';
import { IncNav } from '../components/IncNav';
import { TraceView } from '../components/TraceView';

interface ArrivalRow {
  bankReceiptNo: string;
  receivedOn: Dayjs;
  currency: 'USD' | 'CNY';
  amount: string;
}
interface Values {
  enterpriseId?: string;
  regionId?: string;
  kind: IncentiveKindKey;
  foreignInvested: boolean;
  registeredProvince: string;
  investorName?: string;
  catalogueItemId: string;
  arrivals: ArrivalRow[];
  hqAssets?: string;
  hqCapitalCurrency?: 'USD' | 'CNY';
  hqCapital?: string;
  hqEstablishedOn?: Dayjs;
  materials: { kind: string; name: string }[];
}
/** The form's fields (an API detail's first segment; hq.* is said at the HQ's assets). */
const FIELDS = [
  'enterpriseId',
  'regionId',
  'kind',
  'foreignInvested',
  'registeredProvince',
  'investorName',
  'catalogueItemId',
  'arrivals',
  'hqAssets',
  'materials',
] as const;
const RENAME = { hq: 'hqAssets' };
const CODE_FIELD = {
  INCENTIVE_ENTERPRISE_INVALID: 'enterpriseId',
  INCENTIVE_REGION_INVALID: 'regionId',
  INCENTIVE_CATALOGUE_ITEM_UNKNOWN: 'catalogueItemId',
  INCENTIVE_HQ_FACTS_MISSING: 'hqAssets',
  INCENTIVE_ARRIVALS_MISSING: 'arrivals',
};

/** Apply for a reward: the facts, the arrivals, the materials; the computation with its trace before submitting. */
export function ApplyPage() {
  const { t } = useI18n();
  const rule = requiredRules(t);
  const me = useMe();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'capital_arrival';
  const isEnterprise = me.user.orgUnit.kind === 'enterprise';
  const policies = useRequest(() => incentivesApi.policies(), []);
  const catalogue = useRequest(() => incentivesApi.catalogue({ pageSize: 200 }), []);
  const offices = useRequest(() => (isEnterprise ? appealOfficesApi.list() : null), [isEnterprise]);
  const [evaluation, setEvaluation] = useState<EvaluationResult | null>(null);
  const policy = policies.data?.[0];

  const provinceOptions = [
    ...EASTERN_PROVINCES,
    ...Object.keys(PROVINCES).filter((c) => !(EASTERN_PROVINCES as readonly string[]).includes(c)),
  ].map((c) => ({ value: c, label: PROVINCES[c] }));

  function body(v: Values) {
    const arrivals = (v.arrivals ?? []).map((a) => ({
      bankReceiptNo: a.bankReceiptNo,
      receivedOn: a.receivedOn.format('YYYY-MM-DD'),
      currency: a.currency,
      amount: wanToMinor(a.amount) ?? 0,
    }));
    return {
      policyId: policy?.id ?? '',
      kind: v.kind,
      ...(v.enterpriseId && { enterpriseId: v.enterpriseId }),
      foreignInvested: v.foreignInvested,
      registeredProvince: v.registeredProvince,
      catalogueItemId: v.catalogueItemId,
      arrivals: v.kind === 'capital_arrival' ? arrivals : [],
      hq:
        v.kind === 'regional_hq' && v.hqEstablishedOn
          ? {
              assetsUsdCents: wanToMinor(v.hqAssets) ?? 0,
              capitalCurrency: v.hqCapitalCurrency ?? 'USD',
              capitalAmount: wanToMinor(v.hqCapital) ?? 0,
              establishedOn: v.hqEstablishedOn.format('YYYY-MM-DD'),
            }
          : null,
    };
  }

  /** 测算: the same facts, computed with the trace; a refusal is said above the form like a save's. */
  const evaluating = useApiForm({
    form,
    fields: FIELDS,
    rename: RENAME,
    codeToField: CODE_FIELD,
    submit: (v: Values) => incentivesApi.evaluate(body(v)),
    onSuccess: setEvaluation,
  });
  const submitting = useApiForm({
    form,
    fields: FIELDS,
    rename: RENAME,
    codeToField: CODE_FIELD,
    confirm: () =>
      new Promise<boolean>((resolve) =>
        modal.confirm({
          title: t('inc.form.submit'),
          content: t('inc.form.submitConfirm'),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      ),
    submit: (v: Values) =>
      incentivesApi.apply({
        ...body(v),
        regionId: v.regionId,
        investorName: v.investorName || null,
        materials: (v.materials ?? [])
          .filter((m) => m.name)
          .map((m) => ({ kind: m.kind as never, name: m.name })),
      }),
    onSuccess: (created) => navigate(`/incentives/${created.id}`),
  });

  const requiredMaterials = policy?.requiredMaterials[kind] ?? [];
  return (
    <>
      <IncNav />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <FormPageShell
            title={t('inc.form.title')}
            backTo="/incentives"
            backLabel={t('inc.form.back')}
            state={submitting}
            submitLabel={t('inc.form.submit')}
            submitDisabled={!evaluation?.eligible}
            onCancel={() => navigate('/incentives')}
            testIds={{ submit: 'inc-submit' }}
            extraActions={
              <Button
                onClick={() => void evaluating.onSubmit()}
                loading={evaluating.saving}
                data-testid="inc-evaluate"
              >
                {t('inc.form.evaluate')}
              </Button>
            }
          >
            <FormAlert state={evaluating} testIds={{ error: 'inc-evaluate-error' }} />
            {policy && (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={`${policy.title}（${policy.issuer}）`}
                description={t('inc.policy.window', { from: policy.validFrom, to: policy.validTo })}
              />
            )}
            <Form
              form={form}
              name="apply"
              layout="vertical"
              onFinish={() => void submitting.onSubmit()}
              onValuesChange={(changed) => {
                // the computation was for the facts as they were
                setEvaluation(null);
                evaluating.formProps.onValuesChange(changed);
                submitting.formProps.onValuesChange(changed);
              }}
              initialValues={{
                kind: 'capital_arrival',
                foreignInvested: true,
                hqCapitalCurrency: 'USD',
                arrivals: [{ currency: 'USD' }],
                materials: [],
              }}
            >
              <Typography.Title level={5}>{t('inc.form.step.facts')}</Typography.Title>
              {!isEnterprise && (
                <Form.Item name="enterpriseId" label={t('inc.form.enterprise')} rules={[{ required: true }]}>
                  <OrgPicker withLeafUnits />
                </Form.Item>
              )}
              <Form.Item name="regionId" label={t('inc.form.region')} rules={[{ required: !isEnterprise }]}>
                {isEnterprise ? (
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    data-testid="inc-region"
                    options={(offices.data ?? [])
                      .filter((o) => o.kind !== 'city')
                      .map((o) => ({ value: o.id, label: o.name }))}
                  />
                ) : (
                  <OrgPicker />
                )}
              </Form.Item>
              <Form.Item name="kind" label={t('inc.col.kind')}>
                <Radio.Group
                  options={(policy?.kinds ?? ['capital_arrival']).map((k) => ({
                    value: k,
                    label: t(`inc.kind.${k}`),
                  }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item
                    name="foreignInvested"
                    label={t('inc.form.foreignInvested')}
                    valuePropName="checked"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item
                    name="registeredProvince"
                    label={t('inc.form.registeredProvince')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={provinceOptions}
                      data-testid="inc-province"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="investorName" label={t('inc.form.investorName')} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
              <Form.Item
                name="catalogueItemId"
                label={t('inc.form.catalogueItem')}
                rules={[{ required: true }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  data-testid="inc-catalogue"
                  options={(catalogue.data?.items ?? []).map((i) => ({
                    value: i.id,
                    label: `${i.version} · ${t(`inc.cat.part.${i.part}`)} · ${i.name}`,
                  }))}
                />
              </Form.Item>

              {kind === 'capital_arrival' ? (
                <>
                  <Typography.Title level={5}>{t('inc.form.arrivals')}</Typography.Title>
                  <ArrivalsField />
                </>
              ) : (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item
                      name="hqAssets"
                      label={t('inc.form.hq.assets')}
                      rules={[{ required: true, pattern: AMOUNT }]}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item
                      name="hqEstablishedOn"
                      label={t('inc.form.hq.establishedOn')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker disabledDate={(d) => d.isAfter(dayjs(beijingToday()), 'day')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="hqCapitalCurrency" label={t('inc.form.currency')}>
                      <Select
                        options={[
                          { value: 'USD', label: 'USD' },
                          { value: 'CNY', label: 'CNY' },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={18}>
                    <Form.Item
                      name="hqCapital"
                      label={t('inc.form.hq.capital')}
                      rules={[{ required: true, pattern: AMOUNT }]}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                </Row>
              )}

              <Typography.Title level={5}>{t('inc.form.step.materials')}</Typography.Title>
              <Form.List name="materials">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="start" wrap>
                        <Form.Item name={[f.name, 'kind']} rules={[rule.sel('inc.form.materialKind')]}>
                          <Select
                            aria-label={t('inc.form.materialKind')}
                            style={{ width: 240 }}
                            options={INCENTIVE_MATERIALS.map((m) => ({
                              value: m,
                              label: t(`inc.material.${m}`),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'name']}
                          rules={[rule.req('inc.form.materialName'), { max: 200 }]}
                        >
                          <Input
                            aria-label={t('inc.form.materialName')}
                            placeholder={t('inc.form.materialName')}
                            style={{ width: 220 }}
                          />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('common.remove')}
                        />
                      </Space>
                    ))}
                    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
                      <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })}>
                        {t('inc.form.addMaterial')}
                      </Button>
                      {requiredMaterials.length > 0 && (
                        <Button
                          onClick={() => {
                            for (const m of requiredMaterials) add({ kind: m, name: t(`inc.material.${m}`) });
                          }}
                          data-testid="inc-add-required"
                          // the list of materials wraps on a phone instead of widening the page
                          style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                        >
                          {requiredMaterials.map((m) => t(`inc.material.${m}`)).join('、')}
                        </Button>
                      )}
                    </Flex>
                  </>
                )}
              </Form.List>
            </Form>
          </FormPageShell>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('inc.trace.title')}>
            {evaluation ? (
              <TraceView evaluation={evaluation} />
            ) : (
              <Typography.Text type="secondary">{t('inc.form.evaluateFirst')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
