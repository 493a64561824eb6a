import type { Dashboard } from '@yingshang/contracts';
import { api } from '../../app/api/client';

export const dashboardApi = {
  get: (q: { regionId?: string; from: string; to: string }) => api.get<Dashboard>('/dashboard', q),
  exportXlsx: (q: { regionId?: string; from: string; to: string }) =>
    api.download('/dashboard/export.xlsx', q),
};
