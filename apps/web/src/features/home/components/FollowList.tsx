import { Card, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, type Page } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';

export interface FollowRow {
  id: string;
  code: string;
  title: string;
  status: string;
  /** The status in words and its colour. */
  statusLabel: string;
  statusColor: string;
  /** A second line: when filed, what is due. */
  meta: ReactNode;
}

/**
 * The latest records an enterprise follows (its appeals, its applications) with their status, and
 * the way to the full list; an empty list says what to do first.
 */
export function FollowList<T>({
  title,
  endpoint,
  query,
  toRow,
  detailPath,
  listPath,
  empty,
  testId,
}: {
  title: string;
  endpoint: string;
  query: Record<string, string>;
  toRow: (item: T) => FollowRow;
  detailPath: string;
  listPath: string;
  empty: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  const { data, loading, error } = useRequest(
    () => api.get<Page<T>>(endpoint, { ...query, page: 1, pageSize: 5 }),
    [endpoint, JSON.stringify(query)],
  );
  const rows = (data?.items ?? []).map(toRow);
  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        <Link to={listPath}>
          {data ? t('home.follow.all', { total: data.total }) : t('home.follow.allPlain')}
        </Link>
      }
      style={{ height: '100%' }}
    >
      {error ? (
        <Typography.Text type="danger">{t('error.loadFailed', { message: error.message })}</Typography.Text>
      ) : !loading && rows.length === 0 ? (
        empty
      ) : (
        <List
          loading={loading}
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Flex justify="space-between" gap={8} align="flex-start">
                  <Link to={`${detailPath}/${r.id}`} style={{ minWidth: 0 }}>
                    <Typography.Text ellipsis style={{ color: 'inherit', maxWidth: '100%' }}>
                      {r.title}
                    </Typography.Text>
                  </Link>
                  <Tag color={r.statusColor} style={{ marginInlineEnd: 0, flex: 'none' }}>
                    {r.statusLabel}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code} · {r.meta}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
