import { Injectable, Logger, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource, IsNull, Not } from 'typeorm';
import { startAccepts } from '@firebreak/engine';
import { InteractionWorkflowInput, workflowIdFor } from '@firebreak/engine/temporal';
import { config } from '../config';
import { InteractionEntity, PlaybookEntity, PlaybookVersionEntity } from '../database/entities';
import { TemporalService } from '../temporal/temporal.module';
import { InteractionInput } from './interaction.schema';

export interface Accepted {
  id: string;
  workflowId: string;
  playbookVersionId: string;
  duplicate: boolean;
}

@Injectable()
export class InteractionsService {
  private readonly log = new Logger('interactions');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  /**
   * Store the interaction once per channel + external id, then start its workflow on the
   * version live now. A redelivery returns the same id and (re)starts nothing new: the
   * workflow id is derived from the same key and Temporal rejects a duplicate.
   */
  async ingest(input: InteractionInput): Promise<Accepted> {
    const repo = this.db.getRepository(InteractionEntity);
    let row = await repo.findOneBy({ channel: input.channel, externalId: input.externalId });
    const duplicate = !!row;
    if (!row) {
      const version = await this.liveVersionFor(input);
      const inserted = await repo.createQueryBuilder().insert().into(InteractionEntity).values({
        channel: input.channel,
        externalId: input.externalId,
        text: input.text,
        visibility: input.visibility,
        author: input.author,
        inReplyTo: input.inReplyTo ?? null,
        receivedAt: input.receivedAt ? new Date(input.receivedAt) : new Date(),
        playbookVersionId: version.id,
        workflowId: workflowIdFor(input.channel, input.externalId),
        status: 'received',
      }).orIgnore().returning('id').execute();
      // orIgnore: a concurrent delivery of the same message may have won the insert.
      row = await repo.findOneByOrFail(inserted.identifiers[0]?.id ? { id: inserted.identifiers[0].id } : { channel: input.channel, externalId: input.externalId });
    }
    if (row.status === 'received') await this.start(row);
    return { id: row.id, workflowId: row.workflowId, playbookVersionId: row.playbookVersionId, duplicate };
  }

  /** Start (or find already started) the workflow of a stored interaction. */
  async start(row: InteractionEntity): Promise<void> {
    const args: [InteractionWorkflowInput] = [{ interactionId: row.id, playbookVersionId: row.playbookVersionId }];
    try {
      const client = await this.temporal.client();
      await client.workflow.start('interactionWorkflow', { taskQueue: config.taskQueue, workflowId: row.workflowId, args, workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) {
        this.log.error(`could not start ${row.workflowId}: ${(e as Error).message}`);
        throw new ServiceUnavailableException(`interaction ${row.id} is stored but its workflow could not start yet; send it again to retry`);
      }
    }
    await this.db.getRepository(InteractionEntity).update({ id: row.id, status: 'received' }, { status: 'running' });
  }

  async get(id: string) {
    const row = await this.db.getRepository(InteractionEntity).findOneBy({ id });
    if (!row) throw new NotFoundException(`no interaction with id "${id}"`);
    const version = await this.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: row.playbookVersionId });
    const playbook = await this.db.getRepository(PlaybookEntity).findOneByOrFail({ id: version.playbookId });
    return {
      id: row.id,
      channel: row.channel,
      externalId: row.externalId,
      text: row.text,
      visibility: row.visibility,
      author: row.author,
      receivedAt: row.receivedAt,
      status: row.status,
      reason: row.reason,
      workflowId: row.workflowId,
      playbookVersion: { id: version.id, playbook: playbook.key, version: version.version },
      facts: row.facts,
      waiting: row.waiting,
      tags: row.vars?.tags ?? [],
      path: row.path,
    };
  }

  async recent(limit: number) {
    return this.db.getRepository(InteractionEntity).find({ order: { receivedAt: 'DESC' }, take: Math.min(Math.max(limit, 1), 500) });
  }

  private async liveVersionFor(input: InteractionInput): Promise<PlaybookVersionEntity> {
    const playbooks = await this.db.getRepository(PlaybookEntity).find({
      where: { archived: false, liveVersionId: Not(IsNull()), ...(input.playbook ? { key: input.playbook } : {}) },
      order: { liveSince: 'DESC' },
    });
    for (const p of playbooks) {
      const version = await this.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: p.liveVersionId! });
      if (input.playbook || startAccepts(version.graph, input)) return version;
    }
    throw new UnprocessableEntityException(
      input.playbook ? `playbook "${input.playbook}" does not exist or has no published version` : `no published playbook takes ${input.visibility} messages from ${input.channel}`,
    );
  }
}
