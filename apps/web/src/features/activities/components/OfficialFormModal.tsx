import type { Official, OrgKind } from '@yingshang/contracts';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFormErrors, OrgPicker, type PickedOrg } from '../../../kit';
import { officialApi } from '../api';

interface Values {
  name: string;
  post: string;
  orgUnitId?: string;
  main: boolean;
  active: boolean;
}

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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<OrgKind | undefined>();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (official)
      form.setFieldsValue({
        name: official.name,
        post: official.post,
        orgUnitId: official.orgUnitId,
        main: official.main,
        active: official.active,
      });
  }, [open, official, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: v.name.trim(),
        post: v.post.trim(),
        orgUnitId: v.orgUnitId ?? '',
        main: v.main,
        active: v.active,
      };
      const saved = official
        ? await officialApi.update(official.id, { ...body, version: official.version })
        : await officialApi.create(body);
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    } catch (e) {
      applyFormErrors(form, e, ['name', 'post', 'orgUnitId', 'main', 'active'], {
        OFFICIAL_UNIT_INVALID: 'orgUnitId',
      });
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={official ? t('activity.official.editTitle') : t('activity.official.newTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'official-form-submit' } as never}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
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
