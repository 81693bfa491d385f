import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { influence } from '@firebreak/engine';
import { AuthUser } from '../auth/roles';
import { mergeCustomers } from '../cases/customers';
import { CasesService } from '../cases/cases.service';
import { CustomerProfile } from '../cases/entities';
import { normalize } from '../cases/identities';
import { SqlRow } from '../cases/sql-row';
import { customerHistory, customerSentiment, previousAgents } from './customer-history';
import { Page, PatchCustomer, SearchCustomers } from './customer.schema';

/** LIKE treats % and _ as wildcards; a customer's handle may contain an underscore. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/*
 * A customer's reach and standing, in one row: how many interactions, when first and last
 * seen. Merged records are skipped by search; the survivor carries their history.
 */
const SUMMARY_SQL = `
  SELECT c.id, c.name, c.handle, c.profile, c.merged_into, c.created_at,
         s.interactions, s.first_seen, s.last_seen
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS interactions, min(received_at) AS first_seen, max(received_at) AS last_seen
        FROM interactions i WHERE i.customer_id = c.id
    ) s ON true`;

@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** By name, handle (any channel's, with or without @), e-mail, phone (any way written) or any identity value; most recently seen first. */
  async search(query: SearchCustomers) {
    const q = query.q?.replace(/^@/, '').trim() || null;
    const phone = q ? normalize('phone', q) : null;
    const where = `c.merged_into IS NULL AND ($1::text IS NULL
        OR c.name ILIKE $2 OR c.handle ILIKE $2
        OR EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.customer_id = c.id AND (ci.value ILIKE $2 OR ci.value = $3))
        OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(c.profile->'channels', '{}')) ch WHERE ch.value->>'handle' ILIKE $2))`;
    const params = [q, q ? likePattern(q) : null, phone];
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM customers c WHERE ${where}`, params);
    const rows: SqlRow[] = await this.db.query(
      `${SUMMARY_SQL} WHERE ${where} ORDER BY s.last_seen DESC NULLS LAST, c.id LIMIT $4 OFFSET $5`,
      [...params, query.limit, query.offset],
    );
    return { q, total, limit: query.limit, offset: query.offset, customers: rows.map((r) => this.summary(r)) };
  }

  /** The profile an agent needs before answering: who, on which channels, how they stand, what the team noted, who helped them before. */
  async profile(id: string) {
    const [c] = await this.db.query(`${SUMMARY_SQL} WHERE c.id = $1`, [id]);
    if (!c) throw new NotFoundException(`no customer with id "${id}"`);
    const owner = c.merged_into ?? id;
    const identities: SqlRow[] = await this.db.query(
      `SELECT kind, value, source, interaction_id, created_at FROM customer_identities WHERE customer_id = $1 ORDER BY created_at, source, kind`,
      [owner],
    );
    const merges: SqlRow[] = await this.db.query(
      `SELECT merged_id, identity_kind, identity_value, interaction_id, merged_by, merged_at FROM customer_merges WHERE survivor_id = $1 ORDER BY merged_at`,
      [id],
    );
    return {
      ...this.summary(c),
      profile: c.profile,
      mergedInto: c.merged_into,
      createdAt: c.created_at,
      identities: identities.map((i) => ({
        kind: i.kind,
        value: i.value,
        source: i.source,
        interactionId: i.interaction_id,
        since: i.created_at,
      })),
      // An arrival merges via the identity a message shared; a person merges by hand (`by`).
      merges: merges.map((m) => ({
        mergedId: m.merged_id,
        via: m.identity_kind ? { kind: m.identity_kind, value: m.identity_value } : null,
        interactionId: m.interaction_id,
        at: m.merged_at,
        ...(m.merged_by ? { by: m.merged_by } : {}),
      })),
      previousAgents: await previousAgents(this.db, owner),
      cases: await this.cases.list({ customerId: owner, limit: 100 }),
    };
  }

  async history(id: string, page: Page) {
    return customerHistory(this.db, await this.owner(id), page);
  }

  async sentiment(id: string) {
    return customerSentiment(this.db, await this.owner(id));
  }

  async agents(id: string) {
    return previousAgents(this.db, await this.owner(id));
  }

  async patch(id: string, change: PatchCustomer) {
    await this.db.transaction(async (tx) => {
      const [c] = await tx.query(`SELECT profile, merged_into FROM customers WHERE id = $1 FOR UPDATE`, [id]);
      if (!c) throw new NotFoundException(`no customer with id "${id}"`);
      if (c.merged_into) throw new ConflictException(`customer "${id}" was merged into "${c.merged_into}": change that one`);
      const profile: CustomerProfile = { ...c.profile };
      if (change.tier !== undefined) profile.tier = change.tier ?? undefined;
      if (change.tags !== undefined) profile.tags = [...new Set(change.tags)];
      if (change.notes !== undefined) profile.notes = change.notes?.trim() ? change.notes : undefined;
      await tx.query(`UPDATE customers SET profile = $2, updated_at = now() WHERE id = $1`, [id, JSON.stringify(profile)]);
    });
    return this.profile(id);
  }

  /**
   * A person says two records are one customer: the other's identities, cases and
   * interactions move to this one, in one transaction with the rows of both locked (in id
   * order, as arrivals lock them), and the merge records who made it.
   */
  async merge(id: string, otherId: string, by: AuthUser) {
    if (id === otherId)
      throw new UnprocessableEntityException({
        message: 'a customer cannot be merged into itself',
        problems: [{ path: 'otherCustomerId', message: 'must be another customer' }],
      });
    await this.db.transaction(async (tx) => {
      const rows: SqlRow[] = await tx.query(`SELECT id, merged_into FROM customers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
        [id, otherId],
      ]);
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      for (const which of [id, otherId]) if (!byId.has(which)) throw new NotFoundException(`no customer with id "${which}"`);
      for (const which of [id, otherId]) {
        const into = byId.get(which)!.merged_into;
        if (into) throw new ConflictException(`customer "${which}" was already merged into "${into}"`);
      }
      await mergeCustomers(tx, id, otherId, null, null, by.email);
    });
    return this.profile(id);
  }

  /** The record that holds a customer's history: itself, or the one it was merged into. */
  private async owner(id: string): Promise<string> {
    const [c] = await this.db.query(`SELECT coalesce(merged_into, id) AS owner FROM customers WHERE id = $1`, [id]);
    if (!c) throw new NotFoundException(`no customer with id "${id}"`);
    return c.owner;
  }

  private summary(r: SqlRow) {
    const p: CustomerProfile = r.profile ?? {};
    const reach = influence({
      id: r.id,
      followers: p.followers,
      verified: p.verified,
      tier: p.tier,
      tags: p.tags,
      previousInteractions: Math.max(0, (r.interactions ?? 0) - 1),
    });
    return {
      id: r.id as string,
      name: r.name as string | null,
      handle: r.handle as string | null,
      tier: p.tier ?? null,
      tags: p.tags ?? [],
      notes: p.notes ?? null,
      influence: { segment: reach.segment, score: reach.score, followers: p.followers ?? 0, verified: !!p.verified },
      channels: Object.keys(p.channels ?? {}),
      interactions: (r.interactions as number) ?? 0,
      firstSeen: r.first_seen as Date | null,
      lastSeen: r.last_seen as Date | null,
    };
  }
}
