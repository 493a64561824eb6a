import type { Db } from '../../db/database.js';
import { readModelChanged } from '../../kernel/read-cache.js';
import { addDays, beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { findOrgByCode } from '../../modules/orgs/orgs.repository.js';

/**
 * The seed's campaign: 《开发区营商环境整改提升行动方案》 ("我省印发", to take effect "今年年底前"),
 * with its nine prominent problems in the article's order. The article names neither the issuing
 * office nor the document number: the issuing body is the province (省政府办公厅) and the number is
 * a demo one in the form such notices take (晋政办发〔年〕号), so the campaign's header is complete.
 */
export const DEMO_CAMPAIGN_TITLE = '开发区营商环境整改提升行动方案';
export const NINE_PROBLEMS = [
  '招商承诺不兑现',
  '惠企政策落实不到位',
  '国有企业拖欠中小企业账款',
  '深化"三化三制"改革',
  '赋权、承权问题',
  '"三项改革"问题',
  '要素保障不到位',
  '企业服务形式化',
  '招商引资体制机制不顺及工作不实',
] as const;

/** The campaign was issued this many days before the demo is loaded: its tasks have a history of reports. */
export const DEMO_CAMPAIGN_AGE_DAYS = 120;

/**
 * Loads the campaign once (idempotent: nothing when a campaign of that title exists). Its period runs
 * from DEMO_CAMPAIGN_AGE_DAYS before the day of loading to the end of that year, or of the next year
 * when fewer than 30 days of it remain.
 */
export async function loadDemoCampaign(db: Db, today = beijingToday()): Promise<boolean> {
  const exists = await db
    .selectFrom('rectificationCampaigns')
    .select('id')
    .where('title', '=', DEMO_CAMPAIGN_TITLE)
    .executeTakeFirst();
  if (exists) return false;
  const province = await findOrgByCode(db, '140000');
  if (!province) return false;
  const startOn = addDays(today, -DEMO_CAMPAIGN_AGE_DAYS);
  const year = Number(startOn.slice(0, 4));
  const deadlineOn = `${addDays(today, 30) > `${year}-12-31` ? year + 1 : year}-12-31`;
  const id = newId();
  const at = now();
  await db.transaction().execute(async (trx) => {
    await readModelChanged(trx, 'dashboard');
    await trx
      .insertInto('rectificationCampaigns')
      .values({
        id,
        title: DEMO_CAMPAIGN_TITLE,
        issuingBody: '山西省人民政府办公厅',
        docNumber: `晋政办发〔${year}〕36号`,
        ownerOrgId: province.id,
        ownerPath: province.path,
        startOn,
        deadlineOn,
        scopeOrgIds: JSON.stringify([province.id]),
        description:
          '以"解难题、优环境、抓提升"为重点，专项整治影响开发区营商环境的九大突出问题；采取督促自查和实地调研相结合的方式，制定详细的整改任务清单和工作台账，实行项目化推进，确保年底前取得实效。',
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await trx
      .insertInto('rectificationProblems')
      .values(NINE_PROBLEMS.map((name, i) => ({ id: newId(), campaignId: id, seq: i + 1, name })))
      .execute();
  });
  return true;
}
