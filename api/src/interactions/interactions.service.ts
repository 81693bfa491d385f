import { Injectable, Logger, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, IsNull, Not } from 'typeorm';
import { startAccepts } from '@firebreak/engine';
import { customerReplySignal, InteractionWorkflowInput, workflowIdFor } from '@firebreak/engine/temporal';
import { linkArrival } from '../cases/arrival';
import { config } from '../config';
import { InteractionEntity, PlaybookEntity, PlaybookVersionEntity } from '../database/entities';
import { publishEvent } from '../events/publish';
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
   * Store the interaction once per channel + external id, together with its customer and
   * case (one transaction: never one without the other), then hand it to a run: the run of
   * its case that waits for the customer's next message, else a new run on the version
   * live now. A redelivery returns the same id and starts or signals nothing new: the
   * workflow id is derived from the same key and Temporal rejects a duplicate.
   */
  async ingest(input: InteractionInput): Promise<Accepted> {
    const repo = this.db.getRepository(InteractionEntity);
    let row = await repo.findOneBy({ channel: input.channel, externalId: input.externalId });
    const duplicate = !!row;
    if (!row) {
      const version = await this.liveVersionFor(input);
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
      const id = await this.db.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(InteractionEntity)
          .values({
            channel: input.channel,
            externalId: input.externalId,
            text: input.text,
            visibility: input.visibility,
            author: input.author,
            inReplyTo: input.inReplyTo ?? null,
            account: input.account ?? null,
            receivedAt,
            playbookVersionId: version.id,
            workflowId: workflowIdFor(input.channel, input.externalId),
            status: 'received',
          })
          .orIgnore()
          .returning('id')
          .execute();
        // orIgnore: a concurrent delivery of the same message may have won the insert.
        const newId: string | undefined = inserted.identifiers[0]?.id;
        if (newId)
          await linkArrival(tx, { interactionId: newId, channel: input.channel, author: input.author, text: input.text, receivedAt });
        return newId;
      });
      row = await repo.findOneByOrFail(id ? { id } : { channel: input.channel, externalId: input.externalId });
      // Before its run starts, so a listener sees it arrive before anything the run does.
      if (id)
        await publishEvent(this.db, {
          type: 'interaction.received',
          interactionId: row.id,
          workflowId: row.workflowId,
          channel: row.channel,
          visibility: row.visibility,
          author: row.author?.handle ?? null,
          playbookVersionId: row.playbookVersionId,
        });
    }
    if (row.status === 'received') row = await this.dispatch(row, input);
    return { id: row.id, workflowId: row.workflowId, playbookVersionId: row.playbookVersionId, duplicate };
  }

  /**
   * A stored interaction that joined a waiting run is delivered to it as the customer's
   * reply; if that run has finished meanwhile, the interaction gets a run of its own.
   */
  private async dispatch(row: InteractionEntity, input: InteractionInput): Promise<InteractionEntity> {
    const [{ joined_interaction_id: joined }] = await this.db.query(`SELECT joined_interaction_id FROM interactions WHERE id = $1`, [
      row.id,
    ]);
    if (!joined) {
      await this.start(row);
      return row;
    }
    try {
      const client = await this.temporal.client();
      await client.workflow.getHandle(row.workflowId).signal(customerReplySignal, { text: row.text, interactionId: row.id });
      await this.db.query(`UPDATE interactions SET status = 'joined' WHERE id = $1 AND status = 'received'`, [row.id]);
      return row;
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) {
        this.log.error(`could not deliver ${row.id} to ${row.workflowId}: ${(e as Error).message}`);
        throw new ServiceUnavailableException(
          `interaction ${row.id} is stored but could not reach its case's run yet; send it again to retry`,
        );
      }
      const version = await this.liveVersionFor(input);
      const own = { workflowId: workflowIdFor(row.channel, row.externalId), playbookVersionId: version.id };
      await this.db.query(
        `UPDATE interactions SET joined_interaction_id = NULL, workflow_id = $2, playbook_version_id = $3 WHERE id = $1`,
        [row.id, own.workflowId, own.playbookVersionId],
      );
      const alone = { ...row, ...own } as InteractionEntity;
      await this.start(alone);
      return alone;
    }
  }

  /** Start (or find already started) the workflow of a stored interaction. */
  async start(row: InteractionEntity): Promise<void> {
    const args: [InteractionWorkflowInput] = [{ interactionId: row.id, playbookVersionId: row.playbookVersionId }];
    try {
      const client = await this.temporal.client();
      await client.workflow.start('interactionWorkflow', {
        taskQueue: config.taskQueue,
        workflowId: row.workflowId,
        args,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) {
        this.log.error(`could not start ${row.workflowId}: ${(e as Error).message}`);
        throw new ServiceUnavailableException(
          `interaction ${row.id} is stored but its workflow could not start yet; send it again to retry`,
        );
      }
    }
    await this.db.getRepository(InteractionEntity).update({ id: row.id, status: 'received' }, { status: 'running' });
  }

  async get(id: string) {
    const row = await this.db.getRepository(InteractionEntity).findOneBy({ id });
    if (!row) throw new NotFoundException(`no interaction with id "${id}"`);
    const version = await this.db.getRepository(PlaybookVersionEntity).findOneByOrFail({ id: row.playbookVersionId });
    const playbook = await this.db.getRepository(PlaybookEntity).findOneByOrFail({ id: version.playbookId });
    const [links] = await this.db.query(`SELECT customer_id, case_id, joined_interaction_id, new_request FROM interactions WHERE id = $1`, [
      id,
    ]);
    return {
      id: row.id,
      channel: row.channel,
      externalId: row.externalId,
      text: row.text,
      visibility: row.visibility,
      author: row.author,
      account: row.account,
      receivedAt: row.receivedAt,
      status: row.status,
      reason: row.reason,
      workflowId: row.workflowId,
      playbookVersion: { id: version.id, playbook: playbook.key, version: version.version },
      facts: row.facts,
      waiting: row.waiting,
      tags: row.vars?.tags ?? [],
      assignment: row.vars?.assignment ?? null,
      customerId: links.customer_id,
      caseId: links.case_id,
      /** Set when this message was delivered to a waiting run of its case instead of starting one. */
      joinedInteractionId: links.joined_interaction_id,
      newRequest: links.new_request,
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
      input.playbook
        ? `playbook "${input.playbook}" does not exist or has no published version`
        : `no published playbook takes ${input.visibility} messages from ${input.channel}${input.account ? ` to account ${input.account}` : ''}`,
    );
  }
}
