import type { AppealFigures } from '@yingshang/contracts';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Input,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { DAY, OrgPicker } from '../../../kit';
import { appealApi } from '../api';
import { AppealsNav } from '../components/AppealsNav';
import { useCategories } from '../hooks/use-categories';
import { beijingToday, formatRate } from '../model';

type RankedDept = AppealFigures['departments'][number] & { rank: number };

/**
 * 受理率, 按时办结率, 满意率, 重办率, time to answer, overdue now; the departments ranked (ten to a page,
 * sortable, searchable by name: a province has hundreds); top categories and channels.
 */
export function AppealFiguresPage() {
  const { t, formatNumber } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const from = DAY.test(params.get('from') ?? '')
    ? (params.get('from') as string)
    : `${today.slice(0, 4)}-01-01`;
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : today;
  const region = params.get('region') ?? undefined;
  const { nameOf } = useCategories();
  const [deptQuery, setDeptQuery] = useState('');
  const req = useRequest(() => appealApi.figures({ from, to, regionId: region }), [from, to, region]);
  const f = req.data;
  const office = me?.user.orgUnit.kind !== 'department' && me?.user.orgUnit.kind !== 'enterprise';

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };
  // the server ranks the departments; the table pages, sorts and searches them in place
  const departments = (f?.departments ?? [])
    .map((d, i) => ({ ...d, rank: i + 1 }))
    .filter((d) => !deptQuery || d.departmentName.includes(deptQuery.trim()));
  const byNumber = (k: 'assigned' | 'answered' | 'onTimeRate' | 'satisfactionRate' | 'overdueNow') => ({
    sorter: (a: RankedDept, b: RankedDept) => (a[k] ?? -1) - (b[k] ?? -1),
  });
  const deptColumns: ColumnsType<RankedDept> = [
    { key: 'rank', title: t('figures.col.rank'), dataIndex: 'rank', width: 70 },
    {
      key: 'department',
      title: t('figures.col.department'),
      dataIndex: 'departmentName',
      minWidth: 180,
    },
    {
      key: 'assigned',
      title: t('figures.col.assigned'),
      dataIndex: 'assigned',
      width: 90,
      align: 'right',
      ...byNumber('assigned'),
    },
    {
      key: 'answered',
      title: t('figures.col.answered'),
      dataIndex: 'answered',
      width: 100,
      align: 'right',
      ...byNumber('answered'),
    },
    {
      key: 'onTime',
      title: t('figures.col.onTime'),
      dataIndex: 'onTimeRate',
      width: 100,
      align: 'right',
      render: formatRate,
      ...byNumber('onTimeRate'),
    },
    {
      key: 'satisfaction',
      title: t('figures.col.satisfaction'),
      dataIndex: 'satisfactionRate',
      width: 100,
      align: 'right',
      render: formatRate,
      ...byNumber('satisfactionRate'),
    },
    {
      key: 'overdue',
      title: t('figures.col.overdue'),
      dataIndex: 'overdueNow',
      width: 112,
      align: 'right',
      ...byNumber('overdueNow'),
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
  ];
  const maxCategory = Math.max(1, ...(f?.categories.map((c) => c.count) ?? [1]));
  const maxChannel = Math.max(1, ...(f?.channels.map((c) => c.count) ?? [1]));

  return (
    <Card title={t('figures.title')}>
      <AppealsNav />
      <Flex gap={8} wrap className="filter-bar">
        <Space>
          <Typography.Text>{t('figures.period')}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            aria-label={t('figures.period')}
            value={[dayjs(from), dayjs(to)]}
            onChange={(v) =>
              v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
            }
            data-testid="figures-period"
          />
        </Space>
        {office ? (
          <OrgPicker
            value={region}
            onChange={(id) => set({ region: id })}
            placeholder={t('appeal.filter.region')}
            style={{ width: 200 }}
            popupWidth={320}
          />
        ) : null}
      </Flex>
      {!f ? null : f.received === 0 && f.overdueNow === 0 ? (
        <Empty description={t('figures.empty')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="appeal-figures">
          <Row gutter={[16, 16]}>
            {(
              [
                ['figures.received', formatNumber(f.received)],
                ['figures.acceptRate', formatRate(f.acceptRate)],
                ['figures.onTimeRate', formatRate(f.onTimeRate)],
                ['figures.satisfactionRate', formatRate(f.satisfactionRate)],
                ['figures.reopenRate', formatRate(f.reopenRate)],
                [
                  'figures.median',
                  f.medianAnswerWorkingDays === null
                    ? '—'
                    : formatNumber(
                        f.medianAnswerWorkingDays,
                        Number.isInteger(f.medianAnswerWorkingDays) ? 0 : 1,
                      ),
                ],
                ['figures.overdueNow', formatNumber(f.overdueNow)],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} flex="1 1 160px">
                <Card size="small">
                  <Statistic
                    title={t(key)}
                    value={value}
                    suffix={
                      key === 'figures.median' && f.medianAnswerWorkingDays !== null
                        ? t('figures.workingDays')
                        : undefined
                    }
                    valueStyle={
                      key === 'figures.overdueNow' && f.overdueNow > 0 ? { color: '#cf1322' } : undefined
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t('figures.departments')}
                extra={
                  <Input.Search
                    allowClear
                    size="small"
                    style={{ width: 180 }}
                    placeholder={t('figures.searchDepartment')}
                    aria-label={t('figures.searchDepartment')}
                    onSearch={setDeptQuery}
                    onChange={(e) => !e.target.value && setDeptQuery('')}
                  />
                }
              >
                <Table<RankedDept>
                  rowKey="departmentId"
                  size="small"
                  columns={deptColumns}
                  dataSource={departments}
                  pagination={{
                    defaultPageSize: 10,
                    showSizeChanger: true,
                    pageSizeOptions: [10, 20, 50],
                    showTotal: (n) => t('figures.departmentCount', { n: formatNumber(n) }),
                    size: 'small',
                  }}
                  data-testid="figures-departments"
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('figures.categories')} style={{ marginBottom: 16 }}>
                {f.categories.map((c) => (
                  <Flex key={c.category} gap={8} align="center">
                    <span style={{ width: 90 }}>{nameOf(c.category)}</span>
                    <Progress
                      percent={(c.count / maxCategory) * 100}
                      showInfo={false}
                      style={{ flex: 1 }}
                      aria-label={nameOf(c.category)}
                    />
                    <span style={{ width: 40, textAlign: 'right' }}>{c.count}</span>
                  </Flex>
                ))}
              </Card>
              <Card size="small" title={t('figures.channels')}>
                {f.channels.map((c) => (
                  <Flex key={c.channel} gap={8} align="center">
                    <span style={{ width: 130 }}>{t(`appeal.channel.${c.channel}`)}</span>
                    <Progress
                      percent={(c.count / maxChannel) * 100}
                      aria-label={t(`appeal.channel.${c.channel}`)}
                      showInfo={false}
                      strokeColor="#13c2c2"
                      style={{ flex: 1 }}
                    />
                    <span style={{ width: 40, textAlign: 'right' }}>{c.count}</span>
                  </Flex>
                ))}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}
