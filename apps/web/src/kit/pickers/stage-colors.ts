import type { ProjectStatus } from '@yingshang/contracts';

/** Project stage tag colours (always shown with the stage's name). */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  lead: 'default',
  negotiating: 'blue',
  signed: 'cyan',
  started: 'purple',
  producing: 'green',
  terminated: 'red',
};
