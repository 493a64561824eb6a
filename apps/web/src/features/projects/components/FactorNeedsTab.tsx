import type { ProjectDetail } from '@yingshang/contracts';
import { App, Button, DatePicker, Flex, Input, Popconfirm, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  ApiError,
  beijingToday,
  type ChildField,
  ChildRecordsTab,
  formatDate,
  formatQuantity,
  OccurredOnPicker,
  OrgPicker,
} from '../../../kit';
import { projectApi } from '../api';
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

/** The number of a quantity stored with its unit ("20亩" → "20"), for the input that shows the unit. */
const bareQuantity = (q: string | null, unit: string) => {
  const text = (q ?? '').trim();
  return unit && text.endsWith(unit) ? text.slice(0, -unit.length).trim() : text;
};

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
  const [busy, setBusy] = useState<string | null>(null);

  const unitOf = (k: FactorKind | undefined) => {
    const u = k ? FACTOR_UNIT_KEYS[k] : null;
    return u ? t(`factor.unit.${u}`) : '';
  };

  /** The day a need is marked met (补录 an earlier day), chosen in the confirmation. */
  const [metOn, setMetOn] = useState<Dayjs>(() => dayjs(beijingToday()));
  const setStatus = async (n: FactorNeed, status: FactorStatus) => {
    setBusy(n.id);
    try {
      const saved = await projectApi.updateFactorNeed(project.id, n.id, {
        version: n.version,
        status,
        ...(status === 'met' && { metOn: metOn.format('YYYY-MM-DD') }),
      });
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
      render: (q: string | null, n) => formatQuantity(q, unitOf(n.kind)),
    },
    {
      title: t('factor.col.description'),
      dataIndex: 'description',
      width: 220,
      ellipsis: true,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('factor.col.responsible'),
      dataIndex: 'responsibleOrgName',
      width: 160,
      ellipsis: true,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('factor.col.dueOn'),
      dataIndex: 'dueOn',
      width: 110,
      className: 'num-cell',
      render: (d: string | null, n) => (
        <span style={n.blocking ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatDate(d)}</span>
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
      render: (d: string | null) => formatDate(d),
    },
  ];

  const fields: ChildField<Values, FactorNeed>[] = [
    {
      name: 'kind',
      label: t('factor.col.kind'),
      span: 12,
      rules: [{ required: true, message: t('common.selectRequired', { field: t('factor.col.kind') }) }],
      render: ({ editing }) => (
        <Select
          data-testid="factor-form-kind"
          disabled={editing}
          options={FACTOR_KINDS.map((k) => ({ value: k, label: t(`factor.kind.${k}`) }))}
        />
      ),
    },
    {
      name: 'quantity',
      label: t('factor.col.quantity'),
      span: 12,
      rules: [{ pattern: QUANTITY_RE, message: t('factor.quantityInvalid') }],
      render: ({ values }) => (
        <Input
          data-testid="factor-form-quantity"
          inputMode="decimal"
          suffix={unitOf(values.kind) || undefined}
          styles={{ input: { textAlign: 'right' } }}
        />
      ),
    },
    {
      name: 'description',
      label: t('factor.col.description'),
      render: () => (
        <Input.TextArea
          data-testid="factor-form-description"
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      ),
    },
    {
      name: 'responsibleOrgId',
      label: t('factor.col.responsible'),
      rules: [
        { required: true, message: t('common.selectRequired', { field: t('factor.col.responsible') }) },
      ],
      span: 14,
      render: ({ row }) => (
        <OrgPicker
          withLeafUnits
          known={knownResponsibleOrg(row)}
          data-testid="factor-form-responsibleOrgId"
        />
      ),
    },
    {
      name: 'dueOn',
      label: t('factor.col.dueOn'),
      span: 10,
      render: () => (
        <DatePicker data-testid="factor-form-dueOn" format="YYYY-MM-DD" style={{ width: '100%' }} />
      ),
    },
  ];

  const body = (v: Values) => ({
    quantity: v.quantity?.trim() || null,
    description: v.description?.trim() || null,
    responsibleOrgId: v.responsibleOrgId ?? '',
    dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
  });
  const open = project.factorNeeds.filter((n) => n.status !== 'met').length;
  const blocking = project.factorNeeds.filter((n) => n.blocking).length;

  return (
    <ChildRecordsTab<FactorNeed, Values, ProjectDetail>
      testId="factor"
      rows={project.factorNeeds}
      rowKey="id"
      columns={columns}
      canWrite={canWrite}
      fields={fields}
      toValues={(n) => ({
        kind: n.kind,
        // a quantity stored with its unit ("20亩") is edited as the number
        quantity: bareQuantity(n.quantity, unitOf(n.kind)),
        description: n.description ?? '',
        responsibleOrgId: n.responsibleOrgId,
        dueOn: n.dueOn ? dayjs(n.dueOn) : null,
      })}
      create={(v) => projectApi.addFactorNeed(project.id, { ...body(v), kind: v.kind ?? 'other' })}
      update={(n, v) => projectApi.updateFactorNeed(project.id, n.id, { ...body(v), version: n.version })}
      onSaved={onChanged}
      onStale={onStale}
      codeToField={{ ORG_NOT_FOUND: 'responsibleOrgId' }}
      rowActions={(n) => (
        <>
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
            <Popconfirm
              title={t('factor.metOnAsk')}
              description={
                <OccurredOnPicker
                  value={metOn}
                  onChange={(d) => d && !Array.isArray(d) && setMetOn(d)}
                  allowClear={false}
                  style={{ width: 180 }}
                  data-testid={`factor-met-date-${n.id}`}
                />
              }
              okText={t('factor.markMet')}
              cancelText={t('common.cancel')}
              onOpenChange={(o) => o && setMetOn(dayjs(beijingToday()))}
              onConfirm={() => void setStatus(n, 'met')}
            >
              <Button size="small" type="link" loading={busy === n.id} data-testid={`factor-met-${n.id}`}>
                {t('factor.markMet')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      )}
      addLabel={t('factor.add')}
      editLabel={t('factor.edit')}
      summary={t('factor.summary', { total: project.factorNeeds.length, open, blocking })}
      emptyText={canWrite ? t('factor.empty') : t('factor.emptyReadOnly')}
      rowClassName={(n) => (n.blocking ? 'row-blocking' : '')}
    />
  );
}
