import type { Official, OrgKind } from '@yingshang/contracts';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, type PickedOrg, useApiForm } from '../../../kit';
import { officialApi } from '../api';

interface Values {
  name: string;
  post: string;
  orgUnitId?: string;
  main: boolean;
  active: boolean;
}
const FIELDS = ['name', 'post', 'orgUnitId', 'main', 'active'] as const;
const valuesOf = (o: Official): Values => ({
  name: o.name,
  post: o.post,
  orgUnitId: o.orgUnitId,
  main: o.main,
  active: o.active,
});

/** 登记领导 / 修改领导: an official of a province, city, county or zone. */
export function OfficialFormModal({
  open,
  official,
  onClose,
  onSaved,
}: {
  open: boolean;
  official?: Official | null;
  onClose: () => void;
  onSaved: (o: Official) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<OrgKind | undefined>();
  /** The official as last read (a reload after a 409 replaces it, and its version). */
  const [current, setCurrent] = useState<Official | null>(null);

  const state = useApiForm({
    form,
    fields: FIELDS,
    codeToField: { OFFICIAL_UNIT_INVALID: 'orgUnitId' },
    submit: (v: Values) => {
      const body = {
        name: v.name.trim(),
        post: v.post.trim(),
        orgUnitId: v.orgUnitId ?? '',
        main: v.main,
        active: v.active,
      };
      return current
        ? officialApi.update(current.id, { ...body, version: current.version })
        : officialApi.create(body);
    },
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    },
  });
  const { reset } = state;

  useEffect(() => {
    if (!open) return;
    reset();
    form.resetFields();
    setCurrent(official ?? null);
    if (official) form.setFieldsValue(valuesOf(official));
  }, [open, official, form, reset]);

  /** After a 409: the official as the other user saved it, in the form and in the register. */
  const reload = async () => {
    if (!current) return;
    const fresh = await officialApi.get(current.id);
    setCurrent(fresh);
    form.setFieldsValue(valuesOf(fresh));
    onSaved(fresh);
  };

  return (
    <Modal
      open={open}
      title={official ? t('activity.official.editTitle') : t('activity.official.newTitle')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      okText={t('common.save')}
      confirmLoading={state.saving}
      okButtonProps={{ 'data-testid': 'official-form-submit' } as never}
      destroyOnHidden
    >
      <FormAlert state={state} onReload={reload} />
      <Form<Values>
        form={form}
        {...state.formProps}
        layout="vertical"
        initialValues={{ main: false, active: true }}
        data-testid="official-form"
      >
        <Form.Item
          name="name"
          label={t('activity.official.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('activity.official.name') }),
            },
          ]}
        >
          <Input maxLength={64} data-testid="official-form-name" />
        </Form.Item>
        <Form.Item
          name="post"
          label={t('activity.official.post')}
          extra={t('activity.official.postHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('activity.official.post') }),
            },
          ]}
        >
          <Input maxLength={64} data-testid="official-form-post" />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('activity.official.unit')}
          extra={t('activity.official.unitHelp')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('activity.official.unit') }) },
            {
              validator: async () => {
                if (kind && !['province', 'city', 'county', 'zone'].includes(kind))
                  throw new Error(t('activity.official.unitKind'));
              },
            },
          ]}
        >
          <OrgPicker
            allowClear={false}
            known={
              official
                ? ({ id: official.orgUnitId, name: official.orgUnitName, kind: official.level } as PickedOrg)
                : undefined
            }
            onChange={(_id, picked) => setKind(picked?.kind)}
            data-testid="official-form-unit"
          />
        </Form.Item>
        <Form.Item
          name="main"
          label={t('activity.official.main')}
          extra={t('activity.official.mainHelp')}
          valuePropName="checked"
        >
          <Switch data-testid="official-form-main" />
        </Form.Item>
        <Form.Item name="active" label={t('activity.official.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
