import type { ProjectDetail } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  ApiError,
  applyFormErrors,
  beijingToday,
  type ChildField,
  ChildRecordsTab,
  formatDate,
  formatPercent,
  OccurredOnPicker,
  OrgPicker,
  ratio,
} from '../../../kit';
import { projectApi } from '../api';
import type { ProjectPromise, PromiseStatus } from '../model';
import { knownResponsibleOrg } from './responsible-org';

const STATUS_COLOR: Record<PromiseStatus, string> = {
  pending: 'gold',
  fulfilled: 'green',
  cancelled: 'default',
};

interface TabProps {
  project: ProjectDetail;
  canWrite: boolean;
  onChanged: (p: ProjectDetail) => void;
  onStale: () => void;
}

export function PromiseStatusTag({ promise }: { promise: ProjectPromise }) {
  const { t } = useI18n();
  if (promise.status === 'pending' && promise.overdue)
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('promise.overdue')}
      </Tag>
    );
  return (
    <Tag color={STATUS_COLOR[promise.status]} style={{ marginInlineEnd: 0 }}>
      {t(`promise.status.${promise.status}`)}
    </Tag>
  );
}

/** 招商承诺: what the agreement promised, by when; overdue ones in red; fulfilled with evidence. */
export function PromisesTab({ project, canWrite, onChanged, onStale }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [fulfilling, setFulfilling] = useState<ProjectPromise | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const cancelPromise = async (p: ProjectPromise) => {
    setBusy(p.id);
    try {
      onChanged(
        await projectApi.updatePromise(project.id, p.id, { version: p.version, status: 'cancelled' }),
      );
      message.success(t('promise.cancelledDone'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<ProjectPromise> = [
    { title: t('promise.col.content'), dataIndex: 'content', width: 260, ellipsis: true },
    {
      title: t('promise.col.responsible'),
      dataIndex: 'responsibleOrgName',
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('promise.col.dueOn'),
      dataIndex: 'dueOn',
      width: 110,
      className: 'num-cell',
      render: (v: string, p) => (
        <span style={p.overdue && p.status === 'pending' ? { color: '#cf1322', fontWeight: 600 } : undefined}>
          {formatDate(v)}
        </span>
      ),
    },
    {
      title: t('promise.col.status'),
      key: 'status',
      width: 110,
      render: (_, p) => <PromiseStatusTag promise={p} />,
    },
    {
      title: t('promise.col.fulfilledOn'),
      dataIndex: 'fulfilledOn',
      width: 110,
      className: 'num-cell',
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('promise.col.evidence'),
      dataIndex: 'evidence',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
  ];

  const fields: ChildField<Values, ProjectPromise>[] = [
    {
      name: 'content',
      label: t('promise.col.content'),
      extra: t('promise.contentHelp'),
      rules: [
        {
          required: true,
          whitespace: true,
          message: t('common.required', { field: t('promise.col.content') }),
        },
      ],
      render: () => (
        <Input.TextArea
          data-testid="promise-form-content"
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      ),
    },
    {
      name: 'responsibleOrgId',
      label: t('promise.col.responsible'),
      rules: [
        { required: true, message: t('common.selectRequired', { field: t('promise.col.responsible') }) },
      ],
      span: 14,
      render: ({ row }) => (
        <OrgPicker
          withLeafUnits
          known={knownResponsibleOrg(row)}
          data-testid="promise-form-responsibleOrgId"
        />
      ),
    },
    {
      name: 'dueOn',
      label: t('promise.col.dueOn'),
      span: 10,
      rules: [{ required: true, message: t('common.selectRequired', { field: t('promise.col.dueOn') }) }],
      render: () => (
        <DatePicker data-testid="promise-form-dueOn" format="YYYY-MM-DD" style={{ width: '100%' }} />
      ),
    },
  ];
  const body = (v: Values) => ({
    content: v.content.trim(),
    responsibleOrgId: v.responsibleOrgId ?? '',
    dueOn: (v.dueOn ?? dayjs()).format('YYYY-MM-DD'),
  });

  const due = project.promises.filter(
    (p) => p.status !== 'cancelled' && (p.overdue || p.status === 'fulfilled'),
  );
  const kept = project.promises.filter((p) => p.status === 'fulfilled').length;
  const overdue = project.promises.filter((p) => p.status === 'pending' && p.overdue).length;
  return (
    <ChildRecordsTab<ProjectPromise, Values, ProjectDetail>
      testId="promise"
      rows={project.promises}
      rowKey="id"
      columns={columns}
      canWrite={canWrite}
      fields={fields}
      canEdit={(p) => p.status === 'pending'}
      toValues={(p) => ({ content: p.content, responsibleOrgId: p.responsibleOrgId, dueOn: dayjs(p.dueOn) })}
      create={(v) => projectApi.addPromise(project.id, body(v))}
      update={(p, v) => projectApi.updatePromise(project.id, p.id, { ...body(v), version: p.version })}
      onSaved={onChanged}
      onStale={onStale}
      codeToField={{ ORG_NOT_FOUND: 'responsibleOrgId' }}
      rowActions={(p) =>
        p.status === 'pending' ? (
          <>
            <Button
              size="small"
              type="link"
              onClick={() => setFulfilling(p)}
              data-testid={`promise-fulfil-${p.id}`}
            >
              {t('promise.fulfil')}
            </Button>
            <Popconfirm
              title={t('promise.cancel')}
              description={<div style={{ maxWidth: 260 }}>{t('promise.cancelConfirm')}</div>}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void cancelPromise(p)}
            >
              <Button size="small" type="link" danger loading={busy === p.id}>
                {t('promise.cancel')}
              </Button>
            </Popconfirm>
          </>
        ) : null
      }
      addLabel={t('promise.add')}
      editLabel={t('promise.edit')}
      summary={t('promise.summary', {
        total: project.promises.length,
        kept,
        overdue,
        rate: formatPercent(ratio(kept, due.length)),
      })}
      emptyText={canWrite ? t('promise.empty') : t('promise.emptyReadOnly')}
      rowClassName={(p) => (p.overdue && p.status === 'pending' ? 'row-blocking' : '')}
    >
      <FulfilModal
        project={project}
        promise={fulfilling}
        onClose={() => setFulfilling(null)}
        onSaved={onChanged}
        onStale={onStale}
      />
    </ChildRecordsTab>
  );
}

interface Values {
  content: string;
  responsibleOrgId?: string | null;
  dueOn?: Dayjs;
}

interface ModalProps {
  project: ProjectDetail;
  onClose: () => void;
  onSaved: (p: ProjectDetail) => void;
  onStale: () => void;
}

function FulfilModal({
  project,
  promise,
  onClose,
  onSaved,
  onStale,
}: ModalProps & { promise: ProjectPromise | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence: string; fulfilledOn?: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!promise) return;
    form.resetFields();
    form.setFieldsValue({ fulfilledOn: dayjs(beijingToday()) });
    setError(null);
  }, [promise, form]);

  const submit = async () => {
    if (!promise) return;
    let v: { evidence: string; fulfilledOn?: Dayjs };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await projectApi.updatePromise(project.id, promise.id, {
        version: promise.version,
        status: 'fulfilled',
        // the day it was kept (补录 an earlier day), not the day it is recorded
        fulfilledOn: v.fulfilledOn?.format('YYYY-MM-DD'),
        evidence: v.evidence.trim(),
      });
      message.success(t('promise.fulfilledDone'));
      onSaved(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
      applyFormErrors(form, e, ['evidence', 'fulfilledOn']);
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!promise}
      title={t('promise.fulfil')}
      onCancel={onClose}
      onOk={submit}
      okText={t('promise.fulfil')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={560}
      okButtonProps={{ 'data-testid': 'promise-fulfil-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {promise ? <Alert type="info" title={promise.content} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item name="fulfilledOn" label={t('promise.col.fulfilledOn')}>
          <OccurredOnPicker allowClear={false} style={{ width: 200 }} data-testid="promise-fulfil-date" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('promise.col.evidence')}
          extra={t('promise.evidenceHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('promise.col.evidence') }),
            },
          ]}
        >
          <Input.TextArea
            data-testid="promise-fulfil-evidence"
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
