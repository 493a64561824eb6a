import type { OrgUnit } from '@yingshang/contracts';
import { api } from '../../app/api/client';
import { orgApi as orgReads } from '../../kit';

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

/** The kit's org reads (tree / list / get) plus the orgs feature's own writes. */
export const orgApi = {
  ...orgReads,
  create: (body: CreateOrgInput) => api.post<OrgUnit>('/org-units', body),
  update: (id: string, body: UpdateOrgInput) =>
    api.patch<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, body),
};
