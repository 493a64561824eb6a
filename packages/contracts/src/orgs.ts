import { z } from 'zod';
import { Paging, SearchText, Timestamp, Version } from './common.js';
import { ORG_KINDS, ROLES } from './roles.js';

export const OrgUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number().int(),
  /** Zones: national / provincial level; departments: their function (商务, 自然资源 …). */
  category: z.string().nullable(),
  creditCode: z.string().nullable(),
  pinyin: z.string(),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgListQuery = Paging.extend({
  parentId: z.string().max(64).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  q: SearchText.optional(),
}).strict();

export const OrgTreeNode: z.ZodType<OrgTreeNodeT> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    children: z.array(OrgTreeNode),
  }),
);
export interface OrgTreeNodeT {
  id: string;
  code: string;
  name: string;
  kind: (typeof ORG_KINDS)[number];
  children: OrgTreeNodeT[];
}

export const OrgTreeQuery = z.object({ kinds: z.string().max(100).optional() }).strict();

const Name = z.string().trim().min(1).max(100);
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,32}$/, 'code: 2–32 letters, digits, - or _');

/** GB 32100-2015 unified social credit code shape (check digit verified by the server). */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'credit code: 18 characters');

export const CreateOrgBody = z
  .object({
    code: Code,
    name: Name,
    shortName: z.string().trim().max(50).nullish(),
    kind: z.enum(['zone', 'department', 'enterprise']),
    parentId: z.string().min(1).max(64),
    category: z.string().trim().max(50).nullish(),
    creditCode: CreditCode.nullish(),
  })
  .strict();

export const UpdateOrgBody = z
  .object({
    version: Version,
    name: Name.optional(),
    shortName: z.string().trim().max(50).nullish(),
    category: z.string().trim().max(50).nullish(),
    creditCode: CreditCode.nullish(),
    active: z.boolean().optional(),
  })
  .strict();

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  orgUnitKind: z.enum(ORG_KINDS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = Paging.extend({
  orgUnitId: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  /** active: can sign in; disabled: switched off; locked: temporarily locked after failed sign-ins. */
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  q: SearchText.optional(),
}).strict();

const Username = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'username: 3–32 lower-case letters, digits, _ . -');
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'phone: digits');
const Email = z.string().trim().email().max(120);

export const CreateUserBody = z
  .object({
    username: Username,
    displayName: Name,
    orgUnitId: z.string().min(1).max(64),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    password: z.string().min(1).max(200),
    phone: Phone.nullish(),
    email: Email.nullish(),
  })
  .strict();

export const UpdateUserBody = z
  .object({
    version: Version,
    displayName: Name.optional(),
    orgUnitId: z.string().min(1).max(64).optional(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
    phone: Phone.nullish(),
    email: Email.nullish(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const ResetPasswordResult = z.object({ temporaryPassword: z.string() });
