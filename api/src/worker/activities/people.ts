import type { ActivityResult } from '@firebreak/engine';
import type { NodeActivities } from '@firebreak/engine/temporal';
import { Not } from 'typeorm';
import { onDuty } from '../../approvals/roster';
import { caseHistory } from '../../cases/history';
import { WorkItemEntity } from '../../database/entities';
import { publishFromActivity } from '../../events/activity-events';
import { ActivityContext } from './context';

type PeopleActivities = Pick<NodeActivities, 'escalate' | 'requestApproval' | 'createTask' | 'notify'>;

/** Activities that put work in front of people (assignments live in ./routing): escalations, approvals, tasks, notifications. */
export function peopleActivities(ctx: ActivityContext): PeopleActivities {
  return {
    /**
     * One rung of an escalation ladder: to the manager on duty (team lead), PR or legal on
     * duty, or a team's queue, with the case's whole history. Moving up a rung expires the
     * rung below; every rung stays on record.
     */
    async escalate(input): Promise<ActivityResult> {
      const items = ctx.db.getRepository(WorkItemEntity);
      const to = String(input.to);
      const role = to === 'team_lead' ? 'manager' : to === 'pr' || to === 'legal' ? to : null;
      const assignee = role ? ((await onDuty(ctx.db, role, new Date()))[0] ?? null) : null;
      await items.update(
        {
          interactionId: input.interactionId,
          nodeId: input.nodeId,
          kind: 'escalation',
          status: 'open',
          idempotencyKey: Not(input.idempotencyKey),
        },
        { status: 'expired' },
      );
      const history = await caseHistory(ctx.db, input.interactionId);
      const item = await ctx.workItem(input, 'escalation', 'open', {
        rung: input.rung,
        to,
        role,
        team: input.team ?? null,
        assignee,
        sla: input.sla,
        note: input.note ?? null,
        caseId: history.caseId,
        history: history.entries,
      });
      return { workItemId: item.id, to, assignee: item.payload.assignee, rung: input.rung };
    },

    /** Ask the first approver on duty; on the backup request, expire that ask and move to the next one on duty. */
    async requestApproval(input): Promise<ActivityResult> {
      const items = ctx.db.getRepository(WorkItemEntity);
      const duty = await onDuty(ctx.db, String(input.role), new Date());
      let assignee: string | null = duty[0] ?? null;
      if (input.backup) {
        const first = await items.findOne({
          where: { interactionId: input.interactionId, nodeId: input.nodeId, kind: 'approval', idempotencyKey: Not(input.idempotencyKey) },
          order: { createdAt: 'DESC' },
        });
        assignee = duty.find((u) => u !== first?.payload.assignee) ?? null;
        if (first?.status === 'pending') await items.update({ id: first.id }, { status: 'expired' });
      }
      const item = await ctx.workItem(input, 'approval', 'pending', {
        role: input.role,
        text: input.text,
        dueAt: input.dueAt,
        backup: input.backup,
        assignee,
      });
      await publishFromActivity(ctx.db, input, 'approval.pending', {
        workItemId: item.id,
        role: input.role,
        assignee: item.payload.assignee,
        dueAt: input.dueAt,
        backup: !!input.backup,
      });
      return { workItemId: item.id, assignee: item.payload.assignee };
    },

    async createTask(input): Promise<ActivityResult> {
      const prompt = await ctx.renderInline(String(input.prompt), input);
      const item = await ctx.workItem(input, 'task', 'open', {
        prompt,
        checklist: input.checklist,
        suggestedReplies: input.suggestedReplies,
        outcomes: input.outcomes,
        dueAt: input.dueAt,
      });
      const assignment = (input.vars as { assignment?: { agentId?: string | null; team?: string } } | undefined)?.assignment;
      await publishFromActivity(ctx.db, input, 'task.assigned', {
        workItemId: item.id,
        kind: 'task',
        agentId: assignment?.agentId ?? null,
        team: assignment?.team ?? null,
        dueAt: input.dueAt,
      });
      return { workItemId: item.id };
    },

    async notify(input): Promise<ActivityResult> {
      const message = await ctx.renderInline(String(input.message), input);
      const item = await ctx.workItem(input, 'notification', 'sent', { to: input.to, message });
      return { workItemId: item.id };
    },
  };
}
