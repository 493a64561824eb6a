import type {
  AuditEntry,
  Campaign,
  Investor,
  InvestorInput,
  OrgTreeNodeT,
  OrgUnit,
  ProjectSummary,
  User,
} from '@yingshang/contracts';
import { REGION_KINDS } from '@yingshang/contracts';
import { api, type Page } from '../app/api/client';

/**
 * The shared reads: reference data and look-ups the kit's pickers and several features use. A
 * feature's own endpoints live in its `api.ts`; what two features read lives here.
 */

type OrgKind = OrgUnit['kind'];

/**
 * The request body a zod schema accepts (its input type), read from the schema's type alone so
 * the web bundle never imports zod (`import type` of the schemas above).
 */
type BodyOf<S extends { _zod: { input: unknown } }> = S['_zod']['input'];

export type NewInvestor = BodyOf<typeof InvestorInput>;

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

/** The org tree and units: shared reference data (the orgs feature adds create / update). */
export const orgApi = {
  tree: (kinds: readonly OrgKind[] = REGION_KINDS) =>
    api.get<OrgTreeNodeT[]>('/org-units/tree', { kinds: kinds.join(',') }),
  list: (query: { parentId?: string; kind?: OrgKind; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<OrgUnit>>('/org-units', query),
  get: (id: string) => api.get<OrgUnit>(`/org-units/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditEntry>>('/audit', { ...query }),
};

export const investorApi = {
  list: (query: { q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<Investor>>('/investors', query),
  create: (body: NewInvestor) => api.post<Investor>('/investors', body),
  matches: (query: { name?: string; creditCode?: string }) =>
    api.get<{ matches: Investor[] }>('/investors/matches', query),
};

/** Users of the caller's area for a picker (GET /users); the users feature owns the rest of /users. */
export const userLookupApi = {
  list: (query: { q?: string; status?: 'active'; page?: number; pageSize?: number }) =>
    api.get<Page<User>>('/users', { ...query }),
};

/** The offices (city / county / zone) an enterprise addresses an appeal or an application to. */
export const appealOfficesApi = {
  list: () => api.get<{ id: string; name: string; kind: 'city' | 'county' | 'zone' }[]>('/appeals/offices'),
};

/** The rectification campaigns (整改专项) for a picker; the rectification feature owns the rest. */
export const campaignLookupApi = {
  list: () => api.get<Campaign[]>('/rectification/campaigns'),
};

/** Projects of the pipeline for a picker (GET /projects); the projects feature owns the rest. */
export const projectLookupApi = {
  list: (query: {
    q?: string;
    regionId?: string;
    sort?: 'updatedAt' | 'totalInvestment' | 'signedOn' | 'name';
    order?: 'asc' | 'desc';
    page?: number;
    pageSize?: number;
  }) => api.get<Page<ProjectSummary>>('/projects', { ...query }),
};
