/** zh-CN texts of the notifications feature (merged into the app's table; en-US carries the same keys). */
export const notificationsZhCN = {
  'notif.title': '通知中心',
  'notif.latest': '最新通知',
  'notif.markAllRead': '全部标为已读',
  'notif.markRead': '标为已读',
  'notif.viewAll': '查看全部通知',
  'notif.empty': '暂无通知',
  'notif.emptyAll': '暂无通知。有任务分派给您或期限临近时，会在这里提醒。',
  'notif.emptyUnread': '没有未读通知。可以切换到“全部”查看已读的通知。',
  'notif.filter.all': '全部',
  'notif.filter.unread': '未读',
  'notif.read': '已读',
  'notif.unread': '未读',
  'notif.allReadDone': '已全部标为已读',
  'notif.unreadCount': '{count} 条未读',
  'notif.open': '查看',
} as const;
