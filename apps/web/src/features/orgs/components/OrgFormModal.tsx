import type { OrgUnit } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors } from '../../../kit';
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<OrgUnit | null>(null);

  const unitKind = mode?.kind === 'create' ? mode.unitKind : (editing?.kind ?? null);
  const isEnterprise = unitKind === 'enterprise';

  useEffect(() => {
    setError(null);
    if (!mode) return;
    if (mode.kind === 'edit') {
      setEditing(mode.org);
      form.setFieldsValue({
        name: mode.org.name,
        shortName: mode.org.shortName ?? '',
        category: mode.org.category ?? '',
        creditCode: mode.org.creditCode ?? '',
        active: mode.org.active,
      });
    } else {
      setEditing(null);
      form.resetFields();
    }
  }, [mode, form]);

  const reloadAfterConflict = async (id: string) => {
    try {
      const fresh = await orgApi.get(id);
      setEditing(fresh);
      form.setFieldsValue({
        name: fresh.name,
        shortName: fresh.shortName ?? '',
        category: fresh.category ?? '',
        creditCode: fresh.creditCode ?? '',
        active: fresh.active,
      });
      message.info(t('orgs.conflictReloaded'));
    } catch {
      // the error already shown is enough
    }
    onSaved(null);
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
    try {
      let saved: OrgUnit;
      if (mode?.kind === 'create') {
        saved = await orgApi.create({
          code: (v.code ?? '').trim(),
          name: v.name.trim(),
          shortName: blankToNull(v.shortName),
          kind: mode.unitKind,
          parentId: mode.parent.id,
          category: blankToNull(v.category),
          creditCode: isEnterprise ? blankToNull(v.creditCode?.toUpperCase()) : undefined,
        });
        message.success(t('orgs.created', { name: saved.name }));
      } else if (editing) {
        saved = await orgApi.update(editing.id, {
          version: editing.version,
          name: v.name.trim(),
          shortName: blankToNull(v.shortName),
          category: blankToNull(v.category),
          ...(editing.kind === 'enterprise' ? { creditCode: blankToNull(v.creditCode?.toUpperCase()) } : {}),
          active: v.active ?? editing.active,
        });
        message.success(t('orgs.updated', { name: saved.name }));
      } else {
        return;
      }
      onSaved(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && editing) {
        setError(e.message);
        await reloadAfterConflict(editing.id);
      } else if (!applyFieldErrors(form, e, FIELDS, { ORG_CODE_TAKEN: 'code' })) {
        setError(e instanceof ApiError ? e.message : t('error.unknown'));
      }
    } finally {
      setSaving(false);
    }
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
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      okButtonProps={{ 'data-testid': 'org-form-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" data-testid="org-form">
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
