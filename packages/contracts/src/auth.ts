import { z } from 'zod';
import { ORG_KINDS, PERMISSIONS, ROLES } from './roles.js';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict();

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  })
  .strict();

export const OrgRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  path: z.string(),
});

export const Me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    locale: z.enum(['zh-CN', 'en-US']),
    mustChangePassword: z.boolean(),
    orgUnit: OrgRef,
  }),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** The earliest day this user may enter something as having happened (补录), or null: no limit. */
  backdateFrom: z.string().nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const LocaleBody = z.object({ locale: z.enum(['zh-CN', 'en-US']) }).strict();
