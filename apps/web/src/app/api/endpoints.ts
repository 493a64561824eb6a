import type {
  AuditEntry,
  CreateProjectBody,
  FactorNeedInput,
  FundInput,
  ImportJob,
  ImportMode,
  Investor,
  InvestorInput,
  Locale,
  Me,
  Notification,
  OrgTreeNodeT,
  OrgUnit,
  ProjectDetail,
  ProjectFigures,
  ProjectSummary,
  PromiseInput,
  Role,
  StageChangeBody,
  UpdateFactorNeedBody,
  UpdateProjectBody,
  UpdatePromiseBody,
  User,
} from '@yingshang/contracts';
import { REGION_KINDS } from '@yingshang/contracts';
import { api, type Page } from './client';

export type OrgKind = OrgUnit['kind'];

export interface CreateOrgInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: 'zone' | 'department' | 'enterprise';
  parentId: string;
  category?: string | null;
  creditCode?: string | null;
}

export interface UpdateOrgInput {
  version: number;
  name?: string;
  shortName?: string | null;
  category?: string | null;
  creditCode?: string | null;
  active?: boolean;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  orgUnitId: string;
  roles: Role[];
  password: string;
  phone?: string | null;
  email?: string | null;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  orgUnitId?: string;
  roles?: Role[];
  phone?: string | null;
  email?: string | null;
  disabled?: boolean;
}

export interface UserQuery {
  orgUnitId?: string;
  role?: string;
  status?: 'active' | 'disabled' | 'locked';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditQuery {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export { REGION_KINDS };

export const authApi = {
  login: (username: string, password: string) => api.post<Me>('/auth/login', { username, password }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/change-password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.patch<{ ok: true }>('/auth/locale', { locale }),
};

export const orgApi = {
  tree: (kinds: readonly OrgKind[] = REGION_KINDS) =>
    api.get<OrgTreeNodeT[]>('/org-units/tree', { kinds: kinds.join(',') }),
  list: (query: { parentId?: string; kind?: OrgKind; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<OrgUnit>>('/org-units', query),
  get: (id: string) => api.get<OrgUnit>(`/org-units/${encodeURIComponent(id)}`),
  create: (body: CreateOrgInput) => api.post<OrgUnit>('/org-units', body),
  update: (id: string, body: UpdateOrgInput) =>
    api.patch<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, body),
};

export const userApi = {
  list: (query: UserQuery) => api.get<Page<User>>('/users', { ...query }),
  get: (id: string) => api.get<User>(`/users/${encodeURIComponent(id)}`),
  create: (body: CreateUserInput) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserInput) => api.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) =>
    api.post<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditEntry>>('/audit', { ...query }),
};

export const notificationApi = {
  list: (query: { unread?: 'true'; page?: number; pageSize?: number }) =>
    api.get<Page<Notification>>('/notifications', query),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ ok: true }>('/notifications/read-all'),
};

/**
 * The request body a zod schema accepts (its input type), read from the schema's type alone so
 * the web bundle never imports zod (`import type` of the schemas above).
 */
type BodyOf<S extends { _zod: { input: unknown } }> = S['_zod']['input'];

export type CreateProjectInput = BodyOf<typeof CreateProjectBody>;
export type UpdateProjectInput = BodyOf<typeof UpdateProjectBody>;
export type StageChangeInput = BodyOf<typeof StageChangeBody>;
export type NewFactorNeed = BodyOf<typeof FactorNeedInput>;
export type FactorNeedPatch = BodyOf<typeof UpdateFactorNeedBody>;
export type NewPromise = BodyOf<typeof PromiseInput>;
export type PromisePatch = BodyOf<typeof UpdatePromiseBody>;
export type NewFund = BodyOf<typeof FundInput>;
export type NewInvestor = BodyOf<typeof InvestorInput>;

/** GET /projects filters (money in fen; yes/no flags as 'true'). */
export interface ProjectQuery {
  q?: string;
  status?: ProjectSummary['status'];
  regionId?: string;
  industry?: string;
  origin?: ProjectSummary['originGroup'];
  minInvestmentFen?: number;
  maxInvestmentFen?: number;
  leader?: string;
  blocked?: 'true';
  stalled?: 'true';
  reached?: 'signed' | 'started' | 'producing';
  reachedFrom?: string;
  reachedTo?: string;
  sort?: 'updatedAt' | 'totalInvestment' | 'signedOn' | 'name';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** A GB/T 4754-2017 industry class. */
export interface Industry {
  code: string;
  name: string;
  level: string | number;
  parent: string | null;
}

/** Import jobs (packages/contracts/src/imports.ts): the types only, the schemas stay on the server. */
export type { ImportJob, ImportMode } from '@yingshang/contracts';

const pid = (id: string) => `/projects/${encodeURIComponent(id)}`;

export const projectApi = {
  list: (query: ProjectQuery) => api.get<Page<ProjectSummary>>('/projects', { ...query }),
  figures: (query: { regionId?: string; from: string; to: string }) =>
    api.get<ProjectFigures>('/projects/figures', query),
  get: (id: string) => api.get<ProjectDetail>(pid(id)),
  create: (body: CreateProjectInput) => api.post<ProjectDetail>('/projects', body),
  update: (id: string, body: UpdateProjectInput) => api.patch<ProjectDetail>(pid(id), body),
  changeStage: (id: string, body: StageChangeInput) => api.post<ProjectDetail>(`${pid(id)}/stage`, body),
  addFactorNeed: (id: string, body: NewFactorNeed) =>
    api.post<ProjectDetail>(`${pid(id)}/factor-needs`, body),
  updateFactorNeed: (id: string, needId: string, body: FactorNeedPatch) =>
    api.patch<ProjectDetail>(`${pid(id)}/factor-needs/${encodeURIComponent(needId)}`, body),
  addPromise: (id: string, body: NewPromise) => api.post<ProjectDetail>(`${pid(id)}/promises`, body),
  updatePromise: (id: string, promiseId: string, body: PromisePatch) =>
    api.patch<ProjectDetail>(`${pid(id)}/promises/${encodeURIComponent(promiseId)}`, body),
  addFund: (id: string, body: NewFund) => api.post<ProjectDetail>(`${pid(id)}/funds`, body),
  exportXlsx: (query: ProjectQuery) => api.download('/projects/export.xlsx', { ...query }),
  startImport: (file: File, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string }>('/projects/import', form, { mode });
  },
  importStatus: (id: string) => api.get<ImportJob>(`/projects/import/${encodeURIComponent(id)}`),
  cancelImport: (id: string) => api.post<unknown>(`/projects/import/${encodeURIComponent(id)}/cancel`),
};

export const investorApi = {
  list: (query: { q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<Investor>>('/investors', query),
  create: (body: NewInvestor) => api.post<Investor>('/investors', body),
  matches: (query: { name?: string; creditCode?: string }) =>
    api.get<{ matches: Investor[] }>('/investors/matches', query),
};

export const industryApi = {
  search: (q: string) => api.get<Industry[]>('/industries', { q }),
};
