import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { pathIndex } from './0001-foundation.js';

/**
 * Incentive policies (惠企政策兑现): the USD→CNY central parities administrators keep, the
 * encouraged-industries catalogue (a representative, cited part seeded here; the full list is
 * imported from Excel), applications with their arrivals, review events and payments.
 *
 * "The same arrival can never be claimed twice" is a unique key: an arrival's normalised bank
 * receipt number (claim_key) and, when linked, the pipeline's funds record. A rejected application
 * releases its claims (claim_key set to null: nulls never collide on either database).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const money = dialect.types.bigint;

  await db.schema
    .createTable('incentive_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    /** CNY per unit of the currency, a decimal string as published ("7.1186"). */
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('incentive_rates_pk', ['currency', 'day'])
    .execute();

  await db.schema
    .createTable('incentive_catalogue_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** version|part|province|number-or-name: an import updates the same item. */
    .addColumn('item_key', 'text', (c) => c.notNull().unique())
    .addColumn('version', 'text', (c) => c.notNull())
    /** national (全国鼓励外商投资产业目录) / central_western (中西部地区外商投资优势产业目录). */
    .addColumn('part', 'text', (c) => c.notNull())
    /** GB/T 2260 province code of a central-western entry (14 = 山西); null for the national list. */
    .addColumn('province', 'text')
    .addColumn('section', 'text', (c) => c.notNull())
    /** The item's number in its list; null where the shipped extract could not confirm it. */
    .addColumn('seq', 'integer')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('manufacturing', 'integer', (c) => c.notNull())
    /** JSON array of GB/T 4754 division codes the item belongs to (for matching). */
    .addColumn('industry_codes', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incentive_catalogue_version')
    .on('incentive_catalogue_items')
    .columns(['version', 'part', 'province', 'seq'])
    .execute();

  await db.schema
    .createTable('incentive_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    /** The county or zone office that receives and first reviews it. */
    .addColumn('region_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    .addColumn('catalogue_item_id', 'text', (c) => c.references('incentive_catalogue_items.id'))
    /** JSON: the declared facts (foreign-invested, registration province, investor, HQ figures). */
    .addColumn('facts', 'text', (c) => c.notNull())
    /** JSON array of { kind, name, ref }. */
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** county / city / province while in review; null otherwise. */
    .addColumn('stage', 'text')
    .addColumn('stage_due_on', 'text')
    .addColumn('due_unscheduled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text')
    .addColumn('pay_due_on', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('provisional_fen', money, (c) => c.notNull())
    .addColumn('approved_fen', money)
    .addColumn('paid_fen', money, (c) => c.notNull().defaultTo(0))
    /** JSON: the latest evaluation with its trace. */
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, dialect, 'incentive_applications_region', 'incentive_applications', 'region_path');
  await db.schema
    .createIndex('incentive_applications_enterprise')
    .on('incentive_applications')
    .columns(['enterprise_id', 'policy_id', 'status'])
    .execute();

  await db.schema
    .createTable('incentive_arrivals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) =>
      c.notNull().references('incentive_applications.id').onDelete('cascade'),
    )
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('bank_receipt_no', 'text', (c) => c.notNull())
    /** The normalised receipt number while the claim stands; null once the application is rejected. */
    .addColumn('claim_key', 'text', (c) => c.unique())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('amount_fen', money)
    .addColumn('rate', 'text')
    .addColumn('rate_day', 'text')
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    /** The pipeline's funds record this arrival is (unique while claimed, like claim_key). */
    .addColumn('project_fund_id', 'text', (c) => c.unique().references('project_funds.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incentive_arrivals_application')
    .on('incentive_arrivals')
    .columns(['application_id', 'position'])
    .execute();
  await db.schema
    .createIndex('incentive_arrivals_enterprise')
    .on('incentive_arrivals')
    .columns(['enterprise_id', 'received_on'])
    .execute();

  await db.schema
    .createTable('incentive_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) =>
      c.notNull().references('incentive_applications.id').onDelete('cascade'),
    )
    /** submit / approve / return / reject / resubmit / pay. */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('due_on', 'text')
    /** Whether the step was taken by its deadline (review steps only). */
    .addColumn('on_time', 'integer')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incentive_events_application')
    .on('incentive_events')
    .columns(['application_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('incentive_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) =>
      c.notNull().references('incentive_applications.id').onDelete('cascade'),
    )
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    /** The payment voucher (国库支付凭证) number: one voucher is one payment. */
    .addColumn('voucher_no', 'text', (c) => c.notNull().unique())
    .addColumn('note', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incentive_payments_application')
    .on('incentive_payments')
    .columns(['application_id', 'paid_on'])
    .execute();

  /**
   * The catalogue extract shipped with the platform: only entries whose wording was confirmed from
   * public sources. 《鼓励外商投资产业目录（2022年版）》 (国家发展改革委、商务部令第52号, in force from
   * 2023-01-01): 1,474 items, 519 national and 955 central-western. Its item numbers were not
   * confirmed here, so seq stays null; administrators import the full list (with numbers) from Excel.
   */
  const source2022 =
    '《鼓励外商投资产业目录（2022年版）》（国家发展改革委、商务部令第52号，2023年1月1日起施行）';
  const CATALOGUE_SEED = [
    {
      version: '2022',
      part: 'central_western',
      province: '14',
      section: '中西部地区外商投资优势产业目录·山西省',
      seq: null,
      name: '镁、铝等有色金属精深加工',
      manufacturing: true,
      // GB/T 4754-2017: 32 有色金属冶炼和压延加工业, 33 金属制品业
      industryCodes: ['32', '33'],
      source: `${source2022}，中西部地区外商投资优势产业目录山西省部分，2022年版新增条目`,
    },
  ];
  const at = new Date().toISOString();
  await db
    .insertInto('incentive_catalogue_items' as never)
    .values(
      CATALOGUE_SEED.map((i, n) => ({
        id: `cat-2022-${n + 1}`,
        item_key: `${i.version}|${i.part}|${i.province ?? ''}|${i.seq ?? i.name}`,
        version: i.version,
        part: i.part,
        province: i.province,
        section: i.section,
        seq: i.seq,
        name: i.name,
        manufacturing: i.manufacturing ? 1 : 0,
        industry_codes: JSON.stringify(i.industryCodes),
        source: i.source,
        search_text: i.name.toLowerCase(),
        created_at: at,
        updated_at: at,
      })) as never,
    )
    .execute();
}
