import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { MonthlyReportRow, ReportRevision } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  InputNumber,
  Modal,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { beijingToday, ExportButton, formatDateTime, formatPercent, OrgPicker } from '../../../kit';
import { dashboardApi } from '../api';
import { yoy } from '../bulletin';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const WAN = 1_000_000; // fen in 1 万元
/** fen → 万元, whole (the monthly report's money unit, as the offices report it). */
const wan = (fen: number) => Math.round(fen / WAN).toLocaleString('zh-CN');

/** 招商引资月报: per city, or county and zone — 本月, 本年累计, 同比, 完成年度目标%. */
export function MonthlyReportPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const thisMonth = beijingToday().slice(0, 7);
  const monthParam = params.get('month') ?? '';
  const month = MONTH_RE.test(monthParam) && monthParam <= thisMonth ? monthParam : thisMonth;
  const regionId = params.get('region') ?? undefined;
  const req = useRequest(() => dashboardApi.monthly({ regionId, month }), [regionId, month]);
  const [editing, setEditing] = useState(false);
  const update = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  const pct = (a: number, b: number | undefined) => (b ? formatPercent(a / b) : '—');
  const change = (a: number, b: number) => {
    const c = yoy(a, b);
    return c === null ? (
      '—'
    ) : (
      <Typography.Text type={c >= 0 ? 'success' : 'danger'}>
        {`${c >= 0 ? '+' : ''}${(Math.round(c * 1000) / 10).toFixed(1)}%`}
      </Typography.Text>
    );
  };
  const num = { align: 'right' as const, className: 'num-cell', width: 80 };
  const columns: ColumnsType<MonthlyReportRow> = [
    {
      title: t('monthly.col.region'),
      dataIndex: 'name',
      fixed: 'left',
      width: 140,
      render: (v: string, r) =>
        r.parentId ? v : <Typography.Text strong>{t('monthly.total', { name: v })}</Typography.Text>,
    },
    {
      title: t('monthly.group.month'),
      children: [
        { title: t('monthly.col.signed'), ...num, render: (_, r) => r.month.signedCount },
        { title: t('monthly.col.investment'), ...num, render: (_, r) => wan(r.month.signedInvestmentFen) },
        { title: t('monthly.col.started'), ...num, render: (_, r) => r.month.startedCount },
        { title: t('monthly.col.funds'), ...num, render: (_, r) => wan(r.month.fundsFen) },
      ],
    },
    {
      title: t('monthly.group.ytd'),
      children: [
        { title: t('monthly.col.signed'), ...num, render: (_, r) => r.yearToDate.signedCount },
        {
          title: t('monthly.col.investment'),
          ...num,
          width: 96,
          render: (_, r) => wan(r.yearToDate.signedInvestmentFen),
        },
        {
          title: t('monthly.col.yoy'),
          ...num,
          render: (_, r) => change(r.yearToDate.signedInvestmentFen, r.lastYearToDate.signedInvestmentFen),
        },
        { title: t('monthly.col.funds'), ...num, render: (_, r) => wan(r.yearToDate.fundsFen) },
      ],
    },
    {
      title: t('monthly.group.target'),
      children: [
        {
          title: t('monthly.col.targetInvestment'),
          ...num,
          width: 96,
          render: (_, r) => (r.target ? wan(r.target.signedInvestmentFen) : '—'),
        },
        {
          title: t('monthly.col.completion'),
          ...num,
          render: (_, r) => pct(r.yearToDate.signedInvestmentFen, r.target?.signedInvestmentFen),
        },
        {
          title: t('monthly.col.countCompletion'),
          ...num,
          render: (_, r) => pct(r.yearToDate.signedCount, r.target?.signedCount),
        },
        {
          title: t('monthly.col.fundsCompletion'),
          ...num,
          render: (_, r) => pct(r.yearToDate.fundsFen, r.target?.fundsFen),
        },
      ],
    },
  ];

  return (
    <Card
      title={t('monthly.title', { month })}
      extra={
        <Flex gap={8} wrap className="no-print">
          <ExportButton
            run={() => dashboardApi.monthlyXlsx({ regionId, month })}
            fallbackName={t('monthly.exportFile', { month })}
            testId="monthly-export"
          />
          {can('targets.manage') && req.data ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="monthly-edit-targets"
            >
              {t('monthly.editTargets')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex gap={8} wrap className="filter-bar no-print">
        <OrgPicker
          value={regionId ?? req.data?.rows[0]?.id}
          onChange={(id) => update('region', id)}
          style={{ width: 200 }}
          popupWidth={320}
          data-testid="monthly-region"
        />
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(m) => m.format('YYYY-MM') > thisMonth}
          onChange={(m) => m && update('month', m.format('YYYY-MM'))}
          data-testid="monthly-month"
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('dash.print')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('monthly.note')}</Typography.Paragraph>
      {req.data?.revisions.length ? <RevisionsNote revisions={req.data.revisions} /> : null}
      {req.error ? (
        <Alert type="error" showIcon title={req.error.message} />
      ) : !req.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Table<MonthlyReportRow>
          data-testid="monthly-table"
          rowKey="id"
          size="small"
          bordered
          columns={columns}
          dataSource={req.data.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      {editing && req.data ? (
        <TargetsModal
          year={Number(month.slice(0, 4))}
          rows={req.data.rows}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void req.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

const FIGURE_LABEL = {
  signedCount: 'monthly.col.signed',
  signedInvestmentFen: 'monthly.col.investmentWan',
  startedCount: 'monthly.col.started',
  fundsFen: 'monthly.col.fundsWan',
} as const;
const SHOWN = 10;

/** 报表修订: a closed month's figures changed later — when, by whom, on what, the old and new figure. */
function RevisionsNote({ revisions }: { revisions: ReportRevision[] }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? revisions : revisions.slice(0, SHOWN);
  const figure = (r: ReportRevision, v: number) =>
    r.figure.endsWith('Fen') ? wan(v) : v.toLocaleString('zh-CN');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="monthly-revisions"
      title={t('monthly.revised', { count: revisions.length, at: formatDateTime(revisions[0].at) })}
      description={
        <Flex vertical gap={2}>
          {shown.map((r) => (
            <Typography.Text key={`${r.at}|${r.figure}|${r.summary}`} style={{ fontSize: 13 }}>
              <span className="num-cell">{formatDateTime(r.at)}</span>
              {` · ${r.actorName} · ${r.summary} · ${t(FIGURE_LABEL[r.figure])} `}
              <span className="num-cell">{`${figure(r, r.old)} → ${figure(r, r.new)}`}</span>
            </Typography.Text>
          ))}
          {revisions.length > SHOWN ? (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, alignSelf: 'start' }}
              onClick={() => setAll(!all)}
            >
              {all ? t('monthly.revisedFewer') : t('monthly.revisedAll', { count: revisions.length })}
            </Button>
          ) : null}
        </Flex>
      }
    />
  );
}

/** The year's targets of the regions below (万元 for money), saved all or none. */
function TargetsModal({
  year,
  rows,
  onClose,
  onSaved,
}: {
  year: number;
  rows: MonthlyReportRow[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  // a region sets the targets of the regions below it; the province also its own
  const editable = rows.filter((r) => r.parentId || r.kind === 'province' || r.id !== me?.user.orgUnit.id);
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      editable.map((r) => [
        r.id,
        {
          signedCount: r.target?.signedCount ?? 0,
          signedWan: Math.round((r.target?.signedInvestmentFen ?? 0) / WAN),
          fundsWan: Math.round((r.target?.fundsFen ?? 0) / WAN),
        },
      ]),
    ),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (id: string, k: 'signedCount' | 'signedWan' | 'fundsWan', v: number | null) =>
    setValues({ ...values, [id]: { ...values[id], [k]: v ?? 0 } });
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      // a region left at zero without a target keeps none
      const entered = editable.filter((r) => r.target || Object.values(values[r.id]).some((v) => v > 0));
      if (entered.length === 0) {
        onClose();
        return;
      }
      await dashboardApi.setTargets({
        year,
        targets: entered.map((r) => ({
          regionId: r.id,
          signedCount: values[r.id].signedCount,
          signedInvestmentFen: values[r.id].signedWan * WAN,
          fundsFen: values[r.id].fundsWan * WAN,
          ...(r.target && { version: r.target.version }),
        })),
      });
      message.success(t('monthly.targetsSaved'));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };
  const input = (id: string, k: 'signedCount' | 'signedWan' | 'fundsWan') => (
    <InputNumber
      min={0}
      max={k === 'signedCount' ? 1_000_000 : 1_000_000_000}
      precision={0}
      value={values[id][k]}
      onChange={(v) => set(id, k, v)}
      style={{ width: '100%' }}
      data-testid={`target-${k}-${id}`}
    />
  );
  return (
    <Modal
      open
      width={720}
      title={t('monthly.targetsTitle', { year: String(year) })}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'targets-save' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={editable}
        scroll={{ y: 420 }}
        columns={[
          { title: t('monthly.col.region'), dataIndex: 'name', width: 160 },
          { title: t('monthly.col.targetCount'), render: (_, r) => input(r.id, 'signedCount') },
          { title: t('monthly.col.targetInvestment'), render: (_, r) => input(r.id, 'signedWan') },
          { title: t('monthly.col.targetFunds'), render: (_, r) => input(r.id, 'fundsWan') },
        ]}
      />
    </Modal>
  );
}
