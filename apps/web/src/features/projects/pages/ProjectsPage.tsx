import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '@yingshang/contracts';
import { App, Button, Checkbox, Flex, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  EnumFilter,
  filter,
  formatDate,
  formatDateTime,
  formatWan,
  type ListColumn,
  ListPage,
  listPageBinding,
  ProjectFlags,
  RegionFilter,
  StageTag,
  useRequest,
  useUrlFilters,
  wanToMinor,
  withUnit,
} from '../../../kit';
import { type ProjectQuery, projectApi } from '../api';
import { FiguresStrip } from '../components/FiguresStrip';
import { ImportDialog } from '../components/ImportDialog';
import { IndustrySelect } from '../components/IndustrySelect';
import { ORIGIN_GROUP_KEYS, PROJECT_SORTS, PROJECT_STATUSES } from '../model';

const INDUSTRY_RE = /^([A-T]|\d{2,4})$/;
const REACHED_STAGES = ['signed', 'started', 'producing'] as const;

/** The list's filters in the URL (the dashboard's figures link here with reached + a period). */
const FILTERS = {
  q: filter.string(),
  status: filter.enum(PROJECT_STATUSES),
  region: filter.string(),
  industry: filter.string(),
  origin: filter.enum(ORIGIN_GROUP_KEYS),
  min: filter.string(),
  max: filter.string(),
  leader: filter.string(),
  blocked: filter.boolean(),
  stalled: filter.boolean(),
  reached: filter.enum(REACHED_STAGES),
  reachedOn: filter.dayRange({ from: 'reachedFrom', to: 'reachedTo' }),
  sort: filter.enum(PROJECT_SORTS, { default: 'updatedAt' }),
  order: filter.enum(['asc', 'desc'] as const, { default: 'desc' }),
  page: filter.page(),
  pageSize: filter.pageSize([20, 50, 100]),
};
const NOT_FILTERS = ['sort', 'order'] as const;

const amountOk = (s: string) => !s.trim() || wanToMinor(s) !== null;
const cleanAmount = (s: string) => s.replace(/[,，\s]/g, '');

/** 招商项目库: filters in the URL, the period's figures, the dense table, export and import. */
export function ProjectsPage() {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const { can } = useAuth();
  const canWrite = can('projects.write');
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS, NOT_FILTERS);
  const v = f.values;
  const industry = INDUSTRY_RE.test(v.industry) ? v.industry : undefined;
  const reachedOn = v.reached ? v.reachedOn : {};

  const [draft, setDraft] = useState({ q: v.q, leader: v.leader, min: v.min, max: v.max });
  useEffect(
    () => setDraft({ q: v.q, leader: v.leader, min: v.min, max: v.max }),
    [v.q, v.leader, v.min, v.max],
  );
  const [importing, setImporting] = useState(false);

  const query: ProjectQuery = {
    q: v.q || undefined,
    status: v.status,
    regionId: v.region || undefined,
    industry,
    origin: v.origin,
    minInvestmentFen: v.min ? (wanToMinor(v.min) ?? undefined) : undefined,
    maxInvestmentFen: v.max ? (wanToMinor(v.max) ?? undefined) : undefined,
    leader: v.leader || undefined,
    blocked: v.blocked ? 'true' : undefined,
    stalled: v.stalled ? 'true' : undefined,
    reached: v.reached,
    reachedFrom: reachedOn.from,
    reachedTo: reachedOn.to,
    sort: v.sort,
    order: v.order,
  };
  const queryKey = JSON.stringify(query);
  const list = useRequest(
    () => projectApi.list({ ...query, page: v.page, pageSize: v.pageSize }),
    [queryKey, v.page, v.pageSize],
  );

  const apply = () => {
    if (!amountOk(draft.min) || !amountOk(draft.max)) {
      message.warning(t('project.filter.amountInvalid'));
      return;
    }
    f.set({ q: draft.q, leader: draft.leader, min: cleanAmount(draft.min), max: cleanAmount(draft.max) });
  };

  const wan = t('unit.wanYuan');
  const columns: ListColumn<ProjectSummary>[] = [
    {
      key: 'name',
      locked: true,
      title: t('project.col.name'),
      dataIndex: 'name',
      width: 220,
      fixed: 'left',
      sortable: true,
      ellipsis: { showTitle: false },
      render: (name: string, p) => (
        <Tooltip title={name} placement="topLeft">
          <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
        </Tooltip>
      ),
    },
    { key: 'code', defaultHidden: true, title: t('project.col.code'), dataIndex: 'code', width: 130 },
    { key: 'region', title: t('project.col.location'), dataIndex: 'regionName', width: en ? 110 : 100 },
    {
      key: 'industry',
      title: t('project.col.industry'),
      dataIndex: 'industryName',
      width: 140,
      ellipsis: { showTitle: false },
      render: (name: string, p) => (
        <Tooltip title={`${p.industryCode} ${name}`} placement="topLeft">
          {name}
        </Tooltip>
      ),
    },
    {
      key: 'investors',
      title: t('project.col.investors'),
      dataIndex: 'investorNames',
      width: 220,
      ellipsis: true,
    },
    {
      key: 'origin',
      defaultHidden: true,
      title: t('project.col.origin'),
      dataIndex: 'originGroup',
      width: en ? 150 : 110,
      render: (o: ProjectSummary['originGroup']) => t(`project.origin.${o}`),
    },
    {
      key: 'leader',
      title: t('project.col.leader'),
      dataIndex: 'leaderName',
      width: 96,
      ellipsis: true,
      render: (name: string | null) => name ?? '—',
    },
    {
      key: 'signedOn',
      title: t('project.col.signedOn'),
      dataIndex: 'signedOn',
      width: 108,
      sortable: true,
      className: 'num-cell',
      render: (d: string | null) => formatDate(d),
    },
    {
      key: 'updatedAt',
      defaultHidden: true,
      title: t('project.col.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      sortable: true,
      className: 'num-cell',
      render: (d: string) => formatDateTime(d),
    },
    {
      key: 'foreignCapital',
      title: withUnit(t('project.col.foreignCapital'), t('unit.wanUsd'), locale),
      dataIndex: 'foreignCapitalUsdCents',
      width: en ? 150 : 120,
      align: 'right',
      className: 'num-cell',
      render: (cents: number) => (cents ? formatWan(cents, 2) : '—'),
    },
    {
      key: 'fundsInPlace',
      defaultHidden: true,
      title: withUnit(t('project.col.fundsInPlace'), wan, locale),
      dataIndex: 'fundsInPlaceFen',
      width: 130,
      align: 'right',
      className: 'num-cell',
      render: (fen: number) => formatWan(fen, 2),
    },
    {
      key: 'totalInvestment',
      important: true,
      title: withUnit(t('project.col.totalInvestment'), wan, locale),
      dataIndex: 'totalInvestmentFen',
      width: en ? 150 : 130,
      align: 'right',
      sortable: true,
      className: 'num-cell',
      render: (fen: number) => formatWan(fen, 2),
    },
    {
      key: 'status',
      important: true,
      title: t('project.col.stage'),
      dataIndex: 'status',
      width: en ? 100 : 72,
      render: (s: ProjectSummary['status']) => <StageTag status={s} />,
    },
    {
      key: 'flags',
      important: true,
      title: t('project.col.flags'),
      width: en ? 100 : 86,
      render: (_: unknown, p: ProjectSummary) => <ProjectFlags project={p} />,
    },
  ];

  const filters = (
    <>
      <Input.Search
        allowClear
        style={{ width: 250, maxWidth: '100%' }}
        placeholder={t('project.filter.search')}
        aria-label={t('project.filter.search')}
        value={draft.q}
        onChange={(e) => {
          setDraft({ ...draft, q: e.target.value });
          if (!e.target.value && v.q) f.set({ q: '' });
        }}
        onSearch={(q) => f.set({ q })}
        data-testid="projects-search"
      />
      <EnumFilter
        values={PROJECT_STATUSES}
        value={v.status}
        onChange={(status) => f.set({ status })}
        text={(s) => t(`project.status.${s}`)}
        label={t('project.filter.stage')}
        width={en ? 140 : 110}
        testId="projects-filter-stage"
      />
      <RegionFilter
        value={v.region}
        onChange={(region = '') => f.set({ region })}
        placeholder={t('project.filter.region')}
        width={180}
        testId="projects-filter-region"
      />
      <IndustrySelect
        value={industry}
        onChange={(code) => f.set({ industry: code ?? '' })}
        placeholder={t('project.filter.industry')}
        style={{ width: 200 }}
        popupWidth={360}
        data-testid="projects-filter-industry"
      />
      <Select
        allowClear
        style={{ width: en ? 190 : 140 }}
        placeholder={t('project.filter.origin')}
        aria-label={t('project.filter.origin')}
        value={v.origin}
        onChange={(origin: ProjectSummary['originGroup'] | undefined) => f.set({ origin })}
        options={ORIGIN_GROUP_KEYS.map((o) => ({ value: o, label: t(`project.origin.${o}`) }))}
        popupMatchSelectWidth={false}
        data-testid="projects-filter-origin"
      />
      <Space.Compact>
        <Input
          style={{ width: en ? 140 : 110 }}
          placeholder={t('project.filter.min')}
          aria-label={t('project.filter.min')}
          value={draft.min}
          inputMode="decimal"
          status={amountOk(draft.min) ? undefined : 'error'}
          onChange={(e) => setDraft({ ...draft, min: e.target.value })}
          onPressEnter={apply}
          data-testid="projects-filter-min"
        />
        <Input
          style={{ width: 140 }}
          placeholder={t('project.filter.max')}
          aria-label={t('project.filter.maxLabel')}
          value={draft.max}
          inputMode="decimal"
          status={amountOk(draft.max) ? undefined : 'error'}
          onChange={(e) => setDraft({ ...draft, max: e.target.value })}
          onPressEnter={apply}
          suffix={<Typography.Text type="secondary">{wan}</Typography.Text>}
          data-testid="projects-filter-max"
        />
      </Space.Compact>
      <Input
        allowClear
        style={{ width: 130 }}
        placeholder={t('project.filter.leader')}
        aria-label={t('project.filter.leader')}
        value={draft.leader}
        onChange={(e) => setDraft({ ...draft, leader: e.target.value })}
        onPressEnter={apply}
        data-testid="projects-filter-leader"
      />
      <Flex align="center" gap={4} role="group" aria-label={t('project.filter.flags')}>
        <Checkbox
          checked={v.blocked}
          onChange={(e) => f.set({ blocked: e.target.checked })}
          data-testid="projects-filter-blocked"
        >
          {t('project.flag.blocked')}
        </Checkbox>
        <Checkbox
          checked={v.stalled}
          onChange={(e) => f.set({ stalled: e.target.checked })}
          data-testid="projects-filter-stalled"
        >
          {t('project.flag.stalled')}
        </Checkbox>
      </Flex>
      {v.reached ? (
        <Tag
          closable
          color="blue"
          onClose={() => f.set({ reached: undefined, reachedOn: {} })}
          data-testid="projects-filter-reached"
        >
          {t('project.filter.reached', {
            stage: t(`project.status.${v.reached}`),
            from: reachedOn.from ?? '…',
            to: reachedOn.to ?? '…',
          })}
        </Tag>
      ) : null}
    </>
  );

  return (
    <ListPage<ProjectSummary>
      id="projects"
      title={t('project.listTitle')}
      actions={
        canWrite ? (
          <>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="projects-import"
            >
              {t('project.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/projects/new')}
              data-testid="project-new"
            >
              {t('project.new')}
            </Button>
          </>
        ) : null
      }
      above={<FiguresStrip regionId={v.region || undefined} from={reachedOn.from} to={reachedOn.to} />}
      filters={filters}
      onSearch={apply}
      {...listPageBinding(f, PROJECT_SORTS)}
      columns={columns}
      rowKey="id"
      request={list}
      onOpen={(p) => navigate(`/projects/${p.id}`)}
      exportFile={{
        run: () => projectApi.exportXlsx(query),
        fallbackName: t('project.exportFile', { date: beijingToday() }),
        label: t('project.export'),
      }}
      emptyText={canWrite ? t('project.empty') : t('project.emptyReadOnly')}
    >
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void list.reload()}
      />
    </ListPage>
  );
}
