import {
  type CreateUserBody,
  isWeakPassword,
  ROLES_BY_ORG_KIND,
  type Role,
  type UpdateUserBody,
} from '@yingshang/contracts';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { UserUpdate } from '../../db/schema.js';
import { recordAudit } from '../../kernel/audit.js';
import { generatePassword, type PasswordHasher } from '../../kernel/password.js';
import { visibleOr404 } from '../../kernel/scope.js';
import { type Actor, inScope, isProvinceAdmin, scopePath } from '../../lib/actor.js';
import { fail } from '../../lib/app-error.js';
import { beijingToday } from '../../lib/days.js';
import { newId, now } from '../../lib/ids.js';
import { pinyinKey } from '../../lib/pinyin.js';
import type { Ports } from '../../ports.js';
import { findOrg } from './orgs.repository.js';
import * as repo from './users.repository.js';

/** What the audit trail keeps of a user: never the password hash. */
const auditView = (u: repo.UserDto) => ({
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  orgUnitId: u.orgUnitId,
  orgUnitName: u.orgUnitName,
  phone: u.phone,
  email: u.email,
  disabled: u.disabled,
});

export function createUserService(deps: {
  db: Db;
  dialect: Dialect;
  hasher: PasswordHasher;
  ports: Pick<Ports, 'deleteUserSessions' | 'notify'>;
}) {
  const { db, dialect, hasher } = deps;
  const { deleteUserSessions, notify } = deps.ports;

  async function visibleUser(db: Executor, actor: Actor, id: string) {
    const row = visibleOr404(actor, await repo.findUser(db, id), (r) => r.orgUnitPath, 'USER_NOT_FOUND');
    return row;
  }

  /** The unit must be inside the actor's area and the roles must fit its kind. */
  async function assertPlacement(db: Executor, actor: Actor, orgUnitId: string, roles: readonly Role[]) {
    const unit = visibleOr404(actor, await findOrg(db, orgUnitId), (r) => r.path, 'ORG_NOT_FOUND');
    const allowed = ROLES_BY_ORG_KIND[unit.kind];
    const bad = roles.filter(
      (r) => !allowed.includes(r) || (r === 'province_admin' && !isProvinceAdmin(actor)),
    );
    if (bad.length > 0) fail('ROLE_NOT_ALLOWED', { roles: bad, allowed });
    return unit;
  }

  /** Managers manage users below their own unit and colleagues in it, never themselves. */
  function assertManageable(actor: Actor, target: { id: string; orgUnitPath: string }) {
    if (target.id === actor.userId)
      fail('FORBIDDEN', { reason: 'use the account page for your own account' });
    if (!inScope(actor, target.orgUnitPath)) fail('USER_NOT_FOUND');
  }

  return {
    async list(actor: Actor, query: Omit<repo.UserFilter, 'scope' | 'unitPath'> & { orgUnitId?: string }) {
      const { orgUnitId, ...filter } = query;
      let unitPath: string | undefined;
      if (orgUnitId) {
        const unit = visibleOr404(actor, await findOrg(db, orgUnitId), (r) => r.path, 'ORG_NOT_FOUND');
        unitPath = unit.path;
      }
      return repo.listUsers(db, dialect, { ...filter, scope: scopePath(actor), unitPath });
    },

    async get(actor: Actor, id: string) {
      return repo.toUser(await visibleUser(db, actor, id));
    },

    async create(actor: Actor, input: z.infer<typeof CreateUserBody>) {
      if (isWeakPassword(input.password, input.username))
        fail('PASSWORD_WEAK', [{ path: 'password', message: 'PASSWORD_WEAK' }]);
      const passwordHash = await hasher.hash(input.password);
      return db.transaction().execute(async (trx) => {
        const unit = await assertPlacement(trx, actor, input.orgUnitId, input.roles);
        if (await repo.findUserByUsername(trx, input.username))
          fail('USERNAME_TAKEN', [{ path: 'username', message: 'USERNAME_TAKEN' }]);
        const id = newId();
        const at = now();
        await repo.insertUser(trx, {
          id,
          username: input.username,
          displayName: input.displayName,
          orgUnitId: unit.id,
          roles: JSON.stringify([...new Set(input.roles)]),
          passwordHash,
          mustChangePassword: 1,
          phone: input.phone ?? null,
          email: input.email ?? null,
          pinyin: pinyinKey(input.displayName),
          createdAt: at,
          updatedAt: at,
        });
        const created = repo.toUser((await repo.findUser(trx, id))!);
        await recordAudit(trx, actor, {
          action: 'create',
          entity: 'user',
          entityId: id,
          scopePath: unit.path,
          summary: `${created.displayName} (${created.username})`,
          after: auditView(created),
        });
        await notify(trx, [id], {
          kind: 'account_created',
          params: { actor: actor.displayName },
          link: '/account',
        });
        return created;
      });
    },

    async update(actor: Actor, id: string, input: z.infer<typeof UpdateUserBody>) {
      return db.transaction().execute(async (trx) => {
        const row = await visibleUser(trx, actor, id);
        assertManageable(actor, row);
        const current = repo.toUser(row);
        const roles = input.roles ?? current.roles;
        const orgUnitId = input.orgUnitId ?? current.orgUnitId;
        if (input.roles || input.orgUnitId) await assertPlacement(trx, actor, orgUnitId, roles);
        const patch: UserUpdate = {
          ...(input.displayName !== undefined && {
            displayName: input.displayName,
            pinyin: pinyinKey(input.displayName),
          }),
          ...(input.orgUnitId !== undefined && { orgUnitId }),
          ...(input.roles !== undefined && { roles: JSON.stringify([...new Set(roles)]) }),
          ...(input.phone !== undefined && { phone: input.phone }),
          ...(input.email !== undefined && { email: input.email }),
          ...(input.disabled !== undefined && { disabled: input.disabled ? 1 : 0 }),
        };
        await repo.updateUser(trx, id, input.version, patch, now());
        if (input.disabled) await deleteUserSessions(trx, id);
        const updated = repo.toUser((await repo.findUser(trx, id))!);
        await recordAudit(trx, actor, {
          action: input.disabled === true ? 'disable' : input.disabled === false ? 'enable' : 'update',
          entity: 'user',
          entityId: id,
          scopePath: row.orgUnitPath,
          summary: `${updated.displayName} (${updated.username})`,
          before: auditView(current),
          after: auditView(updated),
        });
        return updated;
      });
    },

    /** A temporary password, shown once to the administrator; the user must change it. */
    async resetPassword(actor: Actor, id: string) {
      const temporaryPassword = generatePassword();
      const passwordHash = await hasher.hash(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        const row = await visibleUser(trx, actor, id);
        assertManageable(actor, row);
        const at = now();
        await repo.updateUser(
          trx,
          id,
          row.version,
          { passwordHash, mustChangePassword: 1, failedLogins: 0, lockedUntil: null },
          at,
        );
        await deleteUserSessions(trx, id);
        await recordAudit(trx, actor, {
          action: 'reset_password',
          entity: 'user',
          entityId: id,
          scopePath: row.orgUnitPath,
          summary: `${row.displayName} (${row.username})`,
        });
        await notify(trx, [id], {
          kind: 'password_reset',
          params: { actor: actor.displayName, date: beijingToday(Date.parse(at)) },
        });
      });
      return { temporaryPassword };
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
