import { DataSource } from 'typeorm';
import { CRISIS_PREFIX, parseDuration, Playbook } from '@firebreak/engine';
import { CrisisEntity } from '../database/entities';
import { publishEvent } from '../events/publish';

/**
 * Volume-spike detection: a crisis topic of the playbook (settings.crisisTopics) is declared
 * when at least `threshold` interactions matching its query arrived within `window`. Runs
 * when an interaction is prepared, after its facts are stored, so it counts itself.
 */
export async function detectCrises(db: DataSource, pb: Playbook, matches: Record<string, boolean>, at: Date): Promise<string[]> {
  const declared: string[] = [];
  for (const t of pb.settings.crisisTopics ?? []) {
    const key = CRISIS_PREFIX + t.topic;
    if (!matches[key]) continue;
    const since = new Date(at.getTime() - parseDuration(t.window));
    // Up to this message's own arrival: a later message prepared first must not count for it.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM interactions WHERE received_at > $1 AND received_at <= $3 AND facts->'matches' ? $2`,
      [since, key, at],
    );
    if (n < t.threshold) continue;
    const inserted = await db
      .createQueryBuilder()
      .insert()
      .into(CrisisEntity)
      .values({ topic: t.topic, status: 'active', declaredBy: `detector: ${n} messages within ${t.window}` })
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = inserted.raw as Array<{ id: string }>;
    if (!row) continue;
    declared.push(t.topic);
    await publishEvent(db, { type: 'crisis.declared', crisisId: row.id, topic: t.topic, by: 'detector', messages: n, window: t.window });
  }
  return declared;
}

export async function activeCrises(db: DataSource): Promise<{ active: boolean; topics: string[] }> {
  const rows = await db.getRepository(CrisisEntity).findBy({ status: 'active' });
  return { active: rows.length > 0, topics: rows.map((c) => c.topic) };
}
