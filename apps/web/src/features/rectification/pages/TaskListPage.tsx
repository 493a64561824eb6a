import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { RECTIFICATION_SOURCES, TASK_STATUSES, TASK_TIMINGS, type TaskSummary } from '@yingshang/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { OrgPicker, saveBlob } from '../../../kit';
import { beijingToday, rectificationApi, type TaskQuery } from '../api';
import { OverduePromisesModal } from '../components/OverduePromisesModal';
import { RectNav } from '../components/RectNav';
import { TaskFormModal } from '../components/TaskFormModal';
import { TaskTags } from '../components/TaskTags';
import { useCampaign } from '../hooks';

const oneOf = <T extends string>(list: readonly T[], v: string | null) =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** 整改任务台账: filters in the URL, a dense table with server paging, export and import. */
export function TaskListPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { campaigns, campaign, choose } = useCampaign();
  const [form, setForm] = useState<'finding' | 'task' | null>(null);
  const [busy, setBusy] = useState(false);
  const [promises, setPromises] = useState(false);

  const query: TaskQuery = {
    campaignId: campaign?.id,
    problemId: params.get('problemId') ?? undefined,
    status: oneOf(TASK_STATUSES, params.get('status')),
    timing: oneOf(TASK_TIMINGS, params.get('timing')),
    source: oneOf(RECTIFICATION_SOURCES, params.get('source')),
    unitId: params.get('unitId') ?? undefined,
    zoneId: params.get('zoneId') ?? undefined,
    regionId: params.get('regionId') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        if (!('page' in patch)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  const list = useRequest(() => (campaign ? rectificationApi.tasks(query) : null), [JSON.stringify(query)]);

  async function exportLedger() {
    setBusy(true);
    try {
      const { blob, filename } = await rectificationApi.exportXlsx(query);
      saveBlob(blob, filename ?? t('rect.exportFile', { date: beijingToday() }));
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File) {
    if (!campaign) return;
    setBusy(true);
    try {
      const r = await rectificationApi.importXlsx(campaign.id, file);
      message.success(t('rect.import.done', { count: r.imported }));
      await list.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) return;
      const errors = (
        e.details as { errors?: { row: number; column: string; message: string }[] } | undefined
      )?.errors;
      if (!errors) {
        message.error(e.message);
        return;
      }
      modal.error({
        title: t('rect.import.failed', { count: errors.length }),
        width: 640,
        content: (
          <ul data-testid="rect-import-errors" style={{ maxHeight: 320, overflow: 'auto', paddingLeft: 16 }}>
            {errors.map((x) => (
              <li key={`${x.row}-${x.column}-${x.message}`}>{t('rect.import.row', x)}</li>
            ))}
          </ul>
        ),
      });
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<TaskSummary> = [
    { title: t('rect.col.code'), dataIndex: 'code', width: 180, fixed: 'left' },
    { title: t('rect.col.problem'), dataIndex: 'problemName', width: 130, ellipsis: true },
    { title: t('rect.col.issue'), dataIndex: 'issue', width: 260, ellipsis: true },
    { title: t('rect.col.lead'), dataIndex: 'leadOrgName', width: 150, ellipsis: true },
    {
      title: t('rect.col.coops'),
      dataIndex: 'coopOrgNames',
      width: 150,
      ellipsis: true,
      render: (v: string[]) => v.join('、') || '—',
    },
    { title: t('rect.col.deadline'), dataIndex: 'deadlineOn', width: 110 },
    {
      title: t('rect.col.progress'),
      dataIndex: 'progress',
      width: 130,
      render: (v: number) => (
        <Progress percent={v} format={(p) => `${p}%`} size="small" aria-label={t('rect.col.progress')} />
      ),
    },
    { title: t('rect.col.status'), key: 'status', width: 200, render: (_, r) => <TaskTags task={r} /> },
    {
      title: t('rect.col.source'),
      dataIndex: 'source',
      width: 110,
      render: (v: TaskSummary['source']) => <Tag>{t(`rect.source.${v}`)}</Tag>,
    },
  ];

  return (
    <>
      <RectNav />
      {!campaign ? (
        <Empty description={t('rect.campaign.none')} />
      ) : (
        <Card size="small">
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {campaign.title}
            </Typography.Title>
            <Space wrap>
              {can('rectification.verify') && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setForm('finding')}
                  data-testid="rect-finding"
                >
                  {t('rect.action.finding')}
                </Button>
              )}
              {can('rectification.manage') && (
                <Button icon={<PlusOutlined />} onClick={() => setForm('task')} data-testid="rect-new-task">
                  {t('rect.action.newTask')}
                </Button>
              )}
              <Button
                icon={<DownloadOutlined />}
                loading={busy}
                onClick={exportLedger}
                data-testid="rect-export"
              >
                {t('rect.action.export')}
              </Button>
              {can('rectification.manage') && (
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void importFile(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={busy} data-testid="rect-import">
                    {t('rect.action.import')}
                  </Button>
                </Upload>
              )}
              {can('rectification.manage') && (
                <Button
                  type="link"
                  onClick={async () => {
                    const { blob, filename } = await rectificationApi.importTemplate(campaign.id);
                    saveBlob(blob, filename ?? 'template.xlsx');
                  }}
                >
                  {t('rect.action.template')}
                </Button>
              )}
            </Space>
          </Flex>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {(campaigns?.length ?? 0) > 1 && (
              <Select
                style={{ width: 240 }}
                value={campaign.id}
                onChange={choose}
                options={(campaigns ?? []).map((c) => ({ value: c.id, label: c.title }))}
              />
            )}
            <Input.Search
              aria-label={t('rect.filter.search')}
              allowClear
              style={{ width: 220 }}
              placeholder={t('rect.filter.search')}
              defaultValue={query.q}
              onSearch={(v) => set({ q: v || undefined })}
              data-testid="rect-search"
            />
            <OrgPicker
              style={{ width: 180 }}
              popupWidth={320}
              placeholder={t('rect.filter.region')}
              value={query.regionId}
              onChange={(id) => set({ regionId: id })}
              data-testid="rect-filter-region"
            />
            <Select
              aria-label={t('rect.col.problem')}
              allowClear
              style={{ width: 200 }}
              placeholder={t('rect.col.problem')}
              value={query.problemId}
              onChange={(v) => set({ problemId: v })}
              options={campaign.problems.map((p) => ({ value: p.id, label: `${p.seq}. ${p.name}` }))}
            />
            <Select
              aria-label={t('rect.col.status')}
              allowClear
              style={{ width: 130 }}
              placeholder={t('rect.col.status')}
              value={query.status}
              onChange={(v) => set({ status: v })}
              options={TASK_STATUSES.map((s) => ({ value: s, label: t(`rect.status.${s}`) }))}
            />
            <Select
              aria-label={t('rect.col.timing')}
              allowClear
              style={{ width: 120 }}
              placeholder={t('rect.col.timing')}
              value={query.timing}
              onChange={(v) => set({ timing: v })}
              options={TASK_TIMINGS.map((s) => ({ value: s, label: t(`rect.filter.timing.${s}`) }))}
            />
            <Select
              aria-label={t('rect.col.source')}
              allowClear
              style={{ width: 140 }}
              placeholder={t('rect.col.source')}
              value={query.source}
              onChange={(v) => set({ source: v })}
              options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: t(`rect.source.${s}`) }))}
            />
            <OrgPicker
              withLeafUnits
              style={{ width: 200 }}
              popupWidth={360}
              placeholder={t('rect.filter.unit')}
              value={query.unitId}
              onChange={(id) => set({ unitId: id })}
            />
            <OrgPicker
              style={{ width: 180 }}
              popupWidth={320}
              placeholder={t('rect.filter.zone')}
              value={query.zoneId}
              onChange={(id) => set({ zoneId: id })}
            />
          </Flex>
          <Table<TaskSummary>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.loading}
            scroll={{ x: 1370 }}
            data-testid="rect-tasks-table"
            onRow={(r) => ({
              onClick: () => navigate(`/rectification/tasks/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: <Empty description={t('rect.fig.noTasks')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => `${n}`,
              onChange: (page, pageSize) => set({ page: String(page), pageSize: String(pageSize) }),
            }}
          />
          <OverduePromisesModal campaign={campaign} open={promises} onClose={() => setPromises(false)} />
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
        </Card>
      )}
    </>
  );
}
