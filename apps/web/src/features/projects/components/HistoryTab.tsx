import type { AuditEntry } from '@yingshang/contracts';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { AuditDiff, auditApi, formatDateTime } from '../../../kit';

const lastSegment = (code: string) => code.split(/[.:/]/).pop() ?? code;

/** 变更记录: the project's audit trail (GET /audit?entity=project&entityId=…), before/after on expand. */
export function HistoryTab({ projectId, version }: { projectId: string; version: number }) {
  const { t, tMaybe, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const list = useRequest(
    () => auditApi.list({ entity: 'project', entityId: projectId, page, pageSize: 20 }),
    [projectId, page, version],
  );
  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
    {
      title: t('audit.col.actor'),
      dataIndex: 'actorName',
      width: 220,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 130,
      render: (v: string) => (
        <Tag>{tMaybe(`audit.action.${v}`, tMaybe(`audit.action.${lastSegment(v)}`, v))}</Tag>
      ),
    },
    {
      title: t('audit.col.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
  ];
  return (
    <Table<AuditEntry>
      data-testid="project-history"
      rowKey="id"
      size="small"
      loading={list.loading}
      columns={columns}
      dataSource={list.data?.items ?? []}
      expandable={{
        expandedRowRender: (e) => <AuditDiff entry={e} />,
        rowExpandable: (e) => e.before != null || e.after != null,
      }}
      locale={{
        emptyText: list.error ? (
          <Empty description={t('error.loadFailed', { message: list.error.message })} />
        ) : (
          <Empty description={t('project.historyEmpty')} />
        ),
      }}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('common.total', { total: formatNumber(total) }),
        onChange: setPage,
      }}
    />
  );
}
