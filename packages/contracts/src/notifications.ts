import { z } from 'zod';
import { Paging, Timestamp } from './common.js';

export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = Paging.extend({
  unread: z.enum(['true', 'false']).optional(),
}).strict();

export const UnreadCount = z.object({ unread: z.number().int() });
