import type { ProjectDetail } from '@yingshang/contracts';
import { Flex, Input, Radio, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  type ChildField,
  ChildRecordsTab,
  formatAmount,
  formatDate,
  formatPercent,
  formatWan,
  MoneyInput,
  OccurredOnPicker,
  ratio,
  wanToMinor,
} from '../../../kit';
import { projectApi } from '../api';
import type { Fund } from '../model';

interface FundRow extends Fund {
  cumulativeCny: number;
  cumulativeUsd: number;
}

interface TabProps {
  project: ProjectDetail;
  canWrite: boolean;
  onChanged: (p: ProjectDetail) => void;
  onStale: () => void;
}

/** 到位资金: receipts over time with running totals per currency, and the 资金到位率. */
export function FundsTab({ project, canWrite, onChanged, onStale }: TabProps) {
  const { t } = useI18n();

  const rows = useMemo<FundRow[]>(() => {
    const sorted = [...project.funds].sort(
      (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt),
    );
    let cny = 0;
    let usd = 0;
    return sorted.map((f) => {
      if (f.currency === 'CNY') cny += f.amount;
      else usd += f.amount;
      return { ...f, cumulativeCny: cny, cumulativeUsd: usd };
    });
  }, [project.funds]);

  const usdTotal = rows.at(-1)?.cumulativeUsd ?? 0;
  const columns: ColumnsType<FundRow> = [
    {
      title: t('fund.col.receivedOn'),
      dataIndex: 'receivedOn',
      width: 120,
      className: 'num-cell',
      render: (v: string) => formatDate(v),
    },
    {
      title: t('fund.col.currency'),
      dataIndex: 'currency',
      width: 100,
      render: (v: Fund['currency']) => t(`fund.currency.${v}`),
    },
    {
      title: t('fund.col.amount'),
      key: 'amount',
      width: 170,
      align: 'right',
      className: 'num-cell',
      render: (_, f) =>
        `${formatWan(f.amount)} ${f.currency === 'CNY' ? t('unit.wanYuan') : t('unit.wanUsd')}`,
    },
    {
      title: t('fund.col.cumulativeCny'),
      dataIndex: 'cumulativeCny',
      width: 150,
      align: 'right',
      className: 'num-cell',
      render: (v: number) => formatAmount(v),
    },
    ...(usdTotal > 0
      ? [
          {
            title: t('fund.col.cumulativeUsd'),
            dataIndex: 'cumulativeUsd',
            width: 150,
            align: 'right' as const,
            className: 'num-cell',
            render: (v: number) => formatAmount(v),
          },
        ]
      : []),
    {
      title: t('fund.col.source'),
      dataIndex: 'source',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
  ];

  const today = beijingToday();
  const fields: ChildField<Values, FundRow>[] = [
    {
      name: 'receivedOn',
      label: t('fund.col.receivedOn'),
      span: 12,
      rules: [{ required: true, message: t('common.selectRequired', { field: t('fund.col.receivedOn') }) }],
      render: () => (
        <OccurredOnPicker data-testid="fund-form-receivedOn" notBefore={project.signedOn ?? today} />
      ),
    },
    {
      name: 'currency',
      label: t('fund.col.currency'),
      span: 12,
      required: true,
      render: () => (
        <Radio.Group
          optionType="button"
          data-testid="fund-form-currency"
          options={[
            { value: 'CNY', label: t('fund.currency.CNY') },
            { value: 'USD', label: t('fund.currency.USD') },
          ]}
        />
      ),
    },
    {
      name: 'amount',
      label: t('fund.col.amount'),
      extra: t('project.amountHelp'),
      rules: [
        { required: true, whitespace: true, message: t('common.required', { field: t('fund.col.amount') }) },
        {
          validator: async (_, v: string | undefined) => {
            if (!v?.trim()) return;
            const minor = wanToMinor(v);
            if (minor === null || minor < 1)
              throw new Error(t('project.amountInvalid', { field: t('fund.col.amount') }));
            if (minor > 1e15) throw new Error(t('project.amountTooLarge', { field: t('fund.col.amount') }));
          },
        },
      ],
      render: ({ values }) => (
        <MoneyInput
          unit={values.currency === 'USD' ? t('unit.wanUsd') : t('unit.wanYuan')}
          data-testid="fund-form-amount"
        />
      ),
    },
    {
      name: 'source',
      label: t('fund.col.source'),
      extra: t('fund.sourceHelp'),
      render: () => <Input data-testid="fund-form-source" maxLength={200} />,
    },
  ];

  return (
    <ChildRecordsTab<FundRow, Values, ProjectDetail>
      testId="fund"
      rows={rows}
      rowKey="id"
      columns={columns}
      canWrite={canWrite}
      fields={fields}
      initialValues={{ currency: 'CNY', receivedOn: dayjs(today) }}
      create={(v) =>
        projectApi.addFund(project.id, {
          receivedOn: (v.receivedOn ?? dayjs(today)).format('YYYY-MM-DD'),
          currency: v.currency,
          amount: wanToMinor(v.amount) ?? 0,
          source: v.source?.trim() || null,
        })
      }
      onSaved={onChanged}
      onStale={onStale}
      addLabel={t('fund.add')}
      editLabel={t('fund.add')}
      addBlocked={project.signedOn ? null : t('fund.notSigned')}
      modalWidth={560}
      summary={
        <Flex gap={40} wrap>
          <Statistic
            title={t('fund.inPlace')}
            value={formatWan(project.fundsInPlaceFen, 2)}
            data-testid="fund-in-place"
          />
          <Statistic
            title={t('project.field.totalInvestmentWan')}
            value={formatWan(project.totalInvestmentFen, 2)}
          />
          <Statistic
            title={t('fund.rate')}
            value={formatPercent(ratio(project.fundsInPlaceFen, project.totalInvestmentFen))}
            data-testid="fund-rate"
          />
          {usdTotal > 0 ? <Statistic title={t('fund.usdTotal')} value={formatWan(usdTotal, 2)} /> : null}
        </Flex>
      }
      emptyText={canWrite ? t('fund.empty') : t('fund.emptyReadOnly')}
    />
  );
}

interface Values {
  receivedOn?: Dayjs;
  currency: 'CNY' | 'USD';
  amount?: string;
  source?: string;
}
