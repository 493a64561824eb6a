import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { newId, now } from '../../lib/ids.js';

export interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
}

/** A gateway for SMS or e-mail. Offices plug theirs in; the default only writes a log line. */
export interface Sender {
  send(message: OutboxMessage): Promise<void>;
}

export function loggingSender(log: { info: (obj: object, msg: string) => void }): Sender {
  return {
    async send(m) {
      log.info(
        { outbox: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject },
        'outbox message (logging sender)',
      );
    },
  };
}

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Claims pending messages with a lease so that two server processes never send the same one:
 * the claim is one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) on PostgreSQL, and
 * SQLite serialises writers. A crashed worker's lease expires and another picks the row up.
 */
export async function claimBatch(
  db: Db,
  dialect: Dialect,
  owner: string,
  limit = 20,
): Promise<OutboxMessage[]> {
  const at = now();
  const until = new Date(Date.now() + LEASE_MS).toISOString();
  await sql`
    update outbox set locked_until = ${until}, lock_owner = ${owner}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'pending' and (locked_until is null or locked_until < ${at})
      order by created_at limit ${limit} ${sql.raw(dialect.skipLocked)}
    )`.execute(db);
  return db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient', 'subject', 'body'])
    .where('lockOwner', '=', owner)
    .where('status', '=', 'pending')
    .where('lockedUntil', '=', until)
    .execute();
}

export async function deliverBatch(
  db: Db,
  dialect: Dialect,
  sender: Sender,
  owner = newId(),
): Promise<number> {
  const batch = await claimBatch(db, dialect, owner);
  for (const m of batch) {
    try {
      await sender.send(m);
      await db
        .updateTable('outbox')
        .set({ status: 'sent', sentAt: now(), lockedUntil: null })
        .where('id', '=', m.id)
        .execute();
    } catch (err) {
      const row = await db.selectFrom('outbox').select('attempts').where('id', '=', m.id).executeTakeFirst();
      await db
        .updateTable('outbox')
        .set({
          status: (row?.attempts ?? 0) >= MAX_ATTEMPTS ? 'failed' : 'pending',
          lastError: String(err).slice(0, 500),
          lockedUntil: null,
        })
        .where('id', '=', m.id)
        .execute();
    }
  }
  return batch.length;
}

/** Runs deliverBatch every intervalMs until stopped. */
export function startOutboxWorker(db: Db, dialect: Dialect, sender: Sender, intervalMs = 5000) {
  const owner = newId();
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverBatch(db, dialect, sender, owner);
    } catch {
      // The database may be closing during shutdown; the next tick retries.
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
