import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { HolidayYear, SlaRule } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../kit';
import { appealApi } from '../api';
import { AppealsNav } from '../components/AppealsNav';
import { useCategories } from '../hooks/use-categories';
import { beijingToday, parseDays } from '../model';

interface YearForm {
  year: number;
  holidays: string;
  workdays: string;
  note?: string;
}

/** Per-day problems the server reports ('holidays.3' → DAY_INVALID) as lines the administrator can act on. */
function problemLines(e: ApiError, values: YearForm, tr: (key: string, fallback: string) => string) {
  return e.fieldErrors.map((fe) => {
    const [list, index] = fe.path.split('.');
    const days =
      list === 'holidays'
        ? parseDays(values.holidays)
        : list === 'workdays'
          ? parseDays(values.workdays)
          : [];
    const day = index !== undefined ? days[Number(index)] : undefined;
    const where = list === 'holidays' || list === 'workdays' ? tr(`calendar.form.${list}`, list) : list;
    return `${where}${day ? ` ${day}` : ''}: ${tr(`calendar.problem.${fe.message}`, fe.message)}`;
  });
}

/** The official holiday schedule (package data, overridden per year by administrators) and the SLA rules. */
export function HolidayCalendarPage() {
  const { t, tMaybe } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const thisYear = Number(beijingToday().slice(0, 4));
  const cal = useRequest(() => appealApi.calendar(thisYear - 1), [thisYear]);
  const rules = useRequest(() => appealApi.slaRules(), []);
  const { nameOf } = useCategories();
  const [editing, setEditing] = useState<HolidayYear | 'new' | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<YearForm>();
  const [rule, setRule] = useState<SlaRule | null>(null);
  const [ruleForm] = Form.useForm<SlaRule>();
  const manage = can('calendar.manage');

  const open = (y: HolidayYear | 'new') => {
    setProblems([]);
    setEditing(y);
    const year = y === 'new' ? (cal.data?.missingYears[0] ?? thisYear + 1) : y.year;
    form.setFieldsValue({
      year,
      holidays: y === 'new' ? '' : y.holidays.join('\n'),
      workdays: y === 'new' ? '' : y.workdays.join('\n'),
      note: y === 'new' ? '' : (y.note ?? ''),
    });
  };
  const save = async (v: YearForm) => {
    setBusy(true);
    setProblems([]);
    try {
      const existing = cal.data?.years.find((y) => y.year === v.year && y.source === 'admin');
      const next = await appealApi.putYear(v.year, {
        holidays: parseDays(v.holidays),
        workdays: parseDays(v.workdays),
        note: v.note?.trim() || null,
        version: existing?.version ?? null,
      });
      cal.setData({ ...next, years: next.years.filter((y) => y.year >= thisYear - 1) });
      message.success(t('calendar.saved', { year: v.year }));
      setEditing(null);
    } catch (e) {
      if (e instanceof ApiError) {
        setProblems([e.message, ...problemLines(e, v, tMaybe)]);
      } else message.error(t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };
  const saveRule = async (v: SlaRule) => {
    if (!rule) return;
    setBusy(true);
    try {
      rules.setData(
        await appealApi.updateSlaRule(rule.id, {
          version: rule.version,
          acceptDays: v.acceptDays,
          signDays: v.signDays,
          answerDays: v.answerDays,
          escalateAfterDays: v.escalateAfterDays,
        }),
      );
      setRule(null);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const dayList = (days: string[]) => (
    <Typography.Paragraph
      ellipsis={{ rows: 2, expandable: true, symbol: '…' }}
      style={{ marginBottom: 0 }}
      className="num-cell"
    >
      {days.map((d) => d.slice(5)).join('  ')}
    </Typography.Paragraph>
  );
  const columns: ColumnsType<HolidayYear> = [
    { key: 'year', title: t('calendar.col.year'), dataIndex: 'year', width: 80 },
    {
      key: 'source',
      title: t('calendar.col.source'),
      dataIndex: 'source',
      width: 200,
      render: (v: HolidayYear['source'], y) => (
        <Space direction="vertical" size={0}>
          <Tag color={v === 'admin' ? 'blue' : 'default'}>{t(`calendar.source.${v}`)}</Tag>
          {y.note ? <Typography.Text type="secondary">{y.note}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'holidays',
      title: t('calendar.col.holidays'),
      render: (_: unknown, y) => (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('calendar.days', { n: y.holidays.length })}</Typography.Text>
          {dayList(y.holidays)}
        </Space>
      ),
    },
    {
      key: 'workdays',
      title: t('calendar.col.workdays'),
      width: 240,
      render: (_: unknown, y) => (
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">{t('calendar.days', { n: y.workdays.length })}</Typography.Text>
          {dayList(y.workdays)}
        </Space>
      ),
    },
    {
      key: 'updated',
      title: t('calendar.col.updated'),
      width: 180,
      render: (_: unknown, y) => (y.updatedAt ? `${formatDateTime(y.updatedAt)} ${y.updatedBy ?? ''}` : '—'),
    },
    ...(manage
      ? [
          {
            key: 'edit',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, y: HolidayYear) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => open(y)}>
                {t('calendar.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const ruleScope = (r: SlaRule) =>
    [
      r.channel ? t(`appeal.channel.${r.channel}`) : null,
      r.category ? nameOf(r.category) : null,
      r.urgency ? t(`appeal.urgency.${r.urgency}`) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('sla.any');
  const days = (n: number) => t('sla.days', { n });
  const ruleColumns: ColumnsType<SlaRule> = [
    { key: 'scope', title: t('sla.col.scope'), render: (_: unknown, r) => ruleScope(r) },
    { key: 'accept', title: t('sla.col.accept'), dataIndex: 'acceptDays', width: 130, render: days },
    { key: 'sign', title: t('sla.col.sign'), dataIndex: 'signDays', width: 130, render: days },
    { key: 'answer', title: t('sla.col.answer'), dataIndex: 'answerDays', width: 130, render: days },
    {
      key: 'escalate',
      title: t('sla.col.escalate'),
      dataIndex: 'escalateAfterDays',
      width: 150,
      render: days,
    },
    ...(can('appeals.configure')
      ? [
          {
            key: 'edit',
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, r: SlaRule) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => {
                  setRule(r);
                  ruleForm.setFieldsValue(r);
                }}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('appeal.tab.calendar')}>
      <AppealsNav />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          type="inner"
          title={t('calendar.title')}
          extra={
            manage ? (
              <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid="calendar-add">
                {t('calendar.add')}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">{t('calendar.desc')}</Typography.Paragraph>
          {cal.data && cal.data.missingYears.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('calendar.missing', { years: cal.data.missingYears.join('、') })}
              data-testid="calendar-missing"
            />
          ) : null}
          <Table<HolidayYear>
            rowKey="year"
            size="small"
            columns={columns}
            dataSource={cal.data?.years ?? []}
            loading={cal.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="calendar-table"
          />
        </Card>
        <Card type="inner" title={t('sla.title')}>
          <Typography.Paragraph type="secondary">{t('sla.desc')}</Typography.Paragraph>
          <Table<SlaRule>
            rowKey="id"
            size="small"
            columns={ruleColumns}
            dataSource={rules.data ?? []}
            loading={rules.loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="sla-table"
          />
        </Card>
      </Space>
      <Modal
        open={editing !== null}
        title={t('calendar.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'calendar-save' } as ButtonProps}
        width={640}
      >
        <Form<YearForm> form={form} layout="vertical" onFinish={save}>
          <Form.Item name="year" label={t('calendar.form.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} disabled={editing !== 'new'} data-testid="calendar-year" />
          </Form.Item>
          <Space size={16} align="start" style={{ display: 'flex' }}>
            <Form.Item
              name="holidays"
              label={t('calendar.form.holidays')}
              extra={t('calendar.form.daysHint')}
              style={{ width: 280 }}
            >
              <Input.TextArea rows={10} data-testid="calendar-holidays" />
            </Form.Item>
            <Form.Item name="workdays" label={t('calendar.form.workdays')} style={{ width: 280 }}>
              <Input.TextArea rows={10} data-testid="calendar-workdays" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('calendar.form.note')}>
            <Input maxLength={500} />
          </Form.Item>
          {problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              message={problems[0]}
              description={problems.slice(1).join('\n')}
              style={{ whiteSpace: 'pre-wrap' }}
              data-testid="calendar-problems"
            />
          ) : null}
        </Form>
      </Modal>
      <Modal
        open={rule !== null}
        title={rule ? ruleScope(rule) : ''}
        onCancel={() => setRule(null)}
        onOk={() => ruleForm.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form<SlaRule> form={ruleForm} layout="inline" onFinish={saveRule}>
          {(
            [
              ['acceptDays', 'sla.col.accept', 0],
              ['signDays', 'sla.col.sign', 0],
              ['answerDays', 'sla.col.answer', 1],
              ['escalateAfterDays', 'sla.col.escalate', 1],
            ] as const
          ).map(([name, label, min]) => (
            <Form.Item key={name} name={name} label={t(label)} rules={[{ required: true }]}>
              <InputNumber min={min} max={120} style={{ width: 80 }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
