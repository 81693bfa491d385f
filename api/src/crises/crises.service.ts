import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/roles';
import { SqlRow } from '../cases/sql-row';
import { CrisisEntity } from '../database/entities';
import { publishEvent } from '../events/publish';

/** A crisis as people read it: who declared it and who stood it down (with their names when they are users), and its reach. */
export interface CrisisView {
  id: string;
  topic: string;
  status: 'active' | 'stood_down';
  declaredAt: Date;
  declaredBy: string;
  declaredByName: string | null;
  stoodDownAt: Date | null;
  stoodDownBy: string | null;
  stoodDownByName: string | null;
  /** Interactions analysed while it was active that knew about it (their facts name the topic). */
  affectedInteractions: number;
}

/*
 * "Affected" counts the messages whose analysis saw this crisis active: received between
 * the declaration and the stand-down (or now), with the topic in facts.crisis.topics. The
 * detector's `declaredBy` is a description, not a user, so the name join finds nothing.
 */
const VIEW_SQL = `
  SELECT c.id, c.topic, c.status, c.declared_at, c.declared_by, d.name AS declared_by_name,
         c.stood_down_at, c.stood_down_by, s.name AS stood_down_by_name,
         (SELECT count(*)::int FROM interactions i
           WHERE i.received_at >= c.declared_at AND i.received_at <= coalesce(c.stood_down_at, now())
             AND i.facts->'crisis'->'topics' ? c.topic) AS affected
    FROM crises c
    LEFT JOIN users d ON d.email = c.declared_by
    LEFT JOIN users s ON s.email = c.stood_down_by`;

/** Crises declared by people (or detected, or by a playbook) and stood down by people. */
@Injectable()
export class CrisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(status?: 'active' | 'stood_down'): Promise<CrisisView[]> {
    const rows: SqlRow[] = await this.db.query(`${VIEW_SQL} WHERE ($1::text IS NULL OR c.status = $1) ORDER BY c.declared_at DESC, c.id`, [
      status ?? null,
    ]);
    return rows.map(view);
  }

  async get(id: string): Promise<CrisisView> {
    const [row] = await this.db.query(`${VIEW_SQL} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundException(`no crisis with id "${id}"`);
    return view(row);
  }

  /** The declarer is the signed-in user (their e-mail is what the row keeps), never a name from the body. */
  async declare(topic: string, by: AuthUser): Promise<CrisisView> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(CrisisEntity)
      .values({ topic, status: 'active', declaredBy: by.email })
      .orIgnore()
      .returning('id')
      .execute();
    const rows = inserted.raw as Array<{ id: string }>;
    if (!rows.length) throw new ConflictException(`a crisis on "${topic}" is already active`);
    await publishEvent(this.db, { type: 'crisis.declared', crisisId: rows[0].id, topic, by: by.email });
    return this.get(rows[0].id);
  }

  async standDown(id: string, by: AuthUser): Promise<CrisisView> {
    const repo = this.db.getRepository(CrisisEntity);
    const crisis = await repo.findOneBy({ id });
    if (!crisis) throw new NotFoundException(`no crisis with id "${id}"`);
    const updated = await repo.update({ id, status: 'active' }, { status: 'stood_down', stoodDownAt: new Date(), stoodDownBy: by.email });
    if (!updated.affected) throw new ConflictException(`the crisis on "${crisis.topic}" was already stood down`);
    await publishEvent(this.db, { type: 'crisis.stood_down', crisisId: id, topic: crisis.topic, by: by.email });
    return this.get(id);
  }
}

function view(r: SqlRow): CrisisView {
  return {
    id: r.id,
    topic: r.topic,
    status: r.status,
    declaredAt: r.declared_at,
    declaredBy: r.declared_by,
    declaredByName: r.declared_by_name,
    stoodDownAt: r.stood_down_at,
    stoodDownBy: r.stood_down_by,
    stoodDownByName: r.stood_down_by_name,
    affectedInteractions: r.affected,
  };
}
