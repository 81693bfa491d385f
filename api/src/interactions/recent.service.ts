import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Author, Facts, PathStep, RecordedInteraction, RunState } from '@firebreak/engine';

@Injectable()
export class RecentInteractionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The newest interactions that started a run of this playbook (any of its versions),
   * newest first. Messages that joined a waiting run are left out: they are customer
   * replies inside another interaction's run, not runs of their own.
   */
  async forPlaybook(key: string, limit: number): Promise<{ playbook: string; interactions: RecordedInteraction[] }> {
    const [playbook] = await this.db.query(`SELECT id FROM playbooks WHERE key = $1`, [key]);
    if (!playbook) throw new NotFoundException(`no playbook with key "${key}"`);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT i.id, i.channel, i.visibility, i.text, i.author, i.account, i.received_at, i.status, v.version, i.facts, i.path, i.waiting
         FROM interactions i JOIN playbook_versions v ON v.id = i.playbook_version_id
        WHERE v.playbook_id = $1 AND i.status <> 'joined'
        ORDER BY i.received_at DESC, i.id
        LIMIT $2`,
      [playbook.id, limit],
    );
    return {
      playbook: key,
      interactions: rows.map((r) => ({
        id: r.id as string,
        channel: r.channel as string,
        visibility: r.visibility as 'public' | 'private',
        text: r.text as string,
        author: r.author as Author,
        account: (r.account as string | null) ?? null,
        receivedAt: (r.received_at as Date).toISOString(),
        status: r.status as string,
        version: r.version as number,
        facts: (r.facts as Facts | null) ?? null,
        path: (r.path as PathStep[] | null) ?? [],
        waiting: (r.waiting as RunState['waiting'] | null) ?? null,
      })),
    };
  }
}
