import type { OrgUnit } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, useApiForm } from '../../../kit';
import { type CreateOrgInput, orgApi } from '../api';

export type OrgFormMode =
  | { kind: 'create'; unitKind: CreateOrgInput['kind']; parent: { id: string; name: string } }
  | { kind: 'edit'; org: OrgUnit };

interface Values {
  code?: string;
  name: string;
  shortName?: string;
  category?: string;
  creditCode?: string;
  active?: boolean;
}

const FIELDS = ['code', 'name', 'shortName', 'category', 'creditCode', 'active'];
const CODE_RE = /^[A-Za-z0-9_-]{2,32}$/;
const CREDIT_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);
const valuesOf = (org: OrgUnit): Values => ({
  name: org.name,
  shortName: org.shortName ?? '',
  category: org.category ?? '',
  creditCode: org.creditCode ?? '',
  active: org.active,
});

interface Props {
  mode: OrgFormMode | null;
  onClose: () => void;
  /** Called with the saved unit, and after a conflict (the caller reloads). */
  onSaved: (org: OrgUnit | null) => void;
}

/** Add a zone / department / enterprise under a region, or edit a unit (with its version). */
export function OrgFormModal({ mode, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<OrgUnit | null>(null);

  const unitKind = mode?.kind === 'create' ? mode.unitKind : (editing?.kind ?? null);
  const isEnterprise = unitKind === 'enterprise';

  const state = useApiForm({
    form,
    fields: FIELDS,
    codeToField: { ORG_CODE_TAKEN: 'code' },
    submit: async (v: Values): Promise<OrgUnit | null> => {
      if (mode?.kind === 'create')
        return orgApi.create({
          code: (v.code ?? '').trim(),
          name: v.name.trim(),
          shortName: blankToNull(v.shortName),
          kind: mode.unitKind,
          parentId: mode.parent.id,
          category: blankToNull(v.category),
          creditCode: isEnterprise ? blankToNull(v.creditCode?.toUpperCase()) : undefined,
        });
      if (!editing) return null;
      return orgApi.update(editing.id, {
        version: editing.version,
        name: v.name.trim(),
        shortName: blankToNull(v.shortName),
        category: blankToNull(v.category),
        ...(editing.kind === 'enterprise' ? { creditCode: blankToNull(v.creditCode?.toUpperCase()) } : {}),
        active: v.active ?? editing.active,
      });
    },
    onSuccess: (saved) => {
      if (!saved) return;
      message.success(t(mode?.kind === 'create' ? 'orgs.created' : 'orgs.updated', { name: saved.name }));
      onSaved(saved);
      onClose();
    },
  });
  const { reset } = state;

  useEffect(() => {
    reset();
    if (!mode) return;
    if (mode.kind === 'edit') {
      setEditing(mode.org);
      form.setFieldsValue(valuesOf(mode.org));
    } else {
      setEditing(null);
      form.resetFields();
    }
  }, [mode, form, reset]);

  /** After a 409: the unit as it is now, in the form and in the caller's list. */
  const reload = async () => {
    if (!editing) return;
    const fresh = await orgApi.get(editing.id);
    setEditing(fresh);
    form.setFieldsValue(valuesOf(fresh));
    onSaved(null);
  };

  const title =
    mode?.kind === 'create'
      ? t('orgs.createTitle', { parent: mode.parent.name, kind: t(`orgKind.${mode.unitKind}`) })
      : t('orgs.edit');

  const categoryHelp =
    unitKind === 'zone'
      ? t('orgs.categoryHelp.zone')
      : unitKind === 'department'
        ? t('orgs.categoryHelp.department')
        : unitKind === 'enterprise'
          ? t('orgs.categoryHelp.enterprise')
          : t('orgs.categoryHelp.region');

  return (
    <Modal
      open={!!mode}
      title={title}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={state.saving}
      forceRender
      okButtonProps={{ 'data-testid': 'org-form-submit' } as ButtonProps}
    >
      <FormAlert state={state} onReload={reload} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        data-testid="org-form"
        {...state.formProps}
      >
        {mode?.kind === 'create' ? (
          <Form.Item
            name="code"
            label={t('orgs.field.code')}
            extra={t('orgs.codeHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('orgs.field.code') }) },
              { pattern: CODE_RE, message: t('orgs.codeInvalid') },
            ]}
          >
            <Input data-testid="org-form-code" maxLength={32} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('orgs.field.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('orgs.field.name') }),
            },
          ]}
        >
          <Input data-testid="org-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('orgs.field.shortName')}>
          <Input data-testid="org-form-shortName" maxLength={50} />
        </Form.Item>
        <Form.Item name="category" label={t('orgs.field.category')} extra={categoryHelp}>
          <Input data-testid="org-form-category" maxLength={50} />
        </Form.Item>
        {isEnterprise ? (
          <Form.Item
            name="creditCode"
            label={t('orgs.field.creditCode')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ pattern: CREDIT_RE, message: t('orgs.creditCodeInvalid') }]}
          >
            <Input data-testid="org-form-creditCode" maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        ) : null}
        {mode?.kind === 'edit' ? (
          <Form.Item name="active" label={t('orgs.activeSwitch')} valuePropName="checked">
            <Switch data-testid="org-form-active" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
