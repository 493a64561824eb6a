import { ExclamationCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { RECTIFICATION_SOURCES, TASK_STATUSES, TASK_TIMINGS, type TaskSummary } from '@yingshang/contracts';
import { Button, Empty, Progress, Select, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  EnumFilter,
  filter,
  formatDate,
  LedgerImportDialog,
  type ListColumn,
  ListPage,
  listPageBinding,
  OrgPicker,
  RegionFilter,
  SearchFilter,
  useUrlFilters,
} from '../../../kit';
import { beijingToday, rectificationApi, type TaskQuery } from '../api';
import { OverduePromisesModal } from '../components/OverduePromisesModal';
import { RectNav } from '../components/RectNav';
import { TaskFormModal } from '../components/TaskFormModal';
import { TaskTags } from '../components/TaskTags';
import { useCampaign } from '../hooks';

/** The ledger's filters in the URL (the dashboard and the rankings link here with `regionId`, `unitId`, `zoneId`). */
const FILTERS = {
  q: filter.string(),
  problemId: filter.string(),
  status: filter.enum(TASK_STATUSES),
  timing: filter.enum(TASK_TIMINGS),
  awaiting: filter.enum(['verification'] as const),
  source: filter.enum(RECTIFICATION_SOURCES),
  regionId: filter.string(),
  unitId: filter.string(),
  zoneId: filter.string(),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};

/**
 * 整改任务台账 of the chosen campaign: filters in the URL, 共 N 条, 列设置, the status fixed at the
 * right, 导出 of the filtered tasks, the task list imported from Excel, and overdue investment
 * promises turned into tasks.
 */
export function TaskListPage() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { can } = useAuth();
  const navigate = useNavigate();
  const { campaigns, campaign, choose } = useCampaign();
  const [form, setForm] = useState<'finding' | 'task' | null>(null);
  const [importing, setImporting] = useState(false);
  const [promises, setPromises] = useState(false);
  const f = useUrlFilters(FILTERS);
  const v = f.values;

  const query: TaskQuery = {
    campaignId: campaign?.id,
    problemId: v.problemId || undefined,
    status: v.status,
    timing: v.timing,
    awaiting: v.awaiting,
    source: v.source,
    unitId: v.unitId || undefined,
    zoneId: v.zoneId || undefined,
    regionId: v.regionId || undefined,
    q: v.q || undefined,
  };
  const list = useRequest(
    () => (campaign ? rectificationApi.tasks({ ...query, page: v.page, pageSize: v.pageSize }) : null),
    [JSON.stringify(query), v.page, v.pageSize],
  );

  const columns: ListColumn<TaskSummary>[] = [
    { key: 'code', locked: true, title: t('rect.col.code'), dataIndex: 'code', width: 200, fixed: 'left' },
    { key: 'problem', title: t('rect.col.problem'), dataIndex: 'problemName', width: 130, ellipsis: true },
    { key: 'issue', title: t('rect.col.issue'), dataIndex: 'issue', width: 240, ellipsis: true },
    { key: 'lead', title: t('rect.col.lead'), dataIndex: 'leadOrgName', width: 150, ellipsis: true },
    {
      key: 'coops',
      title: t('rect.col.coops'),
      dataIndex: 'coopOrgNames',
      width: 150,
      ellipsis: true,
      defaultHidden: true,
      render: (names: string[]) => names.join('、') || '—',
    },
    {
      key: 'source',
      title: t('rect.col.source'),
      dataIndex: 'source',
      width: en ? 150 : 110,
      render: (s: TaskSummary['source']) => <Tag>{t(`rect.source.${s}`)}</Tag>,
    },
    {
      key: 'deadline',
      title: t('rect.col.deadline'),
      dataIndex: 'deadlineOn',
      width: 104,
      className: 'num-cell',
      render: (d: string) => formatDate(d),
    },
    {
      key: 'progress',
      title: t('rect.col.progress'),
      dataIndex: 'progress',
      width: 120,
      render: (p: number) => (
        <Progress percent={p} format={(n) => `${n}%`} size="small" aria-label={t('rect.col.progress')} />
      ),
    },
    {
      key: 'status',
      important: true,
      title: t('rect.col.status'),
      width: 170,
      render: (_: unknown, r: TaskSummary) => <TaskTags task={r} />,
    },
  ];

  if (!campaign)
    return (
      <>
        <RectNav />
        <Empty description={t('rect.campaign.none')} />
      </>
    );

  const filters = (
    <>
      {(campaigns?.length ?? 0) > 1 ? (
        <Select
          aria-label={t('rect.campaign.choose')}
          style={{ width: 240 }}
          value={campaign.id}
          onChange={choose}
          options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
      ) : null}
      <SearchFilter
        value={v.q}
        onSearch={(q) => f.set({ q })}
        placeholder={t('rect.filter.search')}
        testId="rect-search"
      />
      <RegionFilter
        value={v.regionId}
        onChange={(regionId = '') => f.set({ regionId })}
        placeholder={t('rect.filter.region')}
        width={180}
        testId="rect-filter-region"
      />
      <Select
        aria-label={t('rect.col.problem')}
        allowClear
        style={{ width: 200 }}
        placeholder={t('rect.col.problem')}
        value={v.problemId || undefined}
        onChange={(problemId: string | undefined) => f.set({ problemId: problemId ?? '' })}
        options={campaign.problems.map((p) => ({ value: p.id, label: `${p.seq}. ${p.name}` }))}
        popupMatchSelectWidth={false}
      />
      <EnumFilter
        values={TASK_STATUSES}
        value={v.status}
        onChange={(status) => f.set({ status })}
        text={(s) => t(`rect.status.${s}`)}
        label={t('rect.col.status')}
        width={130}
      />
      <EnumFilter
        values={TASK_TIMINGS}
        value={v.timing}
        onChange={(timing) => f.set({ timing })}
        text={(s) => t(`rect.filter.timing.${s}`)}
        label={t('rect.col.timing')}
        width={120}
      />
      <EnumFilter
        values={['verification'] as const}
        value={v.awaiting}
        onChange={(awaiting) => f.set({ awaiting })}
        text={() => t('rect.filter.awaitingVerification')}
        label={t('rect.filter.awaiting')}
        width={130}
      />
      <EnumFilter
        values={RECTIFICATION_SOURCES}
        value={v.source}
        onChange={(source) => f.set({ source })}
        text={(s) => t(`rect.source.${s}`)}
        label={t('rect.col.source')}
      />
      <OrgPicker
        withLeafUnits
        style={{ width: 200 }}
        popupWidth={360}
        placeholder={t('rect.filter.unit')}
        value={v.unitId || undefined}
        onChange={(id) => f.set({ unitId: id ?? '' })}
      />
      <RegionFilter
        value={v.zoneId}
        onChange={(zoneId = '') => f.set({ zoneId })}
        placeholder={t('rect.filter.zone')}
        width={180}
      />
    </>
  );

  const manage = can('rectification.manage');
  return (
    <>
      <RectNav />
      <ListPage<TaskSummary>
        id="rect-tasks"
        title={campaign.title}
        actions={
          <>
            {can('rectification.verify') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm('finding')}
                data-testid="rect-finding"
              >
                {t('rect.action.finding')}
              </Button>
            ) : null}
            {manage ? (
              <Button icon={<PlusOutlined />} onClick={() => setForm('task')} data-testid="rect-new-task">
                {t('rect.action.newTask')}
              </Button>
            ) : null}
            {manage ? (
              <Button
                icon={<ExclamationCircleOutlined />}
                onClick={() => setPromises(true)}
                data-testid="rect-promises"
              >
                {t('rect.action.promises')}
              </Button>
            ) : null}
            {manage ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="rect-import">
                {t('rect.action.import')}
              </Button>
            ) : null}
          </>
        }
        filters={filters}
        {...listPageBinding(f)}
        columns={columns}
        rowKey="id"
        request={list}
        onOpen={(r) => navigate(`/rectification/tasks/${r.id}`)}
        exportFile={{
          run: () => rectificationApi.exportXlsx(query),
          fallbackName: t('rect.exportFile', { date: beijingToday() }),
          label: t('rect.action.export'),
        }}
        emptyText={t('rect.fig.noTasks')}
        testIds={{ table: 'rect-tasks-table', export: 'rect-export' }}
      >
        <OverduePromisesModal campaign={campaign} open={promises} onClose={() => setPromises(false)} />
        <LedgerImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          onImported={() => list.reload()}
          title={t('rect.import.title')}
          hint={t('rect.import.hint', { title: campaign.title })}
          endpoint="/rectification/tasks/import"
          mappingEndpoint="/rectification/tasks/import/mapping"
          templateEndpoint="/rectification/tasks/import-template.xlsx"
          query={{ campaignId: campaign.id }}
        />
        <TaskFormModal
          campaign={campaign}
          mode={form ?? 'task'}
          open={form !== null}
          onClose={() => setForm(null)}
          onCreated={(id) => {
            setForm(null);
            navigate(`/rectification/tasks/${id}`);
          }}
        />
      </ListPage>
    </>
  );
}
