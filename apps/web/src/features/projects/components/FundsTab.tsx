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
  Radio,
  Row,
  Statistic,
  Table,
  Tooltip,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { projectApi } from '../../../app/api/endpoints';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  applyFormErrors,
  formatAmount,
  formatDate,
  formatPercent,
  formatWan,
  MoneyInput,
  ratio,
  wanToMinor,
} from '../../../kit';
import { beijingToday, type Fund } from '../model';

interface FundRow extends Fund {
  cumulativeCny: number;
  cumulativeUsd: number;
}

interface TabProps {
  project: ProjectDetail;
  canWrite: boolean;
  onChanged: (p: ProjectDetail) => void;
}

/** 到位资金: receipts over time with running totals per currency, and the 资金到位率. */
export function FundsTab({ project, canWrite, onChanged }: TabProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);

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

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
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
        {canWrite ? (
          <Tooltip title={project.signedOn ? null : t('fund.notSigned')}>
            <Button
              icon={<PlusOutlined />}
              type="primary"
              ghost
              disabled={!project.signedOn}
              onClick={() => setAdding(true)}
              data-testid="fund-add"
            >
              {t('fund.add')}
            </Button>
          </Tooltip>
        ) : null}
      </Flex>
      <Table<FundRow>
        data-testid="fund-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: <Empty description={canWrite ? t('fund.empty') : t('fund.emptyReadOnly')} /> }}
      />
      <FundFormModal project={project} open={adding} onClose={() => setAdding(false)} onSaved={onChanged} />
    </Flex>
  );
}

interface Values {
  receivedOn?: Dayjs;
  currency: 'CNY' | 'USD';
  amount?: string;
  source?: string;
}

function FundFormModal({
  project,
  open,
  onClose,
  onSaved,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (p: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = beijingToday();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
  }, [open, form]);

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
      const saved = await projectApi.addFund(project.id, {
        receivedOn: (v.receivedOn ?? dayjs(today)).format('YYYY-MM-DD'),
        currency: v.currency,
        amount: wanToMinor(v.amount) ?? 0,
        source: v.source?.trim() || null,
      });
      message.success(t('fund.added'));
      onSaved(saved);
      onClose();
    } catch (e) {
      applyFormErrors(form, e, ['receivedOn', 'currency', 'amount', 'source']);
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  const unit = currency === 'CNY' ? t('unit.wanYuan') : t('unit.wanUsd');
  return (
    <Modal
      open={open}
      title={t('fund.add')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={560}
      okButtonProps={{ 'data-testid': 'fund-form-submit' } as ButtonProps}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        autoComplete="off"
        initialValues={{ currency: 'CNY', receivedOn: dayjs(today) }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="receivedOn"
              label={t('fund.col.receivedOn')}
              rules={[
                { required: true, message: t('common.selectRequired', { field: t('fund.col.receivedOn') }) },
              ]}
            >
              <DatePicker
                data-testid="fund-form-receivedOn"
                format="YYYY-MM-DD"
                style={{ width: '100%' }}
                disabledDate={(d) => {
                  const day = d.format('YYYY-MM-DD');
                  return day > today || day < (project.signedOn ?? today);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="currency" label={t('fund.col.currency')} required>
              <Radio.Group
                optionType="button"
                data-testid="fund-form-currency"
                options={[
                  { value: 'CNY', label: t('fund.currency.CNY') },
                  { value: 'USD', label: t('fund.currency.USD') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="amount"
          label={t('fund.amountLabel', { unit })}
          extra={t('project.amountHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('fund.col.amount') }),
            },
            {
              validator: async (_, v: string | undefined) => {
                if (!v?.trim()) return;
                const minor = wanToMinor(v);
                if (minor === null || minor < 1)
                  throw new Error(t('project.amountInvalid', { field: t('fund.col.amount') }));
                if (minor > 1e15)
                  throw new Error(t('project.amountTooLarge', { field: t('fund.col.amount') }));
              },
            },
          ]}
        >
          <MoneyInput unit={unit} data-testid="fund-form-amount" />
        </Form.Item>
        <Form.Item name="source" label={t('fund.col.source')} extra={t('fund.sourceHelp')}>
          <Input data-testid="fund-form-source" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
