import {
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import { PlaybookEntity, PlaybookVersionEntity, TemplateEntity, CrisisEntity } from '../database/entities';
import { KnowledgeArticleEntity } from '../knowledge/knowledge.entity';
import { AgentEntity } from '../routing/entities';
import type { EntityChange } from './audit.entity';
import { auditContext, AuditRequestContext } from './request-context';

/** The core entities whose before/after the log keeps (people change them; runs depend on them). */
const AUDITED = new Set<unknown>([
  PlaybookEntity,
  PlaybookVersionEntity,
  TemplateEntity,
  CrisisEntity,
  KnowledgeArticleEntity,
  AgentEntity,
]);
/** Bookkeeping columns that change on every save and say nothing. */
const NOISE = new Set(['updatedAt']);

/**
 * Entity-level before/after, changed fields only, added to the current request's audit row.
 * Changes made outside a request (none of the audited entities today) are handed to
 * `orphan`, which writes them as rows of their own. A change made in a transaction waits for
 * its commit: a rolled-back change never happened, so it is not logged.
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(private readonly orphan: (change: EntityChange) => void) {}

  afterTransactionCommit(e: TransactionCommitEvent) {
    // Only the outermost COMMIT makes the changes real; releasing a savepoint does not.
    if (e.queryRunner.isTransactionActive) return;
    const parked = this.pending.get(e.queryRunner) ?? [];
    this.pending.delete(e.queryRunner);
    for (const p of parked) this.deliver(p.change, p.store);
  }

  afterTransactionRollback(e: TransactionRollbackEvent) {
    // A rollback to a savepoint drops only what was changed inside it.
    const depth = depthOf(e.queryRunner);
    const kept = (this.pending.get(e.queryRunner) ?? []).filter((p) => e.queryRunner.isTransactionActive && p.depth <= depth);
    this.pending.set(e.queryRunner, kept);
  }

  afterInsert(e: InsertEvent<ObjectLiteral>) {
    if (!this.audited(e.metadata)) return;
    const after = this.columns(e.metadata, e.entity);
    this.record(e.queryRunner, { entity: e.metadata.tableName, id: idOf(e.entity), op: 'insert', before: null, after });
  }

  afterUpdate(e: UpdateEvent<ObjectLiteral>) {
    if (!this.audited(e.metadata) || !e.entity) return;
    const after = this.columns(e.metadata, e.entity as ObjectLiteral);
    // repository.save loads the row first (databaseEntity); a query-builder update knows only the new values.
    const before = e.databaseEntity ? this.columns(e.metadata, e.databaseEntity) : null;
    const changed = Object.keys(after).filter((k) => !before || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return;
    this.record(e.queryRunner, {
      entity: e.metadata.tableName,
      id: idOf(e.databaseEntity) ?? idOf(e.entity),
      op: 'update',
      before: before ? pick(before, changed) : null,
      after: pick(after, changed),
    });
  }

  afterRemove(e: RemoveEvent<ObjectLiteral>) {
    if (!this.audited(e.metadata)) return;
    const before = this.columns(e.metadata, e.databaseEntity ?? e.entity ?? {});
    // A query-builder delete says neither which rows nor what they held; the request row has the id.
    if (!e.entityId && Object.keys(before).length === 0) return;
    this.record(e.queryRunner, {
      entity: e.metadata.tableName,
      id: e.entityId ? String(e.entityId) : idOf(before),
      op: 'remove',
      before,
      after: null,
    });
  }

  private audited(m: EntityMetadata): boolean {
    return AUDITED.has(m.target);
  }

  private columns(m: EntityMetadata, row: ObjectLiteral): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const c of m.columns) {
      const v = row[c.propertyName] as unknown;
      if (v !== undefined && !NOISE.has(c.propertyName)) out[c.propertyName] = v;
    }
    return out;
  }

  private record(runner: QueryRunner, change: EntityChange) {
    const store = auditContext.getStore();
    if (!runner.isTransactionActive) return this.deliver(change, store);
    const parked = this.pending.get(runner) ?? [];
    parked.push({ change, store, depth: depthOf(runner) });
    this.pending.set(runner, parked);
  }

  private deliver(change: EntityChange, store: AuditRequestContext | undefined) {
    if (store) store.changes.push(change);
    else this.orphan(change);
  }
}

interface Pending {
  change: EntityChange;
  store: AuditRequestContext | undefined;
  depth: number;
}

/** TypeORM keeps the savepoint depth protected; it is what tells a savepoint from the transaction. */
const depthOf = (runner: QueryRunner): number => (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 0;

const idOf = (row: ObjectLiteral | undefined): string | null => (row && typeof row.id === 'string' ? row.id : null);
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
