import type {
  CreateProjectBody,
  FactorNeedInput,
  FundInput,
  ImportColumnKey,
  ImportJob,
  ImportMode,
  ProjectDetail,
  ProjectFigures,
  ProjectSummary,
  PromiseInput,
  StageChangeBody,
  UpdateFactorNeedBody,
  UpdateProjectBody,
  UpdatePromiseBody,
} from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';

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
  startImport: (file: File, mode: ImportMode, sheet?: string) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string }>('/projects/import', form, { mode, sheet });
  },
  /** Saves the clerk's corrected columns for the unit's next files. */
  saveImportMapping: (columns: { header: string; key: ImportColumnKey | null }[]) =>
    api.put<unknown>('/projects/import/mapping', { columns }),
  importStatus: (id: string) => api.get<ImportJob>(`/projects/import/${encodeURIComponent(id)}`),
  cancelImport: (id: string) => api.post<unknown>(`/projects/import/${encodeURIComponent(id)}/cancel`),
};

export const industryApi = {
  search: (q: string) => api.get<Industry[]>('/industries', { q }),
};
