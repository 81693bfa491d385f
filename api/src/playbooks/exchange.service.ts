import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { diffPlaybooks, fromDocument, PlaybookDocument, Problem, toDocument } from '@firebreak/engine';
import type { AuthUser } from '../auth/roles';
import { PlaybookEntity } from '../database/entities';
import { asJson } from '../database/json';
import type { VersionRef } from './params';
import { isUniqueViolation, PlaybooksService } from './playbooks.service';

/**
 * Playbooks in and out as files (the format of the engine's `playbook/exchange.ts`, which
 * the CLI reads and writes too), and the diff of any two versions.
 */
@Injectable()
export class ExchangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly playbooks: PlaybooksService,
  ) {}

  async export(key: string, ref: VersionRef, user: AuthUser | undefined): Promise<{ filename: string; document: PlaybookDocument }> {
    const { graph, version } = await this.playbooks.graphAt(key, ref);
    const document = toDocument(graph, {
      exportedAt: new Date().toISOString(),
      ...(user ? { exportedBy: user.email } : {}),
      source: version
        ? {
            key,
            version: version.version,
            note: version.note,
            publishedAt: version.publishedAt.toISOString(),
            publishedBy: version.publishedBy,
          }
        : { key, version: 'draft' },
    });
    return { filename: `${key}-${version ? `v${version.version}` : 'draft'}.json`, document };
  }

  /**
   * A new playbook with the file as its draft, or (mode 'draft') the file as the draft of the
   * playbook with its key, created if missing. Never publishes. The file's schema problems are
   * a 422 with their field paths; the validator's problems (an unknown template, a dangling
   * edge) come back with the saved draft, as when a draft is saved in the editor. One
   * transaction: on any error nothing is written.
   */
  async import(input: unknown, mode: 'draft' | undefined): Promise<{ key: string; created: boolean; problems: Problem[] }> {
    const read = fromDocument(input);
    if (!read.ok) throw new UnprocessableEntityException({ message: 'the file is not a valid playbook', problems: read.problems });
    const pb = read.playbook;
    const problems = await this.playbooks.check(pb);
    try {
      return await this.db.transaction(async (tx) => {
        const repo = tx.getRepository(PlaybookEntity);
        const existing = await repo.createQueryBuilder('p').setLock('pessimistic_write').where('p.key = :key', { key: pb.key }).getOne();
        const fields = { name: pb.name, description: pb.description ?? null, draft: asJson(pb) };
        if (!existing) {
          await repo.insert({ key: pb.key, ...fields });
          return { key: pb.key, created: true, problems };
        }
        if (mode !== 'draft')
          throw new ConflictException(
            `a playbook with key "${pb.key}" already exists; import with ?mode=draft to replace its draft, or change the file's key`,
          );
        this.playbooks.assertEditable(existing);
        await repo.update({ id: existing.id }, fields);
        return { key: pb.key, created: false, problems };
      });
    } catch (e) {
      // Two imports of a new key at once: the second insert hits the unique key.
      if (isUniqueViolation(e)) throw new ConflictException(`a playbook with key "${pb.key}" already exists`);
      throw e;
    }
  }

  async diff(key: string, from: VersionRef, to: VersionRef, ignorePositions: boolean) {
    const [a, b] = [await this.playbooks.graphAt(key, from), await this.playbooks.graphAt(key, to)];
    return { key, from, to, ...diffPlaybooks(a.graph, b.graph, { ignorePositions }) };
  }
}
