import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Notification } from '@yingshang/contracts';
import { Alert, App, Button, Card, Empty, Flex, Pagination, Segmented, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { notificationApi } from '../api';
import { NotificationRow } from '../components/NotificationRow';
import { useOpenNotification } from '../hooks/use-open-notification';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const { data, loading, error, reload } = useRequest(
    () => notificationApi.list({ unread: unreadOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE }),
    [unreadOnly, page],
  );
  const open = useOpenNotification(() => void reload());

  const setQuery = (next: { unread?: boolean; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.unread !== undefined) {
      if (next.unread) p.set('unread', 'true');
      else p.delete('unread');
      p.delete('page');
    }
    if (next.page !== undefined) {
      if (next.page > 1) p.set('page', String(next.page));
      else p.delete('page');
    }
    setParams(p);
  };

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      await reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  const items = data?.items ?? [];
  return (
    <Card
      title={t('notif.title')}
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
            {t('common.refresh')}
          </Button>
          <Button
            icon={<CheckOutlined />}
            data-testid="notifications-mark-all"
            onClick={() => act(() => notificationApi.markAllRead(), t('notif.allReadDone'))}
          >
            {t('notif.markAllRead')}
          </Button>
        </Flex>
      }
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Segmented<'all' | 'unread'>
          data-testid="notifications-filter"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setQuery({ unread: v === 'unread' })}
          options={[
            { value: 'all', label: t('notif.filter.all') },
            { value: 'unread', label: t('notif.filter.unread') },
          ]}
        />
        {data ? (
          <Typography.Text type="secondary">
            {t('common.total', { total: formatNumber(data.total) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {error ? (
        <Alert type="error" showIcon title={t('error.loadFailed', { message: error.message })} />
      ) : (
        <Spin spinning={loading}>
          {items.length === 0 && !loading ? (
            <Empty description={unreadOnly ? t('notif.emptyUnread') : t('notif.emptyAll')} />
          ) : (
            <div className="notification-list bordered" data-testid="notifications-list">
              {items.map((n: Notification) => (
                <NotificationRow
                  key={n.id}
                  item={n}
                  onOpen={(x) => void open(x)}
                  onMarkRead={(x) => act(() => notificationApi.markRead(x.id))}
                />
              ))}
            </div>
          )}
        </Spin>
      )}
      {data && data.total > PAGE_SIZE ? (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            onChange={(p) => setQuery({ page: p })}
          />
        </Flex>
      ) : null}
    </Card>
  );
}
