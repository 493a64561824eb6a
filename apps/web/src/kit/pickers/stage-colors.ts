import type { ProjectStatus } from '@yingshang/contracts';

/**
 * The project stages in order and every status (the stages + terminated), shared by the projects
 * and dashboard features; mirrored from packages/contracts (features/projects/model.ts checks them
 * against the contract's types).
 */
export const STAGES = ['lead', 'negotiating', 'signed', 'started', 'producing'] as const;
export const PROJECT_STATUSES = [...STAGES, 'terminated'] as const;

/** Project stage tag colours (always shown with the stage's name). */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  lead: 'default',
  negotiating: 'blue',
  signed: 'cyan',
  started: 'purple',
  producing: 'green',
  terminated: 'red',
};
