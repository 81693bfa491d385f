import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasErrors, Playbook, playbookSchema, validate, Problem } from '@firebreak/engine';
import { PlaybookEntity, PlaybookVersionEntity } from '../database/entities';
import { asJson } from '../database/json';
import { TemplatesService } from '../templates/templates.service';

export interface PlaybookSummary {
  key: string;
  name: string;
  description: string | null;
  archived: boolean;
  liveVersion: { id: string; version: number; since: Date } | null;
  updatedAt: Date;
}

@Injectable()
export class PlaybooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplatesService,
  ) {}

  async list(): Promise<PlaybookSummary[]> {
    const rows = await this.db.getRepository(PlaybookEntity).find({ order: { name: 'ASC' } });
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
    if (await repo.existsBy({ key: input.key })) throw new ConflictException(`a playbook with key "${input.key}" already exists`);
    await repo.save(repo.create({ key: input.key, name: input.name, description: input.description ?? null, draft: input }));
    return { key: input.key, problems: await this.check(input) };
  }

  async updateDraft(key: string, input: Playbook): Promise<{ key: string; problems: Problem[] }> {
    const p = await this.find(key);
    if (input.key !== key)
      throw new UnprocessableEntityException({
        message: `the body's key "${input.key}" differs from the url's "${key}"`,
        problems: [{ path: 'key', message: 'must equal the playbook key' }],
      });
    await this.db.getRepository(PlaybookEntity).save({ ...p, draft: input, name: input.name, description: input.description ?? null });
    return { key, problems: await this.check(input) };
  }

  /** Validate the draft and freeze it as the next immutable version; it becomes live. */
  async publish(key: string, note: string | undefined, by: string | undefined) {
    const p = await this.find(key);
    return this.freeze(p, p.draft, note ?? null, by ?? null);
  }

  /**
   * Rollback is a publish: an old version's graph becomes the newest version (and the draft),
   * so history only grows and runs already pinned to any version are untouched.
   */
  async rollback(key: string, version: number, by: string | undefined) {
    const p = await this.find(key);
    const old = await this.db.getRepository(PlaybookVersionEntity).findOneBy({ playbookId: p.id, version });
    if (!old) throw new NotFoundException(`playbook "${key}" has no version ${version}`);
    const published = await this.freeze(p, old.graph, `rollback to version ${version}`, by ?? null);
    await this.db.getRepository(PlaybookEntity).update({ id: p.id }, { draft: asJson(old.graph) });
    return published;
  }

  private async freeze(p: PlaybookEntity, graph: Playbook, note: string | null, by: string | null) {
    const problems = await this.check(graph);
    if (hasErrors(problems))
      throw new UnprocessableEntityException({ message: `the draft of "${p.key}" has problems and cannot be published`, problems });
    return this.db.transaction(async (tx) => {
      // Lock the playbook row so two publishes cannot take the same version number.
      await tx
        .getRepository(PlaybookEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :id', { id: p.id })
        .getOne();
      const version = await this.nextVersion(tx, p.id);
      const saved = await tx.getRepository(PlaybookVersionEntity).save({ playbookId: p.id, version, graph, note, publishedBy: by });
      await tx.getRepository(PlaybookEntity).update({ id: p.id }, { liveVersionId: saved.id, liveSince: new Date(), archived: false });
      return { id: saved.id, key: p.key, version, note: saved.note, publishedAt: saved.publishedAt, problems };
    });
  }

  async versions(key: string) {
    const p = await this.find(key);
    const rows = await this.db.getRepository(PlaybookVersionEntity).find({
      where: { playbookId: p.id },
      order: { version: 'DESC' },
      select: { id: true, version: true, note: true, publishedBy: true, publishedAt: true },
    });
    return rows.map((v) => ({ ...v, live: v.id === p.liveVersionId }));
  }

  async version(key: string, version: number) {
    const p = await this.find(key);
    const v = await this.db.getRepository(PlaybookVersionEntity).findOneBy({ playbookId: p.id, version });
    if (!v) throw new NotFoundException(`playbook "${key}" has no version ${version}`);
    return { ...v, live: v.id === p.liveVersionId };
  }

  /** The problems of a playbook against the templates that exist now. */
  async check(pb: unknown): Promise<Problem[]> {
    return validate(pb, { templates: await this.templates.sources() });
  }

  parse(input: unknown): Playbook {
    return playbookSchema.parse(input);
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

  private async find(key: string): Promise<PlaybookEntity> {
    const p = await this.db.getRepository(PlaybookEntity).findOneBy({ key });
    if (!p) throw new NotFoundException(`no playbook with key "${key}"`);
    return p;
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
