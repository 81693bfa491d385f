/**
 * Scripted answers for the nodes that wait on a person, the customer or the clock: what the
 * manager picks in the test run ("PR rejects", "SLA expires"), turned into the simulator's
 * `ScriptedAnswer`s. Only the nodes of the draft that can wait get a choice.
 */
import { nodeConfigs, type Playbook, type PlaybookNode, type ScriptedAnswer } from '@firebreak/engine';

export type AnswerChoice =
  | { kind: 'approve' }
  | { kind: 'approve_edit'; text: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'outcome'; outcome: string }
  /** An escalation taken at rung `rung` (0-based): the rungs before it time out. */
  | { kind: 'handled'; rung: number }
  | { kind: 'reply'; text: string }
  | { kind: 'timeout' };

export type Answers = Record<string, AnswerChoice>;

export interface ChoiceOption {
  /** A stable value for the <select>. */
  value: string;
  label: string;
  choice: AnswerChoice;
}

const BY = 'test run';
const APPROVERS: Record<string, string> = { pr: 'PR', legal: 'Legal', manager: 'A manager' };

/** The draft's nodes that wait for someone, in the order they appear in the playbook. */
export function waitingNodes(pb: Playbook): PlaybookNode[] {
  return pb.nodes.filter((n) => optionsFor(n, []).length > 0);
}

function parsed<T>(node: PlaybookNode, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T | undefined {
  const r = schema.safeParse(node.config ?? {});
  return r.success ? r.data : undefined;
}

/** The choices a node offers; `replies` are the customer's next messages (from a demo thread). */
export function optionsFor(node: PlaybookNode, replies: string[]): ChoiceOption[] {
  switch (node.kind) {
    case 'approval': {
      const c = parsed(node, nodeConfigs.approval);
      return [
        { value: 'approve', label: `${APPROVERS[c?.role ?? ''] ?? 'The approver'} approves`, choice: { kind: 'approve' } },
        { value: 'approve_edit', label: 'Approves with an edit', choice: { kind: 'approve_edit', text: '' } },
        { value: 'reject', label: 'Rejects', choice: { kind: 'reject', reason: '' } },
        { value: 'timeout', label: c?.backup ? 'SLA expires (the backup too)' : 'SLA expires', choice: { kind: 'timeout' } },
      ];
    }
    case 'agent_task': {
      const c = parsed(node, nodeConfigs.agent_task);
      return [
        ...(c?.outcomes ?? ['done']).map((o) => ({
          value: `outcome:${o}`,
          label: `Agent: ${o}`,
          choice: { kind: 'outcome', outcome: o } as AnswerChoice,
        })),
        { value: 'timeout', label: 'SLA expires', choice: { kind: 'timeout' } },
      ];
    }
    case 'escalate': {
      const c = parsed(node, nodeConfigs.escalate);
      return [
        ...(c?.ladder ?? []).map((r, i) => ({
          value: `handled:${i}`,
          label: i === 0 ? `Taken by ${r.to}` : `Taken by ${r.to} (earlier rungs time out)`,
          choice: { kind: 'handled', rung: i } as AnswerChoice,
        })),
        { value: 'timeout', label: 'Nobody takes it: every SLA expires', choice: { kind: 'timeout' } },
      ];
    }
    case 'wait': {
      const c = parsed(node, nodeConfigs.wait);
      if (c?.for !== 'reply') return [];
      return [
        { value: 'reply', label: 'The customer replies', choice: { kind: 'reply', text: replies[0] ?? '' } },
        { value: 'timeout', label: 'No reply: the wait times out', choice: { kind: 'timeout' } },
      ];
    }
    default:
      return [];
  }
}

/** What happens at a node when the manager picks nothing: the happy path, as the simulator assumes. */
export function defaultChoice(node: PlaybookNode, replies: string[]): AnswerChoice | undefined {
  const options = optionsFor(node, replies);
  if (node.kind === 'wait') return replies.length ? options[0]?.choice : { kind: 'timeout' };
  return options[0]?.choice;
}

export function valueOf(choice: AnswerChoice): string {
  if (choice.kind === 'outcome') return `outcome:${choice.outcome}`;
  if (choice.kind === 'handled') return `handled:${choice.rung}`;
  return choice.kind;
}

export function toScripted(choice: AnswerChoice): ScriptedAnswer | ScriptedAnswer[] {
  switch (choice.kind) {
    case 'approve':
      return { outcome: 'approved', by: BY };
    case 'approve_edit':
      return { outcome: 'approved', by: BY, text: choice.text };
    case 'reject':
      return { outcome: 'rejected', by: BY, reason: choice.reason || undefined };
    case 'outcome':
      return { outcome: choice.outcome, by: BY };
    case 'handled':
      return [...Array.from({ length: choice.rung }, () => ({ timeout: true }) as const), { outcome: 'handled', by: BY }];
    case 'reply':
      return { reply: choice.text };
    case 'timeout':
      return { timeout: true };
  }
}

export function scriptedAnswers(answers: Answers): Record<string, ScriptedAnswer | ScriptedAnswer[]> {
  return Object.fromEntries(Object.entries(answers).map(([id, c]) => [id, toScripted(c)]));
}
