import type { notificationsZhCN } from './i18n.zh-CN';

/** en-US texts of the notifications feature: the same keys as i18n.zh-CN.ts. */
export const notificationsEnUS: Record<keyof typeof notificationsZhCN, string> = {
  'notif.title': 'Notifications',
  'notif.latest': 'Latest notifications',
  'notif.markAllRead': 'Mark all as read',
  'notif.markRead': 'Mark as read',
  'notif.viewAll': 'View all notifications',
  'notif.empty': 'No notifications',
  'notif.emptyAll': 'No notifications yet. Assignments and approaching deadlines will show up here.',
  'notif.emptyUnread': 'No unread notifications. Switch to "All" to see those already read.',
  'notif.filter.all': 'All',
  'notif.filter.unread': 'Unread',
  'notif.read': 'Read',
  'notif.unread': 'Unread',
  'notif.allReadDone': 'All notifications marked as read',
  'notif.unreadCount': '{count} unread',
  'notif.open': 'Open',
};
