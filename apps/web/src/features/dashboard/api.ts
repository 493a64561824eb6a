import type { Dashboard, MonthlyReport, TargetsBody } from '@yingshang/contracts';
import type { z } from 'zod';
import { api } from '../../app/api/client';

export const dashboardApi = {
  get: (q: { regionId?: string; from: string; to: string }) => api.get<Dashboard>('/dashboard', q),
  monthly: (q: { regionId?: string; month: string }) => api.get<MonthlyReport>('/dashboard/monthly', q),
  setTargets: (body: z.infer<typeof TargetsBody>) => api.put<void>('/dashboard/targets', body),
  monthlyXlsx: (q: { regionId?: string; month: string }) => api.download('/dashboard/monthly.xlsx', q),
  exportXlsx: (q: { regionId?: string; from: string; to: string }) =>
    api.download('/dashboard/export.xlsx', q),
};
