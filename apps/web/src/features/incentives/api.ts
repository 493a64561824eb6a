import type {
  ApplicationInput,
  CatalogueImportResult,
  CatalogueItem,
  EvaluateBody,
  EvaluationResult,
  IncentiveApplicationDetail,
  IncentiveApplicationSummary,
  IncentiveFigures,
  MatchingResult,
  Obligations,
  Policy,
  Rate,
} from '@yingshang/contracts';
import type { z } from 'zod';
import { api, type Page } from '../../app/api/client';

export type ApplicationBody = z.input<typeof ApplicationInput>;

/** The application list's filters (the list and its export take the same). */
export interface ApplicationQuery {
  status?: string;
  mine?: string;
  q?: string;
  /** Region subtree and submission days (inclusive), as the dashboard links here. */
  regionId?: string;
  from?: string;
  to?: string;
}

/** The incentives module's endpoints (惠企政策兑现). */
export const incentivesApi = {
  policies: () => api.get<z.infer<typeof Policy>[]>('/incentives/policies'),
  evaluate: (body: z.input<typeof EvaluateBody>) => api.post<EvaluationResult>('/incentives/evaluate', body),
  list: (q: ApplicationQuery & { page?: number; pageSize?: number }) =>
    api.get<Page<IncentiveApplicationSummary>>('/incentives/applications', { ...q }),
  /** 导出: the filtered applications as a workbook. */
  exportXlsx: (q: ApplicationQuery) => api.download('/incentives/applications/export.xlsx', { ...q }),
  get: (id: string) => api.get<IncentiveApplicationDetail>(`/incentives/applications/${id}`),
  apply: (body: ApplicationBody) => api.post<IncentiveApplicationDetail>('/incentives/applications', body),
  review: (id: string, body: { version: number; decision: string; note?: string | null }) =>
    api.post<IncentiveApplicationDetail>(`/incentives/applications/${id}/review`, body),
  resubmit: (id: string, body: { version: number; materials: unknown[]; note?: string | null }) =>
    api.post<IncentiveApplicationDetail>(`/incentives/applications/${id}/resubmit`, body),
  pay: (
    id: string,
    body: { version: number; paidOn: string; amountFen: number; voucherNo: string; note?: string | null },
  ) => api.post<IncentiveApplicationDetail>(`/incentives/applications/${id}/payments`, body),
  rates: (q: { from?: string; to?: string } = {}) => api.get<z.infer<typeof Rate>[]>('/incentives/rates', q),
  putRate: (body: { day: string; rate: string; note?: string | null; version?: number }) =>
    api.post<z.infer<typeof Rate>>('/incentives/rates', body),
  figures: (q: { regionId?: string; from?: string; to?: string }) =>
    api.get<z.infer<typeof IncentiveFigures>>('/incentives/figures', q),
  obligations: (q: { regionId?: string; overdueOnly?: string }) =>
    api.get<z.infer<typeof Obligations>>('/incentives/obligations', q),
  catalogue: (q: {
    version?: string;
    manufacturing?: string;
    q?: string;
    page?: number;
    pageSize?: number;
  }) => api.get<Page<z.infer<typeof CatalogueItem>>>('/incentives/catalogue', { ...q }),
  importCatalogue: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<z.infer<typeof CatalogueImportResult>>('/incentives/catalogue/import', form);
  },
  matching: (body: { projectId?: string; industryCode?: string; traits: string[] }) =>
    api.post<z.infer<typeof MatchingResult>>('/incentives/matching', body),
  toTask: (id: string, body: { campaignId: string; deadlineOn: string }) =>
    api.post<{ id: string }>(`/rectification/incentives/${id}/task`, body),
  promiseToTask: (id: string, body: { campaignId: string; deadlineOn: string }) =>
    api.post<{ id: string }>(`/rectification/promises/${id}/task`, body),
};
