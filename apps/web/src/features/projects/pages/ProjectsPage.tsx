import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '@yingshang/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { type ProjectQuery, projectApi } from '../../../app/api/endpoints';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  ColumnSettings,
  formatDate,
  formatDateTime,
  formatWan,
  OrgPicker,
  ProjectFlags,
  StageTag,
  saveBlob,
  useHiddenColumns,
  wanToMinor,
} from '../../../kit';
import { FiguresStrip } from '../components/FiguresStrip';
import { ImportDialog } from '../components/ImportDialog';
import { IndustrySelect } from '../components/IndustrySelect';
import {
  beijingToday,
  isOneOf,
  ORIGIN_GROUP_KEYS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  type ProjectSort,
} from '../model';

const PAGE_SIZES = [20, 50, 100];
const INDUSTRY_RE = /^([A-T]|\d{2,4})$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const REACHED_STAGES = ['signed', 'started', 'producing'] as const;
const COLUMNS_KEY = 'yingshang.projects.hiddenColumns';
const DEFAULT_HIDDEN = ['code', 'origin', 'fundsInPlace', 'updatedAt'];

/** 招商项目库: filters in the URL, the year's figures, the dense table, export and import. */
export function ProjectsPage() {
  const { t, formatNumber, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const { can } = useAuth();
  const canWrite = can('projects.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  // ---- filters from the URL ----
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isOneOf(PROJECT_STATUSES, statusParam) ? statusParam : undefined;
  const region = params.get('region') ?? undefined;
  const industryParam = params.get('industry') ?? '';
  const industry = INDUSTRY_RE.test(industryParam) ? industryParam : undefined;
  const originParam = params.get('origin');
  const origin = isOneOf(ORIGIN_GROUP_KEYS, originParam) ? originParam : undefined;
  const min = params.get('min') ?? '';
  const max = params.get('max') ?? '';
  const minFen = min ? (wanToMinor(min) ?? undefined) : undefined;
  const maxFen = max ? (wanToMinor(max) ?? undefined) : undefined;
  const leader = params.get('leader') ?? '';
  const blocked = params.get('blocked') === 'true';
  const stalled = params.get('stalled') === 'true';
  // the records behind a dashboard figure: reached a stage within a period
  const reachedParam = params.get('reached');
  const reached = isOneOf(REACHED_STAGES, reachedParam) ? reachedParam : undefined;
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY_RE.test(v) ? v : undefined;
  };
  const reachedFrom = day('reachedFrom');
  const reachedTo = day('reachedTo');
  const sortParam = params.get('sort');
  const sort: ProjectSort = isOneOf(PROJECT_SORTS, sortParam) ? sortParam : 'updatedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;

  const [draft, setDraft] = useState({ q, leader, min, max });
  useEffect(() => setDraft({ q, leader, min, max }), [q, leader, min, max]);

  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const columnsState = useHiddenColumns(COLUMNS_KEY, useAuth().me?.user.id, DEFAULT_HIDDEN);

  const filters: ProjectQuery = {
    q: q || undefined,
    status,
    regionId: region,
    industry,
    origin,
    minInvestmentFen: minFen,
    maxInvestmentFen: maxFen,
    leader: leader || undefined,
    blocked: blocked ? 'true' : undefined,
    stalled: stalled ? 'true' : undefined,
    reached,
    reachedFrom: reached ? reachedFrom : undefined,
    reachedTo: reached ? reachedTo : undefined,
    sort,
    order,
  };
  const filterKey = JSON.stringify(filters);
  const list = useRequest(() => projectApi.list({ ...filters, page, pageSize }), [filterKey, page, pageSize]);

  /** Writes filters to the URL; any filter change returns to page 1. */
  const update = (next: Record<string, string | number | undefined>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20))
        p.delete(k);
      else p.set(k, String(v));
    }
    if (!keepPage) p.delete('page');
    setParams(p);
  };

  const amountOk = (s: string) => !s.trim() || wanToMinor(s) !== null;
  const apply = () => {
    if (!amountOk(draft.min) || !amountOk(draft.max)) {
      message.warning(t('project.filter.amountInvalid'));
      return;
    }
    update({
      q: draft.q.trim(),
      leader: draft.leader.trim(),
      min: draft.min.replace(/[,，\s]/g, ''),
      max: draft.max.replace(/[,，\s]/g, ''),
    });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await projectApi.exportXlsx(filters);
      saveBlob(blob, filename ?? t('project.exportFile', { date: beijingToday() }));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setExporting(false);
    }
  };

  const sortOrderOf = (key: ProjectSort) =>
    sort === key ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const allColumns: (ColumnsType<ProjectSummary>[number] & { key: string; locked?: boolean })[] = [
    {
      key: 'name',
      locked: true,
      title: t('project.col.name'),
      dataIndex: 'name',
      width: 200,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      ellipsis: { showTitle: false },
      render: (v: string, p) => (
        <Tooltip title={v} placement="topLeft">
          <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
        </Tooltip>
      ),
    },
    {
      key: 'code',
      title: t('project.col.code'),
      dataIndex: 'code',
      width: 130,
      ellipsis: true,
    },
    {
      key: 'region',
      title: t('project.col.location'),
      dataIndex: 'regionName',
      width: en ? 96 : 100,
      ellipsis: true,
    },
    {
      key: 'industry',
      title: t('project.col.industry'),
      dataIndex: 'industryName',
      width: en ? 110 : 120,
      ellipsis: { showTitle: false },
      render: (v: string, p) => (
        <Tooltip title={`${p.industryCode} ${v}`} placement="topLeft">
          {v}
        </Tooltip>
      ),
    },
    {
      key: 'totalInvestment',
      title: t('project.col.totalInvestment'),
      dataIndex: 'totalInvestmentFen',
      width: 115,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('totalInvestment'),
      className: 'num-cell',
      render: (v: number) => formatWan(v, 2),
    },
    {
      key: 'foreignCapital',
      title: t('project.col.foreignCapital'),
      dataIndex: 'foreignCapitalUsdCents',
      width: 105,
      align: 'right',
      className: 'num-cell',
      render: (v: number) => (v ? formatWan(v, 2) : '—'),
    },
    {
      key: 'fundsInPlace',
      title: t('project.col.fundsInPlace'),
      dataIndex: 'fundsInPlaceFen',
      width: 115,
      align: 'right',
      className: 'num-cell',
      render: (v: number) => formatWan(v, 2),
    },
    {
      key: 'investors',
      title: t('project.col.investors'),
      dataIndex: 'investorNames',
      ellipsis: true,
    },
    {
      key: 'origin',
      title: t('project.col.origin'),
      dataIndex: 'originGroup',
      width: en ? 150 : 110,
      ellipsis: true,
      render: (v: ProjectSummary['originGroup']) => t(`project.origin.${v}`),
    },
    {
      key: 'status',
      title: t('project.col.stage'),
      dataIndex: 'status',
      width: en ? 98 : 70,
      render: (v: ProjectSummary['status']) => <StageTag status={v} />,
    },
    {
      key: 'flags',
      title: t('project.col.flags'),
      width: en ? 100 : 86,
      render: (_: unknown, p: ProjectSummary) => <ProjectFlags project={p} />,
    },
    {
      key: 'leader',
      title: t('project.col.leader'),
      dataIndex: 'leaderName',
      width: en ? 86 : 84,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'signedOn',
      title: t('project.col.signedOn'),
      dataIndex: 'signedOn',
      width: 104,
      sorter: true,
      sortOrder: sortOrderOf('signedOn'),
      className: 'num-cell',
      render: (v: string | null) => formatDate(v),
    },
    {
      key: 'updatedAt',
      title: t('project.col.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      className: 'num-cell',
      render: (v: string) => formatDateTime(v),
    },
  ];

  const columns = allColumns.filter((c) => c.locked || !columnsState.hidden.includes(c.key));
  // the investors column takes what is left (at least 130px); beyond the sum the table scrolls
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 130), 0);
  const filtered = !!(
    q ||
    status ||
    region ||
    industry ||
    origin ||
    min ||
    max ||
    leader ||
    blocked ||
    stalled ||
    reached
  );

  return (
    <Card
      title={t('project.listTitle')}
      extra={
        <Space>
          {canWrite ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="projects-import"
            >
              {t('project.import')}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={doExport}
            data-testid="projects-export"
          >
            {t('project.export')}
          </Button>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/projects/new')}
              data-testid="project-new"
            >
              {t('project.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <FiguresStrip regionId={region} />
      <Flex gap={8} wrap className="filter-bar" data-testid="projects-filter">
        <Input.Search
          allowClear
          style={{ width: 250 }}
          placeholder={t('project.filter.search')}
          value={draft.q}
          onChange={(e) => {
            setDraft({ ...draft, q: e.target.value });
            if (!e.target.value && q) update({ q: undefined });
          }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          data-testid="projects-search"
        />
        <Select
          allowClear
          style={{ width: en ? 140 : 110 }}
          placeholder={t('project.filter.stage')}
          value={status ?? undefined}
          onChange={(v: string | undefined) => update({ status: v })}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`project.status.${s}`) }))}
          data-testid="projects-filter-stage"
        />
        <OrgPicker
          value={region}
          onChange={(id) => update({ region: id })}
          placeholder={t('project.filter.region')}
          style={{ width: 180 }}
          popupWidth={320}
          data-testid="projects-filter-region"
        />
        <IndustrySelect
          value={industry}
          onChange={(code) => update({ industry: code })}
          placeholder={t('project.filter.industry')}
          style={{ width: 200 }}
          popupWidth={360}
          data-testid="projects-filter-industry"
        />
        <Select
          allowClear
          style={{ width: en ? 190 : 140 }}
          placeholder={t('project.filter.origin')}
          value={origin ?? undefined}
          onChange={(v: string | undefined) => update({ origin: v })}
          options={ORIGIN_GROUP_KEYS.map((o) => ({ value: o, label: t(`project.origin.${o}`) }))}
          popupMatchSelectWidth={false}
          data-testid="projects-filter-origin"
        />
        <Space.Compact>
          <Input
            style={{ width: en ? 140 : 110 }}
            placeholder={t('project.filter.min')}
            value={draft.min}
            inputMode="decimal"
            status={amountOk(draft.min) ? undefined : 'error'}
            onChange={(e) => setDraft({ ...draft, min: e.target.value })}
            onPressEnter={apply}
            aria-label={t('project.filter.min')}
            data-testid="projects-filter-min"
          />
          <Input
            style={{ width: 140 }}
            placeholder={t('project.filter.max')}
            value={draft.max}
            inputMode="decimal"
            status={amountOk(draft.max) ? undefined : 'error'}
            onChange={(e) => setDraft({ ...draft, max: e.target.value })}
            onPressEnter={apply}
            suffix={<Typography.Text type="secondary">{t('unit.wanYuan')}</Typography.Text>}
            aria-label={t('project.filter.max')}
            data-testid="projects-filter-max"
          />
        </Space.Compact>
        <Input
          allowClear
          style={{ width: 130 }}
          placeholder={t('project.filter.leader')}
          value={draft.leader}
          onChange={(e) => setDraft({ ...draft, leader: e.target.value })}
          onPressEnter={apply}
          data-testid="projects-filter-leader"
        />
        <Flex align="center" gap={4}>
          <Checkbox
            checked={blocked}
            onChange={(e) => update({ blocked: e.target.checked ? 'true' : undefined })}
            data-testid="projects-filter-blocked"
          >
            {t('project.flag.blocked')}
          </Checkbox>
          <Checkbox
            checked={stalled}
            onChange={(e) => update({ stalled: e.target.checked ? 'true' : undefined })}
            data-testid="projects-filter-stalled"
          >
            {t('project.flag.stalled')}
          </Checkbox>
        </Flex>
        {reached ? (
          <Tag
            closable
            color="blue"
            onClose={() => update({ reached: undefined, reachedFrom: undefined, reachedTo: undefined })}
            data-testid="projects-filter-reached"
          >
            {t('project.filter.reached', {
              stage: t(`project.status.${reached}`),
              from: reachedFrom ?? '…',
              to: reachedTo ?? '…',
            })}
          </Tag>
        ) : null}
        <Button type="primary" onClick={apply}>
          {t('common.search')}
        </Button>
        <Button onClick={() => setParams(new URLSearchParams())} disabled={!filtered}>
          {t('common.reset')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void list.reload()}
          aria-label={t('common.refresh')}
        />
        <div style={{ marginInlineStart: 'auto' }}>
          <ColumnSettings
            columns={allColumns.map((c) => ({ key: c.key, title: String(c.title), locked: c.locked }))}
            hidden={columnsState.hidden}
            onChange={columnsState.setHidden}
            onReset={columnsState.reset}
          />
        </div>
      </Flex>
      <Table<ProjectSummary>
        data-testid="projects-table"
        className="clickable-rows"
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        tableLayout="fixed"
        scroll={{ x: scrollX }}
        onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`) })}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ProjectSummary>;
          const key = s.columnKey as ProjectSort | undefined;
          if (!s.order || !key || !isOneOf(PROJECT_SORTS, key)) update({ sort: undefined, order: undefined });
          else update({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
        }}
        locale={{
          emptyText: list.error ? (
            <Empty description={t('error.loadFailed', { message: list.error.message })} />
          ) : filtered ? (
            <Empty description={t('project.emptyFiltered')} />
          ) : (
            <Empty description={canWrite ? t('project.empty') : t('project.emptyReadOnly')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('project.total', { total: formatNumber(total) }),
          onChange: (p, s) => update({ page: s !== pageSize ? 1 : p, pageSize: s }, true),
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void list.reload()}
      />
    </Card>
  );
}
