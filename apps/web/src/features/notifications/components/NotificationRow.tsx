import type { Notification } from '@yingshang/contracts';
import { Badge, Button, Flex, Typography } from 'antd';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../kit';

interface Props {
  item: Notification;
  onOpen: (n: Notification) => void;
  onMarkRead?: (n: Notification) => void;
  compact?: boolean;
}

/** One notification: unread dot, title, body, time; clicking opens it. */
export function NotificationRow({ item, onOpen, onMarkRead, compact }: Props) {
  const { t } = useI18n();
  const unread = !item.readAt;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(item);
    }
  };
  return (
    <Flex
      className={`notification-row${unread ? ' is-unread' : ''}`}
      data-testid="notification-row"
      gap={10}
      align="flex-start"
      role="button"
      tabIndex={0}
      onClick={() => onOpen(item)}
      onKeyDown={onKey}
      style={{ padding: compact ? '8px 12px' : '12px 16px' }}
    >
      <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 6 }} />
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" gap={8}>
          <Typography.Text strong={unread} ellipsis={compact}>
            {item.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatDateTime(item.createdAt)}
          </Typography.Text>
        </Flex>
        {item.body ? (
          <Typography.Paragraph
            type="secondary"
            ellipsis={compact ? { rows: 2 } : false}
            style={{ margin: 0, fontSize: compact ? 12 : 14 }}
          >
            {item.body}
          </Typography.Paragraph>
        ) : null}
      </Flex>
      {onMarkRead ? (
        <div style={{ width: 96, textAlign: 'right' }}>
          {unread ? (
            <Button
              size="small"
              type="link"
              onClick={(e: MouseEvent) => {
                e.stopPropagation();
                onMarkRead(item);
              }}
            >
              {t('notif.markRead')}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('notif.read')}
            </Typography.Text>
          )}
        </div>
      ) : null}
    </Flex>
  );
}
