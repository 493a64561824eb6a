import type {
  ActivityDetail,
  ActivityFigures,
  ActivitySummary,
  CreateActivityBody,
  LeaderLogRow,
  Official,
  OfficialInput,
  UpdateActivityBody,
  UpdateOfficialBody,
} from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';
import type { ActivitySort, ActivityType } from './model';

/** A request body as the zod schema accepts it, from the schema's type alone (no zod in the bundle). */
type BodyOf<S extends { _zod: { input: unknown } }> = S['_zod']['input'];

/** A file attached to an activity (contracts' Attachment). */
export interface Attachment {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}
export type NewActivity = BodyOf<typeof CreateActivityBody>;
export type ActivityPatch = BodyOf<typeof UpdateActivityBody>;
export type NewOfficial = BodyOf<typeof OfficialInput>;
export type OfficialPatch = BodyOf<typeof UpdateOfficialBody>;

export interface ActivityQuery {
  q?: string;
  type?: ActivityType;
  regionId?: string;
  officialId?: string;
  investorId?: string;
  from?: string;
  to?: string;
  sort?: ActivitySort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const aid = (id: string) => `/activities/${encodeURIComponent(id)}`;

export const activityApi = {
  list: (query: ActivityQuery) => api.get<Page<ActivitySummary>>('/activities', { ...query }),
  figures: (query: { regionId?: string; from: string; to: string }) =>
    api.get<ActivityFigures>('/activities/figures', query),
  leaders: (query: {
    regionId?: string;
    from: string;
    to: string;
    q?: string;
    mainOnly?: 'true';
    page?: number;
    pageSize?: number;
  }) => api.get<Page<LeaderLogRow>>('/activities/leaders', query),
  get: (id: string) => api.get<ActivityDetail>(aid(id)),
  create: (body: NewActivity) => api.post<ActivityDetail>('/activities', body),
  update: (id: string, body: ActivityPatch) => api.patch<ActivityDetail>(aid(id), body),
  remove: (id: string, version: number) => api.del<{ ok: true }>(`${aid(id)}?version=${version}`),
  attachments: (id: string) => api.get<Attachment[]>(`${aid(id)}/attachments`),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Attachment>(`${aid(id)}/attachments`, form);
  },
  download: (id: string, itemId: string) =>
    api.download(`${aid(id)}/attachments/${encodeURIComponent(itemId)}`),
  removeAttachment: (id: string, itemId: string) =>
    api.del<{ ok: true }>(`${aid(id)}/attachments/${encodeURIComponent(itemId)}`),
};

export const officialApi = {
  list: (query: { q?: string; regionId?: string; active?: 'true'; page?: number; pageSize?: number }) =>
    api.get<Page<Official>>('/officials', query),
  get: (id: string) => api.get<Official>(`/officials/${encodeURIComponent(id)}`),
  create: (body: NewOfficial) => api.post<Official>('/officials', body),
  update: (id: string, body: OfficialPatch) =>
    api.patch<Official>(`/officials/${encodeURIComponent(id)}`, body),
};
