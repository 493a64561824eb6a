/** SQL of the attachments table (file metadata; the bytes sit on disk, named by their SHA-256). */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

export interface OwnerKey {
  type: string;
  id: string;
}

/** The owner's files, oldest first, with who uploaded each. */
export const listOf = (db: Executor, owner: OwnerKey) =>
  db
    .selectFrom('attachments')
    .select(['id', 'fileName', 'mime', 'size', 'createdAt', 'createdBy'])
    .where('ownerType', '=', owner.type)
    .where('ownerId', '=', owner.id)
    .orderBy('createdAt')
    .execute();

/** One file of this owner (undefined for another owner's id). */
export const findOf = (db: Executor, owner: OwnerKey, id: string) =>
  db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('ownerType', '=', owner.type)
    .where('ownerId', '=', owner.id)
    .executeTakeFirst();

export const insertAttachment = (db: Executor, row: Insertable<Database['attachments']>) =>
  db.insertInto('attachments').values(row).execute();

export const deleteAttachment = (db: Executor, id: string) =>
  db.deleteFrom('attachments').where('id', '=', id).execute();
