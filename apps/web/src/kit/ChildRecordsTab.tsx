import { PlusOutlined } from '@ant-design/icons';
import type { ButtonProps, FormInstance } from 'antd';
import {
  Alert,
  App,
  Button,
  Col,
  Empty,
  Flex,
  Form,
  Modal,
  Popconfirm,
  Row,
  Space,
  Table,
  Tooltip,
} from 'antd';
import type { Rule } from 'antd/es/form';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../app/i18n/i18n-context';
import { useApiForm } from './use-api-form';

/** One field of the add / edit dialog. */
export interface ChildField<V, T = unknown> {
  name: keyof V & string;
  label: string;
  /** The control (its own test id); `ctx.values` are the dialog's current values. */
  render: (ctx: { values: Partial<V>; editing: boolean; row: T | null }) => ReactNode;
  rules?: Rule[];
  extra?: ReactNode;
  /** Of 24 columns on a wide screen (always the full width on a phone). */
  span?: number;
  required?: boolean;
}

export interface ChildRecordsTabProps<T, V, P> {
  /** Prefix of the test ids: `${testId}-add`, `-table`, `-form-submit`, `-edit-${id}`, `-delete-${id}`. */
  testId: string;
  rows: T[];
  rowKey: keyof T & string;
  columns: ColumnsType<T>;
  canWrite: boolean;
  /** The dialog's fields; absent: no add / edit. */
  fields?: ChildField<V, T>[];
  initialValues?: Partial<V>;
  /** An edited row's values in the dialog. */
  toValues?: (row: T) => Partial<V>;
  create?: (values: V) => Promise<P>;
  /** Sends the row's `version` with the change: a stale one is refused (409). */
  update?: (row: T, values: V) => Promise<P>;
  remove?: (row: T) => Promise<P>;
  canEdit?: (row: T) => boolean;
  canDelete?: (row: T) => boolean;
  /** The parent (or list) as the API answers after a change. */
  onSaved: (result: P) => void;
  /** Someone else changed the record: reload the parent. */
  onStale: () => void;
  /** Row actions beyond edit / delete (办结, 兑现). */
  rowActions?: (row: T) => ReactNode;
  /** Whole-error codes shown at a field of the dialog. */
  codeToField?: Record<string, string>;
  addLabel: string;
  editLabel: string;
  /** Why adding is not possible now (the add button disabled with this hint). */
  addBlocked?: string | null;
  /** Above the table, left: the summary (default 共 N 条). */
  summary?: ReactNode;
  emptyText: ReactNode;
  rowClassName?: (row: T) => string;
  modalWidth?: number;
  /** Extra dialogs of the tab (fulfil, …). */
  children?: ReactNode;
}

/**
 * The records under a parent (要素保障 / 招商承诺 / 到位资金 and their likes): a small table with the
 * total, add and edit in a dialog built from a field spec (API errors at their fields, a stale
 * version said and the parent reloaded), delete after a confirmation.
 */
export function ChildRecordsTab<T extends object, V extends object, P>(props: ChildRecordsTabProps<T, V, P>) {
  const {
    testId,
    rows,
    rowKey,
    columns,
    canWrite,
    fields,
    update,
    create,
    remove,
    canEdit = () => true,
    canDelete = () => true,
    onSaved,
    onStale,
    rowActions,
    addLabel,
    addBlocked,
    summary,
    emptyText,
    rowClassName,
    children,
  } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const idOf = (r: T) => String(r[rowKey]);

  const doRemove = async (r: T) => {
    if (!remove) return;
    setBusy(idOf(r));
    try {
      onSaved(await remove(r));
      message.success(t('kit.child.deleted'));
    } catch (e) {
      const err = e as { code?: string; message?: string };
      message.error(err.message ?? t('error.unknown'));
      if (err.code === 'VERSION_CONFLICT') onStale();
    } finally {
      setBusy(null);
    }
  };

  const editable = canWrite && !!fields && !!update;
  const withActions = canWrite && (editable || !!remove || !!rowActions);
  const allColumns: ColumnsType<T> = [
    ...columns,
    ...(withActions
      ? [
          {
            title: t('kit.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, r: T) => (
              <Space size={0} wrap className="row-actions">
                {editable && canEdit(r) ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setEditing(r)}
                    data-testid={`${testId}-edit-${idOf(r)}`}
                  >
                    {t('kit.child.edit')}
                  </Button>
                ) : null}
                {rowActions?.(r)}
                {remove && canDelete(r) ? (
                  <Popconfirm
                    title={t('kit.child.deleteConfirm')}
                    okText={t('kit.ok')}
                    cancelText={t('kit.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void doRemove(r)}
                  >
                    <Button
                      size="small"
                      type="link"
                      danger
                      loading={busy === idOf(r)}
                      data-testid={`${testId}-delete-${idOf(r)}`}
                    >
                      {t('kit.child.delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div data-testid={`${testId}-summary`}>{summary ?? t('kit.child.total', { total: rows.length })}</div>
        {canWrite && fields && create ? (
          <Tooltip title={addBlocked || null}>
            <Button
              icon={<PlusOutlined />}
              type="primary"
              ghost
              disabled={!!addBlocked}
              onClick={() => setEditing('new')}
              data-testid={`${testId}-add`}
            >
              {addLabel}
            </Button>
          </Tooltip>
        ) : null}
      </Flex>
      <div className="kit-table-box">
        <Table<T>
          data-testid={`${testId}-table`}
          rowKey={rowKey}
          size="small"
          columns={allColumns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={rowClassName}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
      </div>
      {fields ? (
        <ChildFormModal {...props} fields={fields} editing={editing} onClose={() => setEditing(null)} />
      ) : null}
      {children}
    </Flex>
  );
}

function ChildFormModal<T extends object, V extends object, P>({
  testId,
  fields,
  initialValues,
  toValues,
  create,
  update,
  onSaved,
  onStale,
  codeToField,
  addLabel,
  editLabel,
  modalWidth = 600,
  editing,
  onClose,
}: ChildRecordsTabProps<T, V, P> & {
  fields: ChildField<V, T>[];
  editing: T | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const values = (Form.useWatch([], form) ?? {}) as Partial<V>;
  const existing = editing && editing !== 'new' ? editing : null;

  const state = useApiForm<V, P>({
    form: form as FormInstance<V>,
    fields: fields.map((f) => f.name),
    codeToField,
    submit: (v) => {
      if (existing && update) return update(existing, v);
      if (create) return create(v);
      return Promise.reject(new Error('no create'));
    },
    onSuccess: (saved) => {
      message.success(t('kit.child.saved'));
      onSaved(saved);
      onClose();
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog resets when it opens
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    state.clearError();
    state.clearConflict();
    if (editing !== 'new' && toValues)
      form.setFieldsValue(toValues(editing) as Parameters<typeof form.setFieldsValue>[0]);
  }, [editing, form]);

  useEffect(() => {
    if (state.conflict) onStale();
  }, [state.conflict, onStale]);

  return (
    <Modal
      open={!!editing}
      title={existing ? editLabel : addLabel}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      okText={t('kit.save')}
      cancelText={t('kit.cancel')}
      confirmLoading={state.saving}
      forceRender
      width={modalWidth}
      okButtonProps={{ 'data-testid': `${testId}-form-submit` } as ButtonProps}
    >
      {state.conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('kit.conflict.title')}
          description={t('kit.conflict.reloaded')}
          style={{ marginBottom: 16 }}
        />
      ) : state.error ? (
        <Alert type="error" showIcon title={state.error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark="optional"
        autoComplete="off"
        initialValues={initialValues as Parameters<typeof form.setFieldsValue>[0]}
        {...state.formProps}
      >
        <Row gutter={16}>
          {fields.map((f) => (
            <Col key={f.name} xs={24} sm={f.span ?? 24}>
              <Form.Item
                name={f.name as string}
                label={f.label}
                rules={f.rules}
                extra={f.extra}
                required={f.required}
              >
                {f.render({ values, editing: !!existing, row: existing })}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
