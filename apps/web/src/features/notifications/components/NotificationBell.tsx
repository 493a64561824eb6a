import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@yingshang/contracts';
import { App, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { notificationApi } from '../api';
import { useOpenNotification } from '../hooks/use-open-notification';
import { useUnreadCount } from '../hooks/use-unread-count';
import { NotificationRow } from './NotificationRow';

export function NotificationBell() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { unread, refresh } = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async () => {
    setLoading(true);
    try {
      const page = await notificationApi.list({ page: 1, pageSize: 5 });
      setItems(page.items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setLoading(false);
    }
  };

  const openItem = useOpenNotification(refresh);

  const markAll = async () => {
    try {
      await notificationApi.markAllRead();
      message.success(t('notif.allReadDone'));
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  const content = (
    <div style={{ width: 'min(380px, calc(100vw - 32px))' }} data-testid="notification-popover">
      <Spin spinning={loading}>
        {items && items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('notif.emptyAll')}
            style={{ padding: 16 }}
          />
        ) : (
          <div className="notification-list" style={{ minHeight: 60 }}>
            {(items ?? []).map((n) => (
              <NotificationRow
                key={n.id}
                item={n}
                compact
                onOpen={(x) => {
                  setOpen(false);
                  void openItem(x);
                }}
              />
            ))}
          </div>
        )}
      </Spin>
      <Flex
        justify="space-between"
        align="center"
        style={{ borderTop: '1px solid #f0f0f0', padding: '8px 12px 0' }}
      >
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          onClick={markAll}
          data-testid="notification-mark-all"
        >
          {t('notif.markAllRead')}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-view-all">
          {t('notif.viewAll')}
        </Link>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          void load();
          refresh();
        }
      }}
      title={
        <Flex justify="space-between" style={{ padding: '0 4px' }}>
          <span>{t('notif.latest')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('notif.unreadCount', { count: unread })}
          </Typography.Text>
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={`${t('header.notifications')} ${t('notif.unreadCount', { count: unread })}`}
        style={{ height: 40, width: 44 }}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
