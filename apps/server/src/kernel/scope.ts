import type { ErrorCode } from '@yingshang/contracts';
import { type Actor, inScope } from '../lib/actor.js';
import { fail } from '../lib/app-error.js';

/**
 * Visible or not found: a record outside the actor's subtree (their region, department or
 * enterprise) reads exactly like one that does not exist, so ids of other units leak nothing.
 * `path` is the record's materialised scope path (a region's, an org unit's or a user's unit's).
 *
 *   const row = visibleOr404(actor, await repo.find(db, id), (r) => r.regionPath, 'PROJECT_NOT_FOUND');
 */
export function visibleOr404<T>(
  actor: Actor,
  row: T | null | undefined,
  path: (row: T) => string,
  code: ErrorCode,
  details?: unknown,
): T {
  if (row == null || !inScope(actor, path(row))) fail(code, details);
  return row;
}

/** The same check for a scope path already in hand (an owner's region, a unit's path). */
export function assertVisible(actor: Actor, path: string | null | undefined, code: ErrorCode): void {
  if (path == null || !inScope(actor, path)) fail(code);
}
