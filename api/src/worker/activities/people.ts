import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { Not } from 'typeorm';
import { onDuty } from '../../approvals/roster';
import { WorkItemEntity } from '../../database/entities';
import { ActivityContext } from './context';

type PeopleActivities = Pick<NodeActivities, 'escalate' | 'requestApproval' | 'createTask' | 'notify'>;

/** Activities that put work in front of people (assignments live in ./routing): escalations, approvals, tasks, notifications. */
export function peopleActivities(ctx: ActivityContext): PeopleActivities {
  return {
    async escalate(input): Promise<ActivityResult> {
      const item = await ctx.workItem(input, 'escalation', 'open', { rung: input.rung, to: input.to, team: input.team, sla: input.sla, note: input.note });
      return { workItemId: item.id, to: input.to };
    },

    /** Ask the first approver on duty; on the backup request, expire that ask and move to the next one on duty. */
    async requestApproval(input): Promise<ActivityResult> {
      const items = ctx.db.getRepository(WorkItemEntity);
      const duty = await onDuty(ctx.db, String(input.role), new Date());
      let assignee: string | null = duty[0] ?? null;
      if (input.backup) {
        const first = await items.findOne({ where: { interactionId: input.interactionId, nodeId: input.nodeId, kind: 'approval', idempotencyKey: Not(input.idempotencyKey) }, order: { createdAt: 'DESC' } });
        assignee = duty.find((u) => u !== first?.payload.assignee) ?? null;
        if (first?.status === 'pending') await items.update({ id: first.id }, { status: 'expired' });
      }
      const item = await ctx.workItem(input, 'approval', 'pending', { role: input.role, text: input.text, dueAt: input.dueAt, backup: input.backup, assignee });
      return { workItemId: item.id, assignee: item.payload.assignee };
    },

    async createTask(input): Promise<ActivityResult> {
      const prompt = await ctx.renderInline(String(input.prompt), input.interactionId);
      const item = await ctx.workItem(input, 'task', 'open', {
        prompt,
        checklist: input.checklist,
        suggestedReplies: input.suggestedReplies,
        outcomes: input.outcomes,
        dueAt: input.dueAt,
      });
      return { workItemId: item.id };
    },

    async notify(input): Promise<ActivityResult> {
      const message = await ctx.renderInline(String(input.message), input.interactionId);
      const item = await ctx.workItem(input, 'notification', 'sent', { to: input.to, message });
      return { workItemId: item.id };
    },
  };
}
