import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ROLES, type Role, type User } from '@yingshang/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth, useMe } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, OrgPicker } from '../../../kit';
import { userApi } from '../api';
import { TempPasswordModal } from '../components/TempPasswordModal';
import { UserFormModal, type UserFormMode } from '../components/UserFormModal';
import { UserStatusTag } from '../components/UserStatusTag';

const STATUSES = ['active', 'disabled', 'locked'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZES = [20, 50, 100];

export function UsersPage() {
  const { t, formatNumber, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const me = useMe();
  const { can } = useAuth();
  const canManage = can('users.manage');
  const [params, setParams] = useSearchParams();

  const q = params.get('q') ?? '';
  const org = params.get('org') ?? undefined;
  const roleParam = params.get('role');
  const role =
    roleParam && (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
  const statusParam = params.get('status');
  const status = STATUSES.find((s) => s === statusParam);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;

  const [searchText, setSearchText] = useState(q);
  useEffect(() => setSearchText(q), [q]);

  const [formMode, setFormMode] = useState<UserFormMode | null>(null);
  const [tempPassword, setTempPassword] = useState<{ name: string; password: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const list = useRequest(
    () =>
      userApi.list({
        q: q || undefined,
        orgUnitId: org,
        role,
        status,
        page,
        pageSize,
      }),
    [q, org, role, status, page, pageSize],
  );

  /** Writes filters to the URL; any filter change returns to page 1. */
  const update = (next: Record<string, string | number | undefined>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20))
        p.delete(k);
      else p.set(k, String(v));
    }
    if (!keepPage) p.delete('page');
    setParams(p);
  };

  const run = async (u: User, fn: () => Promise<unknown>, done?: string) => {
    setBusyId(u.id);
    try {
      await fn();
      if (done) message.success(done);
      await list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') await list.reload();
    } finally {
      setBusyId(null);
    }
  };

  const resetPassword = (u: User) =>
    run(u, async () => {
      const r = await userApi.resetPassword(u.id);
      setTempPassword({ name: u.displayName, password: r.temporaryPassword });
    });

  const toggleDisabled = (u: User) =>
    run(
      u,
      () => userApi.update(u.id, { version: u.version, disabled: !u.disabled }),
      t(u.disabled ? 'users.enabledDone' : 'users.disabledDone', { name: u.displayName }),
    );

  const columns: ColumnsType<User> = [
    { title: t('users.col.username'), dataIndex: 'username', width: 130, ellipsis: true },
    { title: t('users.col.displayName'), dataIndex: 'displayName', width: 150, ellipsis: true },
    { title: t('users.col.unit'), dataIndex: 'orgUnitName', ellipsis: true },
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      width: en ? 210 : 190,
      render: (roles: Role[]) => (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color="blue" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.col.status'),
      key: 'status',
      width: en ? 150 : 130,
      render: (_, u) => <UserStatusTag user={u} />,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) =>
        v ? (
          formatDateTime(v)
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: en ? 240 : 180,
            fixed: 'right' as const,
            render: (_: unknown, u: User) => {
              const self = u.id === me.user.id;
              const busy = busyId === u.id;
              return (
                <Space size={0} wrap={false} className="row-actions">
                  <Button
                    size="small"
                    type="link"
                    data-testid={`user-edit-${u.username}`}
                    onClick={() => setFormMode({ kind: 'edit', user: u })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('users.resetPassword')}
                    description={
                      <div style={{ maxWidth: 280 }}>{t('users.resetConfirm', { name: u.displayName })}</div>
                    }
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => {
                      void resetPassword(u);
                    }}
                  >
                    <Button size="small" type="link" loading={busy} data-testid={`user-reset-${u.username}`}>
                      {t('users.resetPassword')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={u.disabled ? t('users.enable') : t('users.disable')}
                    description={
                      <div style={{ maxWidth: 280 }}>
                        {t(u.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
                          name: u.displayName,
                        })}
                      </div>
                    }
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: !u.disabled }}
                    onConfirm={() => {
                      void toggleDisabled(u);
                    }}
                    disabled={self}
                  >
                    <Button
                      size="small"
                      type="link"
                      danger={!u.disabled}
                      disabled={self}
                      data-testid={`user-toggle-${u.username}`}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  const filtered = !!(q || org || role || status);

  return (
    <Card
      title={t('users.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="user-new"
            onClick={() => setFormMode({ kind: 'create' })}
          >
            {t('users.new')}
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap className="filter-bar" data-testid="users-filter">
        <Input.Search
          aria-label={t('users.searchPlaceholder')}
          allowClear
          style={{ width: 220 }}
          placeholder={t('users.searchPlaceholder')}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            if (!e.target.value && q) update({ q: undefined });
          }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          data-testid="users-search"
        />
        <OrgPicker
          withLeafUnits
          value={org}
          onChange={(id) => update({ org: id })}
          placeholder={t('users.filter.unit')}
          style={{ width: 240 }}
          popupWidth={360}
          data-testid="users-filter-unit"
        />
        <Select<Role>
          aria-label={t('users.filter.role')}
          allowClear
          style={{ width: 200 }}
          placeholder={t('users.filter.role')}
          value={role}
          onChange={(v) => update({ role: v })}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          data-testid="users-filter-role"
        />
        <Select<Status>
          aria-label={t('users.filter.status')}
          allowClear
          style={{ width: 130 }}
          placeholder={t('users.filter.status')}
          value={status}
          onChange={(v) => update({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          data-testid="users-filter-status"
        />
        <Button onClick={() => setParams(new URLSearchParams())} disabled={!filtered}>
          {t('common.reset')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.reload()}
          aria-label={t('common.refresh')}
        />
      </Flex>
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        tableLayout="fixed"
        scroll={{ x: 1100 }}
        locale={{
          emptyText: list.error ? (
            <Empty description={t('error.loadFailed', { message: list.error.message })} />
          ) : (
            <Empty description={canManage ? t('users.empty') : t('users.emptyReadOnly')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (p, s) => update({ page: s !== pageSize ? 1 : p, pageSize: s }, true),
        }}
      />
      <UserFormModal mode={formMode} onClose={() => setFormMode(null)} onSaved={() => void list.reload()} />
      <TempPasswordModal result={tempPassword} onClose={() => setTempPassword(null)} />
    </Card>
  );
}
