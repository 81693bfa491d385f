import bcrypt from 'bcryptjs';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { playbookSchema, validate, hasErrors } from '@firebreak/engine';
import { config } from '../config';
import { seedKnowledge } from './seed-knowledge';
import { seedAgents } from './seed-agents';
import { seedRoster } from './seed-roster';
import { PlaybookEntity, PlaybookVersionEntity, TemplateEntity, UserEntity } from '../database/entities';

export const DEMO_PASSWORD = 'firebreak';
export const DEMO_USERS = [
  { email: 'admin@demo', name: 'Ada Admin', role: 'admin' },
  { email: 'manager@demo', name: 'Maya Manager', role: 'manager' },
  { email: 'pr@demo', name: 'Priya PR', role: 'pr' },
  { email: 'legal@demo', name: 'Leo Legal', role: 'legal' },
  { email: 'agent@demo', name: 'Alex Agent', role: 'agent' },
  { email: 'viewer@demo', name: 'Vic Viewer', role: 'viewer' },
  // Backups on the on-duty roster: approvals move to them when the first approver's SLA expires.
  { email: 'pr.backup@demo', name: 'Pat PR (backup)', role: 'pr' },
  { email: 'legal.backup@demo', name: 'Lou Legal (backup)', role: 'legal' },
] as const;

export interface SeedReport {
  templates: string[];
  playbooks: string[];
  users: string[];
}

/**
 * First-start content: templates and example playbooks from the repo (each published as
 * v1), and the demo users when asked. Idempotent: what exists already is left alone, so
 * a manager's edits survive restarts.
 */
export async function seed(db: DataSource, options: { demoUsers: boolean }): Promise<SeedReport> {
  const report: SeedReport = { templates: [], playbooks: [], users: [] };
  const templates = db.getRepository(TemplateEntity);
  for (const file of list(config.templatesDir, '.hbs')) {
    const name = file.replace(/\.hbs$/, '');
    if (await templates.existsBy({ name })) continue;
    await templates.save(templates.create({ name, source: readFileSync(join(config.templatesDir, file), 'utf8').trimEnd() }));
    report.templates.push(name);
  }

  await seedKnowledge(db);

  const sources = Object.fromEntries((await templates.find()).map((t) => [t.name, t.source]));
  for (const file of list(config.playbooksDir, '.json')) {
    const pb = playbookSchema.parse(JSON.parse(readFileSync(join(config.playbooksDir, file), 'utf8')));
    if (await db.getRepository(PlaybookEntity).existsBy({ key: pb.key })) continue;
    const problems = validate(pb, { templates: sources });
    if (hasErrors(problems)) throw new Error(`example playbook ${file} is invalid: ${problems.map((p) => p.message).join('; ')}`);
    await db.transaction(async (tx) => {
      const row = await tx
        .getRepository(PlaybookEntity)
        .save(tx.getRepository(PlaybookEntity).create({ key: pb.key, name: pb.name, description: pb.description ?? null, draft: pb }));
      const v = await tx
        .getRepository(PlaybookVersionEntity)
        .save(
          tx
            .getRepository(PlaybookVersionEntity)
            .create({ playbookId: row.id, version: 1, graph: pb, note: 'example playbook', publishedBy: 'firebreak' }),
        );
      await tx.getRepository(PlaybookEntity).update({ id: row.id }, { liveVersionId: v.id, liveSince: new Date() });
    });
    report.playbooks.push(pb.key);
  }

  report.users.push(...(await seedFirstAdmin(db)));
  if (options.demoUsers) {
    const users = db.getRepository(UserEntity);
    for (const u of DEMO_USERS) {
      if (await users.existsBy({ email: u.email })) continue;
      await users.save(users.create({ ...u, passwordHash: await bcrypt.hash(DEMO_PASSWORD, 10) }));
      report.users.push(u.email);
    }
    await seedRoster(db);
  }
  await seedAgents(db, options);
  return report;
}

/**
 * On a workspace's own database there are no demo users, so the first admin comes from
 * FIREBREAK_ADMIN_EMAIL and FIREBREAK_ADMIN_PASSWORD, and only while no admin exists:
 * the variables can stay set without resetting a password someone has changed since.
 */
async function seedFirstAdmin(db: DataSource): Promise<string[]> {
  const email = process.env.FIREBREAK_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.FIREBREAK_ADMIN_PASSWORD;
  if (!email || !password) return [];
  if (password.length < 10) throw new Error('FIREBREAK_ADMIN_PASSWORD must have at least 10 characters');
  const users = db.getRepository(UserEntity);
  if (await users.existsBy({ role: 'admin' })) return [];
  await users.save(users.create({ email, name: 'Administrator', role: 'admin', passwordHash: await bcrypt.hash(password, 10) }));
  return [email];
}

/** Sorted, so example playbooks go live in a stable order (the last one wins new traffic). */
function list(dir: string, ext: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
}
