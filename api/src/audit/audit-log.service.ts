import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit.entity';
import { AuditFields, chainHash, GENESIS } from './chain';
import { AuditQuery } from './audit.query';

/** A fixed key for pg_advisory_xact_lock: one writer at a time extends the chain. */
const CHAIN_LOCK = 7_330_000_001;
const PAGE = 500;

@Injectable()
export class AuditLogService {
  private readonly logger = new Logger('audit');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Append one row. The advisory lock serializes appends, so two concurrent requests read
   * the same head and cannot fork the chain; the lock ends with the transaction.
   */
  async append(fields: AuditFields): Promise<AuditEntryEntity> {
    return this.db.transaction(async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const head: Array<{ hash: string }> = await tx.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      const prevHash = head[0]?.hash ?? GENESIS;
      const repo = tx.getRepository(AuditEntryEntity);
      const row = repo.create({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
      return repo.save(row);
    });
  }

  /** Append without failing or waiting for the caller (changes made outside a request); a lost row is logged loudly. */
  appendLater(fields: AuditFields): void {
    this.append(fields).catch((e: unknown) => this.logger.error(`audit row not written (${fields.action}): ${String(e)}`));
  }

  /** Newest first, `limit` rows before `cursor` (a seq); nextCursor pages on. */
  async search(q: AuditQuery): Promise<{ items: AuditEntryEntity[]; nextCursor: string | null }> {
    const limit = q.limit ?? 100;
    const qb = this.filtered(q)
      .orderBy('a.seq', 'DESC')
      .take(limit + 1);
    if (q.cursor) qb.andWhere('a.seq < :cursor', { cursor: q.cursor });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }

  /** Every matching row, oldest first, a page at a time (exports stream these). */
  async *all(q: AuditQuery): AsyncGenerator<AuditEntryEntity> {
    let after = '0';
    for (;;) {
      const rows = await this.filtered(q).andWhere('a.seq > :after', { after }).orderBy('a.seq', 'ASC').take(PAGE).getMany();
      yield* rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Recompute the chain from the first row; the first row whose hash or link is wrong is reported. */
  async verify(): Promise<{ ok: boolean; rows: number; brokenAt?: string }> {
    let prev = GENESIS;
    let rows = 0;
    for await (const r of this.all({})) {
      rows++;
      if (r.prevHash !== prev || chainHash(prev, r) !== r.hash) return { ok: false, rows, brokenAt: r.seq };
      prev = r.hash;
    }
    return { ok: true, rows };
  }

  private filtered(q: AuditQuery) {
    const qb = this.db.getRepository(AuditEntryEntity).createQueryBuilder('a').where('true');
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    // An action matches as a prefix: "POST" finds every POST, "POST /api/playbooks" every playbook change.
    if (q.action) qb.andWhere(`a.action LIKE :action ESCAPE '\\'`, { action: `${likeEscape(q.action)}%` });
    if (q.resource) qb.andWhere('(a.resource_id = :resource OR a.resource_type = :resource)', { resource: q.resource });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    if (q.q)
      qb.andWhere(
        `(a.actor ILIKE :q ESCAPE '\\' OR a.action ILIKE :q ESCAPE '\\' OR a.body::text ILIKE :q ESCAPE '\\' OR a.changes::text ILIKE :q ESCAPE '\\')`,
        { q: `%${likeEscape(q.q)}%` },
      );
    return qb;
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
