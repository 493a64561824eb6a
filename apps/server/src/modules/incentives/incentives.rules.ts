import type { IncentiveApplicationDetail, ReviewStage } from '@yingshang/contracts';
import { EAST_TRANSFER_PARAMETERS as P, valueOn } from '@yingshang/rules';
import type { IncentiveApplicationRow } from '../../db/schema.js';
import { type Actor, inScope, scopePath } from '../../lib/actor.js';
import type { ApplicationFilter } from './incentives.repository.js';

/** The review chain's rules that need no database: its stages, their offices and due days, who may do what. */

export type StoredFacts = IncentiveApplicationDetail['facts'];

/** 临期: at most this many working days left of a review step. */
export const REVIEW_WARN_DAYS = 2;
export const STAGE_ZH: Record<ReviewStage, string> = {
  county: '县（区）/开发区',
  city: '市商务局',
  province: '省商务厅',
};
export const REVIEW_STATUS: Record<ReviewStage, string> = {
  county: 'county_review',
  city: 'city_review',
  province: 'province_review',
};
export const REVIEW_PARAM = {
  county: P.reviewDaysCounty,
  city: P.reviewDaysCity,
  province: P.reviewDaysProvince,
};
export const OFFICE_ROLES = {
  county: ['county_staff'],
  city: ['city_bureau'],
  province: ['province_admin'],
} as const;

/** The city-level ancestor path of a unit ('/province/city/…' → '/province/city/'). */
export const cityPath = (path: string) => path.split('/').slice(0, 3).join('/').concat('/');
export const provincePath = (path: string) => path.split('/').slice(0, 2).join('/').concat('/');
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
export const paramOn = (
  p: { values: readonly { from: string; to: string | null; value: number }[] },
  day: string,
) =>
  (valueOn(p as never, day) as { value: number } | undefined)?.value ?? p.values[p.values.length - 1].value;

/** Whose applications an actor reads: an enterprise its own, an office those of its area. */
export const reader = (actor: Actor): ApplicationFilter['reader'] =>
  actor.orgUnit.kind === 'enterprise'
    ? { kind: 'enterprise', id: actor.orgUnit.id }
    : { kind: 'region', path: scopePath(actor) };

/** The review stage this actor acts at for an application, if any. */
export function stageOf(actor: Actor, row: { regionPath: string }): ReviewStage | null {
  if (!actor.permissions.has('incentives.review') || !inScope(actor, row.regionPath)) return null;
  const k = actor.orgUnit.kind;
  return k === 'county' || k === 'zone'
    ? 'county'
    : k === 'city'
      ? 'city'
      : k === 'province'
        ? 'province'
        : null;
}

/** What this actor may do next with an application (review, resubmit, pay). */
export function actionsOf(actor: Actor, row: IncentiveApplicationRow): IncentiveApplicationDetail['actions'] {
  const out: IncentiveApplicationDetail['actions'] = [];
  const stage = stageOf(actor, row);
  if (stage && row.stage === stage && row.status === REVIEW_STATUS[stage]) out.push('review');
  // the enterprise itself, or whoever applied for it, or the receiving office on its behalf
  const own =
    actor.orgUnit.kind === 'enterprise'
      ? row.enterpriseId === actor.orgUnit.id
      : row.createdBy === actor.userId || row.regionId === actor.orgUnit.id;
  if (row.status === 'returned' && own && actor.permissions.has('incentives.apply')) out.push('resubmit');
  if (
    (row.status === 'approved' || row.status === 'partly_paid') &&
    actor.permissions.has('incentives.pay') &&
    actor.orgUnit.kind !== 'enterprise' &&
    inScope(actor, row.regionPath)
  )
    out.push('pay');
  return out;
}
