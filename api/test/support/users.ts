import bcrypt from 'bcryptjs';
import type { Client } from 'pg';
import { DEMO_PASSWORD } from './http';

/** A user only this test needs (a second manager, say), who signs in with the demo password. */
export async function ensureUser(db: Client, email: string, role: string, name = email): Promise<void> {
  await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, disabled = false`,
    [email, name, role, await bcrypt.hash(DEMO_PASSWORD, 4)],
  );
}
