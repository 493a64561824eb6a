import { isWeakPassword, type OrgKind, ROLES_BY_ORG_KIND, type Role, type User } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, type PickedOrg, useApiForm } from '../../../kit';
import { userApi } from '../api';

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  orgUnitId?: string;
  roles: Role[];
  password?: string;
  phone?: string;
  email?: string;
}

const FIELDS = ['username', 'displayName', 'orgUnitId', 'roles', 'password', 'phone', 'email'];
const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;
const PHONE_RE = /^[0-9+\- ]{5,20}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

interface Props {
  mode: UserFormMode | null;
  onClose: () => void;
  onSaved: (user: User | null) => void;
}

/** 新建用户 / 编辑用户. Roles offered follow the kind of the chosen unit (ROLES_BY_ORG_KIND). */
export function UserFormModal({ mode, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [unit, setUnit] = useState<PickedOrg | undefined>();
  const [editing, setEditing] = useState<User | null>(null);
  const isCreate = mode?.kind === 'create';

  const fill = (user: User) => {
    setEditing(user);
    form.setFieldsValue({
      username: user.username,
      displayName: user.displayName,
      orgUnitId: user.orgUnitId,
      roles: user.roles,
      phone: user.phone ?? '',
      email: user.email ?? '',
    });
    setUnit({ id: user.orgUnitId, name: user.orgUnitName, kind: user.orgUnitKind });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the modal opens
  useEffect(() => {
    state.reset();
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') fill(mode.user);
    else {
      setEditing(null);
      setUnit(undefined);
    }
  }, [mode]);

  const allowedRoles: readonly Role[] = unit ? ROLES_BY_ORG_KIND[unit.kind as OrgKind] : [];

  const onUnitChange = (_id: string | undefined, picked: PickedOrg | undefined) => {
    setUnit(picked);
    const allowed = picked ? ROLES_BY_ORG_KIND[picked.kind] : [];
    const kept =
      (form.getFieldValue('roles') as Role[] | undefined)?.filter((r) => allowed.includes(r)) ?? [];
    form.setFieldValue('roles', kept.length === 0 && allowed.length === 1 ? [...allowed] : kept);
  };

  const state = useApiForm({
    form,
    fields: FIELDS,
    codeToField: { USERNAME_TAKEN: 'username', PASSWORD_WEAK: 'password', ROLE_NOT_ALLOWED: 'roles' },
    submit: async (v: Values): Promise<User | null> => {
      if (isCreate)
        return userApi.create({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          orgUnitId: v.orgUnitId ?? '',
          roles: v.roles,
          password: v.password ?? '',
          phone: blankToNull(v.phone),
          email: blankToNull(v.email),
        });
      if (!editing) return null;
      return userApi.update(editing.id, {
        version: editing.version,
        displayName: v.displayName.trim(),
        orgUnitId: v.orgUnitId,
        roles: v.roles,
        phone: blankToNull(v.phone),
        email: blankToNull(v.email),
      });
    },
    onSuccess: (saved) => {
      if (!saved) return;
      message.success(t(isCreate ? 'users.created' : 'users.saved', { name: saved.displayName }));
      onSaved(saved);
      onClose();
    },
  });

  /** After a 409: the account as it is now, in the form and in the caller's list. */
  const reload = async () => {
    if (!editing) return;
    fill(await userApi.get(editing.id));
    onSaved(null);
  };

  const req = (field: Parameters<typeof t>[0]) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: t(field) }),
  });

  return (
    <Modal
      open={!!mode}
      title={isCreate ? t('users.new') : t('users.edit')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={state.saving}
      forceRender
      width={640}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
    >
      <FormAlert state={state} onReload={reload} testIds={{ error: 'user-form-error' }} />
      <Form<Values>
        form={form}
        {...state.formProps}
        layout="vertical"
        requiredMark="optional"
        data-testid="user-form"
        autoComplete="off"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              required
              label={t('users.field.username')}
              extra={isCreate ? t('users.usernameHelp') : undefined}
              rules={
                isCreate
                  ? [
                      req('users.field.username'),
                      { pattern: USERNAME_RE, message: t('users.usernameInvalid') },
                    ]
                  : []
              }
            >
              <Input
                data-testid="user-form-username"
                disabled={!isCreate}
                maxLength={32}
                autoComplete="off"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label={t('users.field.displayName')}
              rules={[req('users.field.displayName')]}
            >
              <Input data-testid="user-form-displayName" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="orgUnitId"
          label={t('users.field.orgUnit')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('users.field.orgUnit') }) },
          ]}
        >
          <OrgPicker
            withLeafUnits
            allowClear={false}
            known={unit}
            onChange={onUnitChange}
            data-testid="user-form-orgUnit"
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.field.roles')}
          extra={unit ? t('users.rolesHelp', { kind: t(`orgKind.${unit.kind}`) }) : undefined}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('common.selectRequired', { field: t('users.field.roles') }),
            },
          ]}
        >
          <Select<Role[]>
            mode="multiple"
            data-testid="user-form-roles"
            disabled={!unit}
            placeholder={unit ? undefined : t('users.rolesPickUnitFirst')}
            options={allowedRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        {isCreate ? (
          <Form.Item
            name="password"
            label={t('users.field.password')}
            extra={t('users.passwordHelp')}
            dependencies={['username']}
            rules={[
              { required: true, message: t('common.required', { field: t('users.field.password') }) },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && isWeakPassword(value, getFieldValue('username') || undefined)) {
                    throw new Error(t('auth.changePassword.weak'));
                  }
                },
              }),
            ]}
          >
            <Input.Password data-testid="user-form-password" autoComplete="new-password" />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('users.field.phone')}
              rules={[{ pattern: PHONE_RE, message: t('users.phoneInvalid') }]}
            >
              <Input data-testid="user-form-phone" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('users.field.email')}
              rules={[{ pattern: EMAIL_RE, message: t('users.emailInvalid') }]}
            >
              <Input data-testid="user-form-email" maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
