import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { hasErrors, Playbook, validate, Problem } from '@firebreak/engine';
import { PlaybookEntity, PlaybookVersionEntity } from '../database/entities';
import { asJson } from '../database/json';
import { publishEvent } from '../events/publish';
import { TemplatesService } from '../templates/templates.service';
import type { VersionRef } from './params';
import { PublishRequestEntity } from './publish-request.entity';

export interface PlaybookSummary {
  key: string;
  name: string;
  description: string | null;
  archived: boolean;
  liveVersion: { id: string; version: number; since: Date } | null;
  updatedAt: Date;
}

/** A published version as the api shows it. */
export interface PublishedVersion {
  id: string;
  key: string;
  version: number;
  note: string | null;
  publishedBy: string | null;
  publishedAt: Date;
  problems: Problem[];
}

@Injectable()
export class PlaybooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplatesService,
  ) {}

  /** Archived playbooks are left out unless asked for. */
  async list(includeArchived = false): Promise<PlaybookSummary[]> {
    const rows = await this.db
      .getRepository(PlaybookEntity)
      .find({ where: includeArchived ? {} : { archived: false }, order: { name: 'ASC' } });
    const versions = await this.db.getRepository(PlaybookVersionEntity).find({ select: { id: true, version: true } });
    const byId = new Map(versions.map((v) => [v.id, v.version]));
    return rows.map((p) => this.summary(p, byId));
  }

  async get(key: string) {
    const p = await this.find(key);
    const live = p.liveVersionId ? await this.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: p.liveVersionId }) : null;
    return {
      ...this.summary(p, new Map(live ? [[live.id, live.version]] : [])),
      draft: p.draft,
      problems: await this.check(p.draft),
    };
  }

  async create(input: Playbook): Promise<{ key: string; problems: Problem[] }> {
    const repo = this.db.getRepository(PlaybookEntity);
    const taken = () => new ConflictException(`a playbook with key "${input.key}" already exists`);
    if (await repo.existsBy({ key: input.key })) throw taken();
    // Two creates of one key at once: the unique key refuses the second.
    await repo.insert({ key: input.key, name: input.name, description: input.description ?? null, draft: asJson(input) }).catch((e) => {
      throw isUniqueViolation(e) ? taken() : e;
    });
    return { key: input.key, problems: await this.check(input) };
  }

  async updateDraft(key: string, input: Playbook): Promise<{ key: string; problems: Problem[] }> {
    const p = await this.find(key);
    this.assertEditable(p);
    if (input.key !== key)
      throw new UnprocessableEntityException({
        message: `the body's key "${input.key}" differs from the url's "${key}"`,
        problems: [{ path: 'key', message: 'must equal the playbook key' }],
      });
    await this.db.getRepository(PlaybookEntity).save({ ...p, draft: input, name: input.name, description: input.description ?? null });
    return { key, problems: await this.check(input) };
  }

  /**
   * Rollback is a publish: an old version's graph becomes the newest version (and the draft),
   * so history only grows and runs already pinned to any version are untouched. It is not
   * held for four eyes: the graph was published (and so approved) before, and a rollback is
   * what one reaches for when the live version misbehaves.
   */
  async rollback(key: string, version: number, by: string | null): Promise<PublishedVersion> {
    const p = await this.find(key);
    const old = await this.db.getRepository(PlaybookVersionEntity).findOneBy({ playbookId: p.id, version });
    if (!old) throw new NotFoundException(`playbook "${key}" has no version ${version}`);
    const problems = await this.assertPublishable(p, old.graph);
    return this.db.transaction(async (tx) => {
      const published = await this.freeze(tx, p, { graph: old.graph, problems, note: `rollback to version ${version}`, by });
      await tx.getRepository(PlaybookEntity).update({ id: p.id }, { draft: asJson(old.graph) });
      return published;
    });
  }

  /** 422 with every problem when a graph cannot be published; 409 when the playbook is archived. */
  async assertPublishable(p: PlaybookEntity, graph: Playbook): Promise<Problem[]> {
    this.assertEditable(p);
    const problems = await this.check(graph);
    if (hasErrors(problems))
      throw new UnprocessableEntityException({ message: `the draft of "${p.key}" has problems and cannot be published`, problems });
    return problems;
  }

  /**
   * Freeze a graph (checked by assertPublishable) as the next immutable version and make it
   * live, inside the caller's transaction. The playbook row is locked first, so two publishes
   * cannot take the same number and an archive that committed meanwhile is seen.
   */
  async freeze(
    tx: EntityManager,
    p: PlaybookEntity,
    { graph, problems, note, by }: { graph: Playbook; problems: Problem[]; note: string | null; by: string | null },
  ): Promise<PublishedVersion> {
    const locked = await tx
      .getRepository(PlaybookEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id: p.id })
      .getOneOrFail();
    this.assertEditable(locked);
    const version = await this.nextVersion(tx, p.id);
    const saved = await tx.getRepository(PlaybookVersionEntity).save({ playbookId: p.id, version, graph, note, publishedBy: by });
    await tx.getRepository(PlaybookEntity).update({ id: p.id }, { liveVersionId: saved.id, liveSince: new Date() });
    // In the caller's transaction: the event leaves when the version commits.
    await publishEvent(tx, {
      type: 'playbook.published',
      playbook: p.key,
      version,
      versionId: saved.id,
      by,
      note: saved.note?.slice(0, 500) ?? null,
    });
    return {
      id: saved.id,
      key: p.key,
      version,
      note: saved.note,
      publishedBy: saved.publishedBy,
      publishedAt: saved.publishedAt,
      problems,
    };
  }

  /**
   * Archived playbooks take no new interactions (the interactions service only picks
   * unarchived ones); runs already going finish on their pinned version.
   */
  async setArchived(key: string, archived: boolean): Promise<PlaybookSummary> {
    const p = await this.find(key);
    if (p.archived !== archived) await this.db.getRepository(PlaybookEntity).update({ id: p.id }, { archived });
    const live = p.liveVersionId ? await this.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: p.liveVersionId }) : null;
    return this.summary({ ...p, archived }, new Map(live ? [[live.id, live.version]] : []));
  }

  /** History, newest first; a version published through four eyes names its approver. */
  async versions(key: string) {
    const p = await this.find(key);
    const rows = await this.db.getRepository(PlaybookVersionEntity).find({
      where: { playbookId: p.id },
      order: { version: 'DESC' },
      select: { id: true, version: true, note: true, publishedBy: true, publishedAt: true },
    });
    const approvals = rows.length
      ? await this.db.getRepository(PublishRequestEntity).find({ where: { versionId: In(rows.map((r) => r.id)) } })
      : [];
    const approvedBy = new Map(approvals.map((a) => [a.versionId, a.decidedBy]));
    return rows.map((v) => ({ ...v, approvedBy: approvedBy.get(v.id) ?? null, live: v.id === p.liveVersionId }));
  }

  async version(key: string, version: number) {
    const p = await this.find(key);
    const v = await this.db.getRepository(PlaybookVersionEntity).findOneBy({ playbookId: p.id, version });
    if (!v) throw new NotFoundException(`playbook "${key}" has no version ${version}`);
    return { ...v, live: v.id === p.liveVersionId };
  }

  /** The graph of a version, or of the draft, with what the api says about where it came from. */
  async graphAt(key: string, ref: VersionRef) {
    const p = await this.find(key);
    if (ref === 'draft') return { playbook: p, graph: p.draft, version: null };
    const v = await this.db.getRepository(PlaybookVersionEntity).findOneBy({ playbookId: p.id, version: ref });
    if (!v) throw new NotFoundException(`playbook "${key}" has no version ${ref}`);
    return { playbook: p, graph: v.graph, version: v };
  }

  /** The problems of a playbook against the templates that exist now. */
  async check(pb: unknown): Promise<Problem[]> {
    return validate(pb, { templates: await this.templates.sources() });
  }

  async find(key: string): Promise<PlaybookEntity> {
    const p = await this.db.getRepository(PlaybookEntity).findOneBy({ key });
    if (!p) throw new NotFoundException(`no playbook with key "${key}"`);
    return p;
  }

  /** An archived playbook is read-only until it is unarchived. */
  assertEditable(p: PlaybookEntity): void {
    if (p.archived)
      throw new ConflictException(`playbook "${p.key}" is archived; unarchive it (POST /api/playbooks/${p.key}/unarchive) to change it`);
  }

  private async nextVersion(tx: EntityManager, playbookId: string): Promise<number> {
    const { max } = await tx
      .getRepository(PlaybookVersionEntity)
      .createQueryBuilder('v')
      .select('MAX(v.version)', 'max')
      .where('v.playbook_id = :playbookId', { playbookId })
      .getRawOne();
    return (max ?? 0) + 1;
  }

  private summary(p: PlaybookEntity, versions: Map<string, number>): PlaybookSummary {
    return {
      key: p.key,
      name: p.name,
      description: p.description,
      archived: p.archived,
      liveVersion:
        p.liveVersionId && p.liveSince ? { id: p.liveVersionId, version: versions.get(p.liveVersionId) ?? 0, since: p.liveSince } : null,
      updatedAt: p.updatedAt,
    };
  }
}

export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';
