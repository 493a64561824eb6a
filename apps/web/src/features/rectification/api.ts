import type {
  Arrear,
  ArrearDetail,
  ArrearFigures,
  CampaignFigures,
  TaskDetail,
  TaskSummary,
} from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';
import { campaignLookupApi } from '../../kit';

export interface TaskQuery {
  campaignId?: string;
  problemId?: string;
  status?: string;
  timing?: string;
  /** verification: reported complete, waiting for the inspector (待核查). */
  awaiting?: 'verification';
  source?: string;
  unitId?: string;
  zoneId?: string;
  /** Tasks with a lead unit, cooperating unit or zone in this region's subtree (as the figures count). */
  regionId?: string;
  q?: string;
  sort?: 'deadlineOn' | 'updatedAt' | 'progress';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface NewTask {
  campaignId: string;
  problemId: string;
  issue: string;
  measures: string;
  leadOrgId: string;
  coopOrgIds: string[];
  zoneIds: string[];
  deadlineOn: string;
  milestones: { title: string; dueOn: string }[];
}

/** The rectification module's endpoints (整改台账). */
export const rectificationApi = {
  campaigns: campaignLookupApi.list,
  figures: (id: string, regionId?: string) =>
    api.get<CampaignFigures>(`/rectification/campaigns/${id}/figures`, { regionId }),
  tasks: (q: TaskQuery) => api.get<Page<TaskSummary>>('/rectification/tasks', { ...q }),
  task: (id: string) => api.get<TaskDetail>(`/rectification/tasks/${id}`),
  createTask: (body: NewTask & { source: string }) => api.post<TaskDetail>('/rectification/tasks', body),
  recordFinding: (body: NewTask & { findings: string }) =>
    api.post<TaskDetail>('/rectification/findings', body),
  step: (id: string, step: string, body: Record<string, unknown>) =>
    api.post<TaskDetail>(`/rectification/tasks/${id}/${step}`, body),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string; fileName: string }>(`/rectification/tasks/${id}/attachments`, form);
  },
  exportXlsx: (q: TaskQuery) =>
    api.download('/rectification/tasks/export.xlsx', { ...q, page: undefined, pageSize: undefined }),
  arrears: (q: { q?: string; status?: string; regionId?: string; page?: number; pageSize?: number }) =>
    api.get<Page<Arrear>>('/rectification/arrears', { ...q }),
  exportArrears: (q: { q?: string; status?: string; regionId?: string }) =>
    api.download('/rectification/arrears/export.xlsx', { ...q }),
  arrear: (id: string) => api.get<ArrearDetail>(`/rectification/arrears/${id}`),
  arrearFigures: (regionId?: string) =>
    api.get<ArrearFigures>('/rectification/arrears/figures', { regionId }),
  createArrear: (body: Record<string, unknown>) => api.post<ArrearDetail>('/rectification/arrears', body),
  repay: (id: string, body: { version: number; paidOn: string; amountFen: number; note?: string | null }) =>
    api.post<ArrearDetail>(`/rectification/arrears/${id}/repayments`, body),
};

export { beijingToday } from '../../kit';

/** 0.5 → "50.0%", null → "—". */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
