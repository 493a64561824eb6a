import type {
  AppealAction,
  AppealCategory,
  AppealDetail,
  AppealFigures,
  AppealSummary,
  HolidayYear,
  MeetingDetail,
  MeetingSummary,
  SlaRule,
} from '@yingshang/contracts';
import { api, type Page } from '../../app/api/client';
import { appealOfficesApi } from '../../kit';

/** A file attached to an appeal. */
export interface AppealFile {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface AppealQuery {
  q?: string;
  status?: string;
  open?: 'true' | 'false';
  channel?: string;
  category?: string;
  urgency?: string;
  sla?: string;
  regionId?: string;
  departmentId?: string;
  meetingId?: string;
  supervised?: 'true' | 'false';
  from?: string;
  to?: string;
  sort?: 'due' | 'filed' | 'updated';
  page?: number;
  pageSize?: number;
}

export interface NewAppeal {
  channel: string;
  category: string;
  urgency: string;
  title: string;
  description: string;
  enterpriseId?: string | null;
  regionId?: string | null;
  projectId?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  anonymous: boolean;
}

export interface NewMeeting {
  series: string;
  title: string;
  heldOn: string;
  regionId: string;
  hostLeader: string;
  location?: string | null;
  enterpriseIds: string[];
  notes?: string | null;
}

export interface HolidayCalendar {
  years: HolidayYear[];
  missingYears: number[];
}

/** The appeals module's endpoints. */
export const appealApi = {
  list: (q: AppealQuery) => api.get<Page<AppealSummary>>('/appeals', { ...q }),
  exportXlsx: (q: AppealQuery) => api.download('/appeals/export.xlsx', { ...q }),
  get: (id: string) => api.get<AppealDetail>(`/appeals/${id}`),
  create: (body: NewAppeal) => api.post<AppealDetail>('/appeals', body),
  step: (id: string, action: AppealAction, body: Record<string, unknown>) =>
    api.post<AppealDetail>(`/appeals/${id}/${action}`, body),
  offices: appealOfficesApi.list,
  attachments: (id: string) => api.get<AppealFile[]>(`/appeals/${id}/attachments`),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<AppealFile>(`/appeals/${id}/attachments`, form);
  },
  download: (id: string, itemId: string) => api.download(`/appeals/${id}/attachments/${itemId}`),
  departments: (id: string) =>
    api.get<{ id: string; name: string; regionName: string }[]>(`/appeals/${id}/departments`),
  categories: () => api.get<AppealCategory[]>('/appeals/categories'),
  figures: (q: { from: string; to: string; regionId?: string }) =>
    api.get<AppealFigures>('/appeals/figures', { ...q }),
  calendar: (from: number) => api.get<HolidayCalendar>('/appeal-calendar', { from }),
  putYear: (
    year: number,
    body: { holidays: string[]; workdays: string[]; note?: string | null; version?: number | null },
  ) => api.put<HolidayCalendar>(`/appeal-calendar/${year}`, body),
  slaRules: () => api.get<SlaRule[]>('/appeal-sla-rules'),
  updateSlaRule: (id: string, body: Omit<SlaRule, 'id' | 'channel' | 'category' | 'urgency'>) =>
    api.patch<SlaRule[]>(`/appeal-sla-rules/${id}`, body),
  meetings: (q: { series?: string; regionId?: string; page?: number; pageSize?: number }) =>
    api.get<Page<MeetingSummary>>('/appeal-meetings', { ...q }),
  meeting: (id: string) => api.get<MeetingDetail>(`/appeal-meetings/${id}`),
  createMeeting: (body: NewMeeting) => api.post<MeetingDetail>('/appeal-meetings', body),
  raiseIssue: (
    id: string,
    body: { enterpriseId: string; category: string; urgency: string; title: string; description: string },
  ) => api.post<MeetingDetail>(`/appeal-meetings/${id}/issues`, body),
};
