import { PlusOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { projectApi } from '../../../app/api/endpoints';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFormErrors, formatDate, OrgPicker } from '../../../kit';
import {
  FACTOR_KINDS,
  FACTOR_UNIT_KEYS,
  type FactorKind,
  type FactorNeed,
  type FactorStatus,
} from '../model';
import { knownResponsibleOrg } from './responsible-org';

const STATUS_COLOR: Record<FactorStatus, string> = { needed: 'gold', in_progress: 'blue', met: 'green' };
const QUANTITY_RE = /^\d{1,12}(\.\d{1,4})?$/;

interface Values {
  kind?: FactorKind;
  quantity?: string;
  description?: string;
  responsibleOrgId?: string | null;
  dueOn?: Dayjs | null;
}

interface TabProps {
  project: ProjectDetail;
  canWrite: boolean;
  onChanged: (p: ProjectDetail) => void;
  onStale: () => void;
}

/** A factor need's status as colour plus words; an overdue unmet need is 逾期受阻 in red. */
export function FactorStatusTag({ need }: { need: FactorNeed }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLOR[need.status]} style={{ marginInlineEnd: 0 }}>
        {t(`factor.status.${need.status}`)}
      </Tag>
      {need.blocking ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('factor.blocking')}
        </Tag>
      ) : null}
    </Flex>
  );
}

/** 要素保障: land, water, power … needs tracked until met; overdue ones block the project. */
export function FactorNeedsTab({ project, canWrite, onChanged, onStale }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<FactorNeed | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const unitOf = (k: FactorKind) => {
    const u = FACTOR_UNIT_KEYS[k];
    return u ? t(`factor.unit.${u}`) : '';
  };

  const setStatus = async (n: FactorNeed, status: FactorStatus) => {
    setBusy(n.id);
    try {
      const saved = await projectApi.updateFactorNeed(project.id, n.id, { version: n.version, status });
      message.success(t(status === 'met' ? 'factor.metDone' : 'factor.startedDone'));
      onChanged(saved);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<FactorNeed> = [
    {
      title: t('factor.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: FactorKind) => t(`factor.kind.${k}`),
    },
    {
      title: t('factor.col.quantity'),
      dataIndex: 'quantity',
      width: 150,
      align: 'right',
      className: 'num-cell',
      render: (q: string | null, n) => (q ? `${q} ${unitOf(n.kind)}`.trim() : '—'),
    },
    { title: t('factor.col.description'), dataIndex: 'description', ellipsis: true, render: (v) => v ?? '—' },
    {
      title: t('factor.col.responsible'),
      dataIndex: 'responsibleOrgName',
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('factor.col.dueOn'),
      dataIndex: 'dueOn',
      width: 110,
      className: 'num-cell',
      render: (v: string | null, n) => (
        <span style={n.blocking ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatDate(v)}</span>
      ),
    },
    {
      title: t('factor.col.status'),
      key: 'status',
      width: 170,
      render: (_, n) => <FactorStatusTag need={n} />,
    },
    {
      title: t('factor.col.metOn'),
      dataIndex: 'metOn',
      width: 110,
      className: 'num-cell',
      render: (v: string | null) => formatDate(v),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 210,
            render: (_: unknown, n: FactorNeed) => (
              <Space size={0} className="row-actions">
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing(n)}
                  data-testid={`factor-edit-${n.id}`}
                >
                  {t('common.edit')}
                </Button>
                {n.status === 'needed' ? (
                  <Button
                    size="small"
                    type="link"
                    loading={busy === n.id}
                    onClick={() => void setStatus(n, 'in_progress')}
                    data-testid={`factor-start-${n.id}`}
                  >
                    {t('factor.markInProgress')}
                  </Button>
                ) : null}
                {n.status !== 'met' ? (
                  <Button
                    size="small"
                    type="link"
                    loading={busy === n.id}
                    onClick={() => void setStatus(n, 'met')}
                    data-testid={`factor-met-${n.id}`}
                  >
                    {t('factor.markMet')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const open = project.factorNeeds.filter((n) => n.status !== 'met').length;
  const blocking = project.factorNeeds.filter((n) => n.blocking).length;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12}>
        <span>{t('factor.summary', { total: project.factorNeeds.length, open, blocking })}</span>
        {canWrite ? (
          <Button
            icon={<PlusOutlined />}
            type="primary"
            ghost
            onClick={() => setEditing('new')}
            data-testid="factor-add"
          >
            {t('factor.add')}
          </Button>
        ) : null}
      </Flex>
      <Table<FactorNeed>
        data-testid="factor-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={project.factorNeeds}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        rowClassName={(n) => (n.blocking ? 'row-blocking' : '')}
        locale={{
          emptyText: <Empty description={canWrite ? t('factor.empty') : t('factor.emptyReadOnly')} />,
        }}
      />
      <FactorFormModal
        project={project}
        need={editing}
        onClose={() => setEditing(null)}
        onSaved={onChanged}
        onStale={onStale}
      />
    </Flex>
  );
}

function FactorFormModal({
  project,
  need,
  onClose,
  onSaved,
  onStale,
}: {
  project: ProjectDetail;
  need: FactorNeed | 'new' | null;
  onClose: () => void;
  onSaved: (p: ProjectDetail) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const existing = need && need !== 'new' ? need : null;

  useEffect(() => {
    if (!need) return;
    form.resetFields();
    setError(null);
    if (need !== 'new') {
      form.setFieldsValue({
        kind: need.kind,
        quantity: need.quantity ?? '',
        description: need.description ?? '',
        responsibleOrgId: need.responsibleOrgId,
        dueOn: need.dueOn ? dayjs(need.dueOn) : null,
      });
    }
  }, [need, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const body = {
      quantity: v.quantity?.trim() || null,
      description: v.description?.trim() || null,
      responsibleOrgId: v.responsibleOrgId ?? null,
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
    };
    try {
      const saved = existing
        ? await projectApi.updateFactorNeed(project.id, existing.id, { ...body, version: existing.version })
        : await projectApi.addFactorNeed(project.id, { ...body, kind: v.kind ?? 'other' });
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
      applyFormErrors(form, e, ['kind', 'quantity', 'description', 'responsibleOrgId', 'dueOn'], {
        ORG_NOT_FOUND: 'responsibleOrgId',
      });
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  const unitKey = kind ? FACTOR_UNIT_KEYS[kind] : null;
  return (
    <Modal
      open={!!need}
      title={existing ? t('factor.edit') : t('factor.add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={600}
      okButtonProps={{ 'data-testid': 'factor-form-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" autoComplete="off">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('factor.col.kind')}
              rules={[
                { required: true, message: t('common.selectRequired', { field: t('factor.col.kind') }) },
              ]}
            >
              <Select
                data-testid="factor-form-kind"
                disabled={!!existing}
                options={FACTOR_KINDS.map((k) => ({ value: k, label: t(`factor.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="quantity"
              label={t('factor.col.quantity')}
              rules={[{ pattern: QUANTITY_RE, message: t('factor.quantityInvalid') }]}
            >
              <Input
                data-testid="factor-form-quantity"
                inputMode="decimal"
                suffix={unitKey ? t(`factor.unit.${unitKey}`) : undefined}
                styles={{ input: { textAlign: 'right' } }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('factor.col.description')}>
          <Input.TextArea
            data-testid="factor-form-description"
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="responsibleOrgId" label={t('factor.col.responsible')}>
              <OrgPicker
                withLeafUnits
                known={knownResponsibleOrg(existing)}
                data-testid="factor-form-responsibleOrgId"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="dueOn" label={t('factor.col.dueOn')}>
              <DatePicker data-testid="factor-form-dueOn" format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
