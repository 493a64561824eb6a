import type { Parameter } from './policy.js';

/**
 * 《关于承接东部地区外商制造业产业转移的若干措施》, 山西省商务厅 + 山西省发展和改革委员会, dated 2023-06-26,
 * effective 2023-07-01 for five years (through 2028-06-30). The text of the two rewards:
 * "对实际到位资金超过1000万美元以上的外资项目或注册企业，按照实际到位外资金额的5%给予人民币奖励；对资产规模
 * 超过5000万美元以上的跨国公司在我省设立区域性地区总部或总部型机构，按照注册资金的10%给予人民币奖励。单个企业
 * 最高奖励不超过1000万元。" Eligible: the manufacturing items of the 2022 鼓励外商投资产业目录 (national list and
 * the central-western list), for foreign-invested enterprises (港澳台 included) registered in the ten
 * eastern provinces, investing in Shanxi.
 *
 * Where the text is silent the decision is a named parameter below, with its basis.
 */
export const EAST_TRANSFER_POLICY_ID = 'sx-2023-east-manufacturing-transfer';

const WINDOW = { from: '2023-07-01', to: '2028-06-30' } as const;
const whole = <T>(value: T) => [{ from: WINDOW.from, to: WINDOW.to, value }] as const;

export const EAST_TRANSFER_PARAMETERS = {
  capitalThresholdUsdCents: {
    key: 'capital_threshold_usd_cents',
    basis: '“实际到位资金超过1000万美元以上”：USD 10,000,000 of actually arrived foreign capital',
    values: whole(1_000_000_000),
  } as Parameter<number>,
  /**
   * "超过…以上" mixes an exclusive and an inclusive word. 《民法典》第一千二百五十九条: "以上" includes the
   * number itself, "超过" does not. Decided: inclusive (the last word of the phrase, and the reading
   * that does not deny the reward to an enterprise at exactly the threshold).
   */
  thresholdInclusive: {
    key: 'threshold_inclusive',
    basis: '“超过…以上”: read as ≥ (民法典第1259条: “以上”包括本数), decided by the provincial department',
    values: whole(true),
  } as Parameter<boolean>,
  capitalRewardBp: {
    key: 'capital_reward_bp',
    basis: '“按照实际到位外资金额的5%给予人民币奖励” (basis points)',
    values: whole(500),
  } as Parameter<number>,
  hqAssetsThresholdUsdCents: {
    key: 'hq_assets_threshold_usd_cents',
    basis: '“资产规模超过5000万美元以上的跨国公司”：USD 50,000,000 of assets',
    values: whole(5_000_000_000),
  } as Parameter<number>,
  hqRewardBp: {
    key: 'hq_reward_bp',
    basis: '“按照注册资金的10%给予人民币奖励” (basis points)',
    values: whole(1000),
  } as Parameter<number>,
  capFen: {
    key: 'cap_fen',
    basis: '“单个企业最高奖励不超过1000万元” (CNY 10,000,000 in fen)',
    values: whole(1_000_000_000),
  } as Parameter<number>,
  /** The cap sentence follows both rewards: decided to be one cap per enterprise across both, all years. */
  capShared: {
    key: 'cap_shared',
    basis:
      '“单个企业最高奖励不超过1000万元” follows both rewards: one cap per enterprise for the whole measure',
    values: whole(true),
  } as Parameter<boolean>,
  /**
   * The text names no exchange rate. Decided: the PBOC central parity (人民币汇率中间价) of the arrival
   * date from the rate table administrators keep; on a day without a published parity (weekend,
   * holiday) the latest parity published before it, at most this many calendar days earlier.
   */
  rateLookbackDays: {
    key: 'rate_lookback_days',
    basis:
      'PBOC central parity of the arrival date; on a day without one, the latest before it within 15 days',
    values: whole(15),
  } as Parameter<number>,
  catalogueVersion: {
    key: 'catalogue_version',
    basis:
      '《鼓励外商投资产业目录（2022年版）》 named by the measure (the 2025 catalogue applies from 2026-02-01 only to policies that name it)',
    values: whole('2022'),
  } as Parameter<string>,
  /** Not in the text: working days each review step has (Shanxi practice: cities review, then the province). */
  reviewDaysCounty: {
    key: 'review_days_county',
    basis: 'county or zone commerce office: 10 working days (provincial department’s procedure)',
    values: whole(10),
  } as Parameter<number>,
  reviewDaysCity: {
    key: 'review_days_city',
    basis: 'city commerce bureau: 10 working days (provincial department’s procedure)',
    values: whole(10),
  } as Parameter<number>,
  reviewDaysProvince: {
    key: 'review_days_province',
    basis: 'provincial department of commerce: 15 working days (provincial department’s procedure)',
    values: whole(15),
  } as Parameter<number>,
  paymentDays: {
    key: 'payment_days',
    basis: 'an approved reward is paid within 30 working days of the approval (obligation due date)',
    values: whole(30),
  } as Parameter<number>,
} as const;

export const INCENTIVE_KINDS = ['capital_arrival', 'regional_hq'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

export const MATERIAL_KINDS = [
  'arrival_receipt',
  'registration_certificate',
  'audit_report',
  'foreign_investment_report',
  'hq_recognition',
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export interface PolicyDefinition {
  id: string;
  title: string;
  issuer: string;
  /** No public document number was found for the measure: null until administrators record it. */
  docNumber: string | null;
  issuedOn: string;
  validFrom: string;
  validTo: string;
  kinds: readonly IncentiveKind[];
  requiredMaterials: Record<IncentiveKind, readonly MaterialKind[]>;
}

export const EAST_TRANSFER_POLICY: PolicyDefinition = {
  id: EAST_TRANSFER_POLICY_ID,
  title: '关于承接东部地区外商制造业产业转移的若干措施',
  issuer: '山西省商务厅、山西省发展和改革委员会',
  docNumber: null,
  issuedOn: '2023-06-26',
  validFrom: WINDOW.from,
  validTo: WINDOW.to,
  kinds: INCENTIVE_KINDS,
  requiredMaterials: {
    capital_arrival: ['arrival_receipt', 'registration_certificate', 'foreign_investment_report'],
    regional_hq: ['registration_certificate', 'audit_report', 'hq_recognition'],
  },
};
