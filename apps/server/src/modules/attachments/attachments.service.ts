import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Actor } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { newId, now } from '../../lib/ids.js';
import * as repo from './attachments.repository.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Accepted types, told by extension AND by the file's first bytes (a renamed .exe is refused). */
const TYPES: Record<string, { mime: string; magic: number[][] }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
};
export const ATTACHMENT_EXTENSIONS = Object.keys(TYPES);

export interface AttachmentOwner {
  type: 'project' | 'activity' | 'rectification_task' | 'appeal';
  id: string;
  /** Path of the owner's region: who may read the file. */
  scopePath: string;
  /** Uploaders whose files this reader must not see (listed as absent, opened as not found). */
  hiddenUploaders?: ReadonlySet<string>;
}

const hiddenFrom = (owner: AttachmentOwner, uploader: string) =>
  owner.hiddenUploaders?.has(uploader) ?? false;

/** Files on disk under DATA_DIR/attachments, named by their SHA-256; metadata in the database. */
export function createAttachmentService(deps: { db: Db; dataDir: string }) {
  const { db } = deps;
  const root = path.join(deps.dataDir, 'attachments');
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

  return {
    async list(owner: AttachmentOwner) {
      const rows = await repo.listOf(db, owner);
      return rows.filter((r) => !hiddenFrom(owner, r.createdBy)).map(({ createdBy: _c, ...r }) => r);
    },

    async add(actor: Actor, owner: AttachmentOwner, fileName: string, data: Buffer) {
      // the base name only, without control characters or separators
      const safeName = [...path.basename(fileName)]
        .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '/' && ch !== '\\')
        .join('')
        .slice(0, 200);
      const ext = safeName.split('.').pop()?.toLowerCase() ?? '';
      const type = TYPES[ext];
      if (!type?.magic.some((m) => m.every((b, i) => data[i] === b))) {
        fail('FILE_INVALID', { allowed: ATTACHMENT_EXTENSIONS });
      }
      if (data.length > MAX_ATTACHMENT_BYTES) fail('FILE_TOO_LARGE', { max: MAX_ATTACHMENT_BYTES });
      const sha256 = crypto.createHash('sha256').update(data).digest('hex');
      const file = fileOf(sha256);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // write then rename: a crash never leaves a half-written file under the final name
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.promises.writeFile(tmp, data);
        await fs.promises.rename(tmp, file);
      }
      const row = {
        id: newId(),
        ownerType: owner.type,
        ownerId: owner.id,
        fileName: safeName,
        mime: type.mime,
        size: data.length,
        sha256,
        createdBy: actor.userId,
        createdAt: now(),
      };
      await db.transaction().execute(async (trx) => {
        await repo.insertAttachment(trx, row);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'attachment',
          entityId: row.id,
          scopePath: owner.scopePath,
          summary: `${safeName} (${data.length} B)`,
          after: { ownerType: owner.type, ownerId: owner.id, fileName: safeName, size: data.length, sha256 },
        });
      });
      return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size, createdAt: row.createdAt };
    },

    /** The attachment row and a stream of its bytes; the caller checks the owner's scope first. */
    async open(owner: AttachmentOwner, id: string) {
      const row = await repo.findOf(db, owner, id);
      if (!row || hiddenFrom(owner, row.createdBy) || !fs.existsSync(fileOf(row.sha256)))
        fail('ITEM_NOT_FOUND');
      return { row, stream: fs.createReadStream(fileOf(row.sha256)) };
    },

    async remove(actor: Actor, owner: AttachmentOwner, id: string) {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findOf(trx, owner, id);
        if (!row || hiddenFrom(owner, row.createdBy)) fail('ITEM_NOT_FOUND');
        await repo.deleteAttachment(trx, id);
        await recordAudit(trx, actor, {
          action: 'delete',
          entity: 'attachment',
          entityId: id,
          scopePath: owner.scopePath,
          summary: row.fileName,
          before: { fileName: row.fileName, size: row.size, sha256: row.sha256 },
        });
      });
      // The bytes stay: another attachment may share them, and deletion is audited, not destructive.
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
