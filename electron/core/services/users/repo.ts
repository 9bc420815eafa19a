import type { Role } from '../../../../shared/roles';
import type { User } from '../../../../shared/schemas/users';
import type { Db } from '../../db/open';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  manager_id: string | null;
  active: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  version: number;
}

export function rowToUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    managerId: row.manager_id,
    active: row.active === 1,
    locale: row.locale,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function findUserRowById(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function findUserRowByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function countActiveAdmins(db: Db): number {
  return db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").pluck().get() as number;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  managerId: string | null;
  createdBy: string | null;
  now: string;
}

export function insertUser(db: Db, user: NewUser): UserRow {
  db.prepare(
    `INSERT INTO users (id, username, display_name, password_hash, role, manager_id, active, created_at, updated_at, created_by, version)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 1)`,
  ).run(user.id, user.username, user.displayName, user.passwordHash, user.role, user.managerId, user.now, user.now, user.createdBy);
  return findUserRowById(db, user.id)!;
}
