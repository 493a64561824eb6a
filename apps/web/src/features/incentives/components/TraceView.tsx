import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { EvaluationResult } from '@yingshang/contracts';
import { PROVINCES } from '@yingshang/rules';
import { Alert, Collapse, Descriptions, List, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/messages';
import { formatWan } from '../../../kit';

/** fen → "3,559,300.12" yuan, exact. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
/** cents → "10,000,000.00" dollars. */
const dollars = yuan;

/** The engine's trace in plain words: each condition, the rates, the formula, the cap, the parameters. */
export function TraceView({ evaluation: e }: { evaluation: EvaluationResult }) {
  const { t, tMaybe } = useI18n();
  const inclusive = e.parameters.find((p) => p.key === 'threshold_inclusive')?.value !== false;
  const op = t(inclusive ? 'inc.trace.op.ge' : 'inc.trace.op.gt');
  const bp = e.parameters.find(
    (p) => p.key === (e.kind === 'capital_arrival' ? 'capital_reward_bp' : 'hq_reward_bp'),
  );
  const rateText = bp ? `${Number(bp.value) / 100}%` : '';
  const condition = (key: string, inputs: Record<string, string | number | boolean | null>) => {
    const v = (k: string) => inputs[k];
    const vars: Record<string, string | number> = {
      cumulative: dollars(Number(v('cumulativeUsdCents') ?? 0)),
      threshold: dollars(Number(v('thresholdUsdCents') ?? 0)),
      assets: v('assetsUsdCents') == null ? '—' : dollars(Number(v('assetsUsdCents'))),
      op,
      province: v('province') ? (PROVINCES[String(v('province'))] ?? String(v('province'))) : '—',
      required: String(v('required') ?? ''),
      counted: Number(v('counted') ?? 0),
      offered: Number(v('offered') ?? 0),
      from: String(v('from') ?? ''),
      to: String(v('to') ?? ''),
      on: String(v('establishedOn') ?? '—'),
      cap: yuan(Number(v('capFen') ?? 0)),
      prior: yuan(Number(v('priorFen') ?? 0)),
      remaining: yuan(Number(v('remainingFen') ?? 0)),
    };
    return t(`inc.trace.cond.${key}` as MessageKey, vars);
  };
  return (
    <div data-testid="inc-trace">
      <Alert
        type={e.eligible ? 'success' : 'warning'}
        showIcon
        title={
          e.eligible
            ? t('inc.trace.eligible', { amount: yuan(e.amountFen), wan: formatWan(e.amountFen, 2) })
            : t('inc.trace.notEligible')
        }
        data-testid="inc-trace-result"
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('inc.trace.conditions')}
      </Typography.Title>
      <List
        size="small"
        dataSource={e.conditions}
        renderItem={(c) => (
          <List.Item data-testid={`inc-cond-${c.key}`}>
            <span>
              {c.passed ? (
                <CheckCircleFilled style={{ color: '#52c41a', marginRight: 8 }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f', marginRight: 8 }} />
              )}
              {condition(c.key, c.inputs)}
            </span>
            <Tag color={c.passed ? 'green' : 'red'}>
              {t(c.passed ? 'inc.trace.passed' : 'inc.trace.failed')}
            </Tag>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('inc.trace.arrivals')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.ref}-${r.receivedOn}-${r.amount}`}
        pagination={false}
        dataSource={e.arrivals}
        scroll={{ x: 720 }}
        columns={[
          { title: t('inc.form.receipt'), dataIndex: 'ref' },
          { title: t('inc.form.receivedOn'), dataIndex: 'receivedOn', width: 110 },
          {
            title: t('inc.trace.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: number, r) => `${r.currency} ${yuan(v)}`,
          },
          {
            title: t('inc.trace.rate'),
            dataIndex: 'rate',
            render: (v: string | null, r) =>
              v
                ? `${v} ${r.rateDay && r.rateDay !== r.receivedOn ? t('inc.trace.rateDay', { day: r.rateDay }) : ''}`
                : '—',
          },
          {
            title: t('inc.trace.cny'),
            dataIndex: 'fen',
            align: 'right',
            render: (v: number | null) => (v == null ? '—' : yuan(v)),
          },
          {
            title: t('inc.ledger.state'),
            dataIndex: 'outcome',
            render: (v: string) => (
              <Tag color={v === 'counted' ? 'green' : 'default'}>{tMaybe(`inc.trace.outcome.${v}`, v)}</Tag>
            ),
          },
        ]}
      />
      <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('inc.trace.formula')}>
          <span data-testid="inc-trace-formula">
            {t(e.kind === 'capital_arrival' ? 'inc.trace.formula.capital' : 'inc.trace.formula.hq', {
              base: yuan(e.baseFen),
              rate: rateText,
              computed: yuan(e.computedFen),
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inc.trace.capTitle')}>
          <span data-testid="inc-trace-cap">
            {t('inc.trace.cap', {
              cap: yuan(e.cap.capFen),
              shared: t(e.cap.shared ? 'inc.trace.capShared' : 'inc.trace.capSeparate'),
              prior: yuan(e.cap.priorFen),
              applied: yuan(e.cap.appliedFen),
              after: yuan(e.cap.remainingAfterFen),
            })}
          </span>{' '}
          {e.cap.capped && <Tag color="gold">{t('inc.trace.capped')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'p',
            label: t('inc.trace.parameters'),
            children: (
              <List
                size="small"
                dataSource={e.parameters}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${tMaybe(`inc.param.${p.key}`, p.key)}: ${
                        typeof p.value === 'boolean' ? t(p.value ? 'inc.yes' : 'inc.no') : p.value
                      }`}
                      description={`${t('inc.trace.param.validity', { from: p.from, to: p.to ?? '—' })} · ${p.basis}`}
                    />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
