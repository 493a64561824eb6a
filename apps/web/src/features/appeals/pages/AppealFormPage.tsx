import { APPEAL_CHANNELS, APPEAL_URGENCIES } from '@yingshang/contracts';
import { App, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormPageShell, projectLookupApi, useApiForm, useRemoteSearch } from '../../../kit';
import { appealApi, type NewAppeal } from '../api';
import { AppealsNav } from '../components/AppealsNav';
import { EnterpriseSelect } from '../components/EnterpriseSelect';
import { useCategories } from '../hooks/use-categories';

const FIELDS = [
  'channel',
  'category',
  'urgency',
  'title',
  'description',
  'enterpriseId',
  'regionId',
  'projectId',
  'contactName',
  'contactPhone',
  'anonymous',
];
const CODE_FIELD = {
  APPEAL_CATEGORY_UNKNOWN: 'category',
  APPEAL_CHANNEL_INVALID: 'channel',
  APPEAL_OFFICE_INVALID: 'regionId',
  APPEAL_ENTERPRISE_INVALID: 'enterpriseId',
  PROJECT_NOT_FOUND: 'projectId',
};

/**
 * Filing an appeal: the enterprise's portal form (online or 项目直通车), or staff registering a
 * window, hotline or 12345 appeal on an enterprise's behalf.
 */
export function AppealFormPage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewAppeal>();
  const enterprise = me?.user.orgUnit.kind === 'enterprise';
  const { options: categoryOptions } = useCategories();
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);

  const projects = useRemoteSearch((q) =>
    projectLookupApi.list({ q: q || undefined, pageSize: 30 }).then((p) => p.items),
  );

  useEffect(() => {
    appealApi
      .offices()
      .then((list) => setOffices(list.map((o) => ({ value: o.id, label: o.name }))))
      .catch(() => setOffices([]));
  }, []);

  const channels = enterprise
    ? (['portal', 'express'] as const)
    : APPEAL_CHANNELS.filter((c) => c !== 'portal' && c !== 'meeting');

  const state = useApiForm({
    form,
    fields: FIELDS,
    codeToField: CODE_FIELD,
    submit: (values: NewAppeal) =>
      appealApi.create({
        ...values,
        regionId: values.regionId || null,
        projectId: values.projectId || null,
        contactName: values.contactName?.trim() || null,
        contactPhone: values.contactPhone?.trim() || null,
      }),
    onSuccess: (created) => {
      message.success(t('appeal.form.created', { code: created.code }));
      navigate(`/appeals/${created.id}`);
    },
  });

  const label = (key: Parameters<typeof t>[0]) => t(key);
  const required = (key: Parameters<typeof t>[0], select = false) => [
    {
      required: true,
      whitespace: !select,
      message: select
        ? t('common.selectRequired', { field: t(key) })
        : t('common.required', { field: t(key) }),
    },
  ];

  return (
    <>
      <AppealsNav />
      <FormPageShell
        title={enterprise ? t('appeal.form.portalTitle') : t('appeal.form.intakeTitle')}
        backTo="/appeals"
        backLabel={t('appeal.form.back')}
        state={state}
        submitLabel={t('appeal.form.submit')}
        onCancel={() => navigate('/appeals')}
        testIds={{ submit: 'appeal-form-submit' }}
      >
        <Form<NewAppeal>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{ channel: enterprise ? 'portal' : 'window', urgency: 'normal', anonymous: false }}
          onFinish={() => void state.onSubmit()}
          {...state.formProps}
          data-testid="appeal-form"
        >
          <Form.Item
            name="channel"
            label={label('appeal.form.channel')}
            rules={required('appeal.form.channel', true)}
          >
            <Radio.Group data-testid="appeal-form-channel">
              {channels.map((c) => (
                <Radio.Button key={c} value={c}>
                  {t(`appeal.channel.${c}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {enterprise ? null : (
            <Form.Item
              name="enterpriseId"
              label={label('appeal.form.enterprise')}
              rules={required('appeal.form.enterprise', true)}
            >
              <EnterpriseSelect data-testid="appeal-form-enterpriseId" />
            </Form.Item>
          )}
          <Space size={16} wrap style={{ display: 'flex' }}>
            <Form.Item
              name="category"
              label={label('appeal.form.category')}
              rules={required('appeal.form.category', true)}
              style={{ minWidth: 220 }}
            >
              <Select options={categoryOptions} data-testid="appeal-form-category" />
            </Form.Item>
            <Form.Item name="urgency" label={label('appeal.form.urgency')}>
              <Radio.Group>
                {APPEAL_URGENCIES.map((u) => (
                  <Radio key={u} value={u}>
                    {t(`appeal.urgency.${u}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="regionId"
              label={label('appeal.form.office')}
              style={{ minWidth: 240 }}
              tooltip={t('appeal.form.officeHint')}
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={offices}
                data-testid="appeal-form-regionId"
              />
            </Form.Item>
          </Space>
          {!enterprise && can('projects.read') ? (
            <Form.Item name="projectId" label={label('appeal.form.project')}>
              <Select
                allowClear
                showSearch
                filterOption={false}
                onSearch={projects.onSearch}
                onOpenChange={projects.onOpenChange}
                loading={projects.loading}
                options={projects.items.map((p) => ({ value: p.id, label: `${p.name}（${p.regionName}）` }))}
                data-testid="appeal-form-projectId"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="title" label={label('appeal.form.title')} rules={required('appeal.form.title')}>
            <Input maxLength={200} showCount data-testid="appeal-form-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={label('appeal.form.description')}
            rules={required('appeal.form.description')}
          >
            <Input.TextArea rows={6} maxLength={4000} showCount data-testid="appeal-form-description" />
          </Form.Item>
          <Space size={16} wrap style={{ display: 'flex' }}>
            <Form.Item name="contactName" label={label('appeal.form.contactName')}>
              <Input maxLength={64} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={label('appeal.form.contactPhone')}
              rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('appeal.form.phoneInvalid') }]}
            >
              <Input maxLength={20} style={{ width: 220 }} inputMode="tel" />
            </Form.Item>
          </Space>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox data-testid="appeal-form-anonymous">{t('appeal.form.anonymous')}</Checkbox>
          </Form.Item>
        </Form>
      </FormPageShell>
    </>
  );
}
