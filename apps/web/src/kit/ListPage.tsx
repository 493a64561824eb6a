import { Button, Card, Empty, Flex, Grid, Table, type TableProps, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import type { Key, ReactNode } from 'react';
import type { Page } from '../app/api/client';
import type { RequestState } from '../app/api/use-request';
import { useAuth } from '../app/auth/auth-context';
import { useI18n } from '../app/i18n/i18n-context';
import { ColumnSettings } from './ColumnSettings';
import { ExportButton, type ExportFile } from './ExportButton';
import { FilterBar } from './FilterBar';
import { LoadError } from './RecordStates';
import { useHiddenColumns } from './use-hidden-columns';
import './kit.css';

export type SortOrder = 'asc' | 'desc';

/** A column of a list: antd's column plus what the kit does with it. */
export interface ListColumn<T> extends Omit<ColumnType<T>, 'key' | 'title' | 'sorter' | 'sortOrder'> {
  /** The column's id: the sort key sent to the server when `sortable`, the key in 列设置. */
  key: string;
  /** Plain text (列设置 lists it); put the unit in it with withUnit(): 「总投资（万元）」. */
  title: string;
  /** Always shown (the record's name). */
  locked?: boolean;
  /** Hidden until the user shows it in 列设置. */
  defaultHidden?: boolean;
  /**
   * The money / status column that matters: fixed at the right, never behind a sideways scroll (put
   * it last). On a phone the table shows only the locked and the important columns.
   */
  important?: boolean;
  /** Sorted on the server by `key`. */
  sortable?: boolean;
}

export interface ListPageProps<T> {
  /** The list's id: 列设置 is remembered per list and per user under it; the test ids derive from it. */
  id: string;
  title: ReactNode;
  /** Buttons beside the title (新建, 导入); they wrap under it on a phone. */
  actions?: ReactNode;
  /** Between the title and the filters (a figure strip). */
  above?: ReactNode;
  /** The filter controls (inside a FilterBar). */
  filters?: ReactNode;
  onSearch?: () => void;
  onReset?: () => void;
  filtered: boolean;
  columns: ListColumn<T>[];
  rowKey: keyof T & string;
  /** The page of rows (useRequest of the list call). */
  request: RequestState<Page<T>>;
  page: number;
  pageSize: number;
  pageSizes?: number[];
  onPageChange: (page: number, pageSize: number) => void;
  sort?: { key?: string; order?: SortOrder };
  onSortChange?: (key: string | undefined, order: SortOrder | undefined) => void;
  /** Opens the record (row click, Enter or Space on a focused row). */
  onOpen?: (row: T) => void;
  /** 导出 of the filtered rows. */
  exportFile?: { run: () => Promise<ExportFile>; fallbackName: string; label?: string };
  /** What to do next when there is nothing yet (the filters loosened: said by the kit). */
  emptyText: ReactNode;
  /** A button under the empty text (新建). */
  emptyAction?: ReactNode;
  /** 共 N 条 unless told otherwise. */
  totalText?: (total: string) => string;
  rowClassName?: (row: T) => string;
  /** Shown instead of the table: another view of the same filtered records (a month calendar). */
  altView?: ReactNode;
  /** Rows that open in place (an audit row's before / after) instead of a page of their own. */
  expandable?: TableProps<T>['expandable'];
  /** Test ids: `${id}-table`, `${id}-filter`, `${id}-export`, `${id}-columns` unless given. */
  testIds?: { table?: string; filter?: string; export?: string; columns?: string };
  children?: ReactNode;
}

/**
 * A list page: title and actions, filter bar, a dense server-paged table that always says 共 N 条,
 * sorting sent to the server, 列设置 remembered per user, 导出 of the filtered rows, rows that open
 * the record (mouse and keyboard), an empty state that says what to do next, and 无权限 / 不存在
 * after a 403 / 404 instead of an empty table. The money and status columns marked `important` are
 * fixed at the right; the table scrolls inside its own box, the page never sideways.
 */
export function ListPage<T extends object>(props: ListPageProps<T>) {
  const {
    id,
    title,
    actions,
    above,
    filters,
    onSearch,
    onReset,
    filtered,
    columns,
    rowKey,
    request,
    page,
    pageSize,
    pageSizes = [20, 50, 100],
    onPageChange,
    sort,
    onSortChange,
    onOpen,
    exportFile,
    emptyText,
    emptyAction,
    totalText,
    rowClassName,
    expandable,
    altView,
    testIds = {},
    children,
  } = props;
  const { t, formatNumber } = useI18n();
  const { me } = useAuth();
  const defaultHidden = columns.filter((c) => c.defaultHidden).map((c) => c.key);
  const cols = useHiddenColumns(id, me?.user.id, defaultHidden);

  // on a phone the table shows the record's key and the columns that matter (money, status) in
  // the screen's width, headers wrapping, never a sideways scroll; the rest is on the detail page
  const phone = Grid.useBreakpoint().sm === false;
  const visible = phone
    ? columns.filter((c) => c.locked || c.important)
    : columns.filter((c) => c.locked || !cols.hidden.includes(c.key));
  const shown = visible.map(({ locked: _l, defaultHidden: _d, important, sortable, ...c }) => ({
    ...c,
    width: phone ? undefined : c.width,
    ellipsis: phone ? false : c.ellipsis,
    fixed: phone ? undefined : important ? ('right' as const) : c.fixed,
    sorter: sortable ? true : undefined,
    sortOrder: sortable
      ? sort?.key === c.key
        ? sort.order === 'asc'
          ? ('ascend' as const)
          : ('descend' as const)
        : null
      : undefined,
  }));

  const error = request.error;
  const settings = (
    <ColumnSettings
      columns={columns.map((c) => ({ key: c.key, title: c.title, locked: c.locked }))}
      hidden={cols.hidden}
      onChange={cols.setHidden}
      onReset={cols.reset}
      testId={testIds.columns ?? `${id}-columns`}
    />
  );

  return (
    <Card className="kit-list">
      <Flex className="kit-list-head" justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={4} className="kit-list-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex gap={8} wrap>
          {actions}
          {exportFile ? (
            <ExportButton
              run={exportFile.run}
              fallbackName={exportFile.fallbackName}
              label={exportFile.label}
              testId={testIds.export ?? `${id}-export`}
            />
          ) : null}
        </Flex>
      </Flex>
      {above}
      <FilterBar
        onSearch={onSearch}
        onReset={onReset}
        filtered={filtered}
        onRefresh={() => void request.reload()}
        end={settings}
        testId={testIds.filter ?? `${id}-filter`}
      >
        {filters}
      </FilterBar>
      {altView ? (
        altView
      ) : error ? (
        <LoadError error={error} onRetry={() => void request.reload()} testId={`${id}-error`} />
      ) : (
        <div className={phone ? 'kit-table-box kit-table-phone' : 'kit-table-box'}>
          <Table<T>
            data-testid={testIds.table ?? `${id}-table`}
            className={onOpen ? 'clickable-rows' : undefined}
            rowKey={rowKey}
            size="small"
            loading={request.loading}
            columns={shown}
            dataSource={request.data?.items ?? []}
            scroll={phone ? undefined : { x: 'max-content' }}
            rowClassName={rowClassName}
            expandable={expandable}
            onRow={
              onOpen
                ? (row) => ({
                    onClick: () => onOpen(row),
                    onKeyDown: (e) => {
                      if (e.target !== e.currentTarget) return;
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(row);
                      }
                    },
                    tabIndex: 0,
                  })
                : undefined
            }
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort' || !onSortChange) return;
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T>;
              const key = s.columnKey as Key | undefined;
              if (!s.order || key === undefined) onSortChange(undefined, undefined);
              else onSortChange(String(key), s.order === 'ascend' ? 'asc' : 'desc');
            }}
            locale={{
              emptyText: (
                <Empty
                  description={filtered ? t('kit.emptyFiltered') : emptyText}
                  data-testid={`${id}-empty`}
                >
                  {filtered && onReset ? <Button onClick={onReset}>{t('kit.reset')}</Button> : emptyAction}
                </Empty>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: request.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: pageSizes,
              showTotal: (total) =>
                totalText ? totalText(formatNumber(total)) : t('kit.total', { total: formatNumber(total) }),
              onChange: (p, s) => onPageChange(s !== pageSize ? 1 : p, s),
            }}
          />
          {request.data && request.data.total === 0 ? (
            // antd hides the pager of an empty table: the count is still said
            <div className="kit-list-total" data-testid={`${id}-total`}>
              {totalText ? totalText(formatNumber(0)) : t('kit.total', { total: formatNumber(0) })}
            </div>
          ) : null}
        </div>
      )}
      {children}
    </Card>
  );
}
