import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { diffPlaybooks, Playbook, Problem } from '@firebreak/engine';
import type { AuthUser } from '../auth/roles';
import { PlaybookEntity, PlaybookVersionEntity } from '../database/entities';
import { WorkspaceSettingsService } from '../workspace/settings.service';
import { PlaybooksService, PublishedVersion } from './playbooks.service';
import { PublishRequestEntity, PublishRequestStatus } from './publish-request.entity';

export type PublishOutcome = { published: PublishedVersion } | { request: PublishRequestView };

export interface PublishRequestView {
  id: string;
  key: string;
  status: PublishRequestStatus;
  requestedBy: string;
  requestedAt: Date;
  note: string | null;
  snapshot: Playbook;
  /** The snapshot's warnings (a request is only made from a draft without errors). */
  problems: Problem[];
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  /** The version number an approval published. */
  version: number | null;
  /** What approving would change against the version live now. */
  changes: ReturnType<typeof diffPlaybooks>['summary'] | null;
}

/**
 * Publishing, alone or with four eyes. When the workspace's `fourEyesPublish` rule is on, a
 * publish freezes the draft into a request; a second manager's approval publishes exactly
 * that snapshot (not whatever the draft has become), a rejection records why.
 */
@Injectable()
export class PublishService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly playbooks: PlaybooksService,
    private readonly settings: WorkspaceSettingsService,
  ) {}

  async publish(key: string, note: string | null, user: AuthUser | undefined): Promise<PublishOutcome> {
    const p = await this.playbooks.find(key);
    const problems = await this.playbooks.assertPublishable(p, p.draft);
    if (!(await this.settings.get()).fourEyesPublish) {
      const published = await this.db.transaction((tx) =>
        this.playbooks.freeze(tx, p, { graph: p.draft, problems, note, by: user?.email ?? null }),
      );
      return { published };
    }
    if (!user) throw new ForbiddenException('a publish request needs a signed-in requester');
    const repo = this.db.getRepository(PublishRequestEntity);
    const saved = await repo.save(
      repo.create({ playbookId: p.id, status: 'pending', snapshot: p.draft, note, requestedBy: user.email, requestedById: user.id }),
    );
    return { request: await this.view(p, saved, problems) };
  }

  async list(key: string, status: PublishRequestStatus | 'all'): Promise<PublishRequestView[]> {
    const p = await this.playbooks.find(key);
    const where: FindOptionsWhere<PublishRequestEntity> = { playbookId: p.id, ...(status === 'all' ? {} : { status }) };
    const rows = await this.db.getRepository(PublishRequestEntity).find({ where, order: { requestedAt: 'DESC' } });
    return Promise.all(rows.map(async (r) => this.view(p, r, await this.playbooks.check(r.snapshot))));
  }

  async get(key: string, id: string): Promise<PublishRequestView> {
    const { playbook, request } = await this.find(key, id);
    return this.view(playbook, request, await this.playbooks.check(request.snapshot));
  }

  /** Publish the request's snapshot; never by the manager who asked (that would be two eyes). */
  async approve(key: string, id: string, user: AuthUser): Promise<{ request: PublishRequestView; published: PublishedVersion }> {
    const { playbook, request } = await this.find(key, id);
    if (request.requestedById === user.id)
      throw new ForbiddenException(`${user.email} asked for this publish; another manager has to approve it`);
    this.assertPending(request);
    const problems = await this.playbooks.assertPublishable(playbook, request.snapshot);
    const published = await this.db.transaction(async (tx) => {
      await this.lockPending(tx.getRepository(PublishRequestEntity), id);
      const version = await this.playbooks.freeze(tx, playbook, {
        graph: request.snapshot,
        problems,
        note: request.note,
        by: request.requestedBy,
      });
      await tx
        .getRepository(PublishRequestEntity)
        .update({ id }, { status: 'approved', decidedBy: user.email, decidedAt: new Date(), versionId: version.id });
      return version;
    });
    return { request: await this.get(key, id), published };
  }

  /** Reject with a reason. The requester may withdraw their own request this way, never approve it. */
  async reject(key: string, id: string, reason: string, user: AuthUser): Promise<{ request: PublishRequestView }> {
    const { request } = await this.find(key, id);
    this.assertPending(request);
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PublishRequestEntity);
      await this.lockPending(repo, id);
      await repo.update({ id }, { status: 'rejected', decidedBy: user.email, decidedAt: new Date(), reason });
    });
    return { request: await this.get(key, id) };
  }

  private async find(key: string, id: string) {
    const playbook = await this.playbooks.find(key);
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    const request = isUuid ? await this.db.getRepository(PublishRequestEntity).findOneBy({ id, playbookId: playbook.id }) : null;
    if (!request) throw new NotFoundException(`playbook "${key}" has no publish request ${id}`);
    return { playbook, request };
  }

  private assertPending(r: PublishRequestEntity): void {
    if (r.status !== 'pending') throw new ConflictException(`this publish request was already ${r.status} by ${r.decidedBy}`);
  }

  /** Re-read under a row lock: of two managers deciding at once, the second gets the 409. */
  private async lockPending(repo: Repository<PublishRequestEntity>, id: string): Promise<void> {
    const row = await repo.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOneOrFail();
    this.assertPending(row);
  }

  private async view(p: PlaybookEntity, r: PublishRequestEntity, problems: Problem[]): Promise<PublishRequestView> {
    const versions = this.db.getRepository(PlaybookVersionEntity);
    const live = p.liveVersionId ? await versions.findOneBy({ id: p.liveVersionId }) : null;
    const published = r.versionId ? await versions.findOneBy({ id: r.versionId }) : null;
    return {
      id: r.id,
      key: p.key,
      status: r.status,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt,
      note: r.note,
      snapshot: r.snapshot,
      problems,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      reason: r.reason,
      version: published?.version ?? null,
      changes: r.status === 'pending' && live ? diffPlaybooks(live.graph, r.snapshot, { ignorePositions: true }).summary : null,
    };
  }
}
