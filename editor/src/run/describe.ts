/**
 * What a step did, in words: the activities the interpreter asked for (route, draft, ask
 * for an approval, send…) with their sandbox results, and the waits. Message texts are the
 * rendered templates, so the manager reads the reply the customer would get.
 */
import { renderTemplate, type ActivityResult, type Command, type Playbook, type TemplateContext } from '@firebreak/engine';

type Activity = Extract<Command, { type: 'activity' }>;
type Await = Extract<Command, { type: 'await' }>;

const ROLE_NAMES: Record<string, string> = { pr: 'PR', legal: 'legal', manager: 'a manager', team_lead: 'the team lead', team: 'the team' };
const who = (role: unknown) => ROLE_NAMES[String(role)] ?? String(role);
const quoted = (s: unknown) => `“${String(s ?? '').trim()}”`;

/** Render a Handlebars source from a node's settings; a broken one shows as written (validation reports it). */
export function renderSafely(source: string, context: TemplateContext): string {
  try {
    return renderTemplate(source, context);
  } catch {
    return source;
  }
}

export function describeActivity(
  c: Activity,
  result: ActivityResult | undefined,
  failed: string | undefined,
  render: (s: string) => string,
): string {
  const i = c.input;
  const line = ((): string => {
    switch (c.activity) {
      case 'route':
        return `Route to team ${String(i.team)} (${String(i.mode)}, ${String(i.strategy)})${result?.agent ? ` → ${String(result.agent)}` : ''}`;
      case 'escalate':
        return `Escalate to ${who(i.to)}${i.team ? ` (${String(i.team)})` : ''}, rung ${Number(i.rung) + 1}, SLA ${String(i.sla)}${i.note ? `: ${String(i.note)}` : ''}`;
      case 'draft':
        if (result?.outcome === 'no_article') return 'Look for a knowledge-base article: none fits';
        return `Draft${i.template ? ` from template ${String(i.template)}` : ''}: ${quoted(result?.text)}`;
      case 'requestApproval':
        return `Ask ${i.backup ? `the backup ${who(i.role)} approver` : who(i.role)} to approve: ${quoted(i.text)}`;
      case 'send':
        return `Send a ${String(i.visibility)} reply: ${quoted(result?.text ?? i.text)}`;
      case 'createTask': {
        const checklist = Array.isArray(i.checklist) && i.checklist.length ? ` (checklist: ${(i.checklist as string[]).join('; ')})` : '';
        return `Task for an agent: ${quoted(render(String(i.prompt ?? '')))}${checklist}`;
      }
      case 'notify':
        return `Notify ${(i.to as string[] | undefined)?.join(', ') ?? 'someone'}: ${quoted(render(String(i.message ?? '')))}`;
      case 'declareCrisis':
        return `Declare the crisis ${quoted(i.topic)}`;
      case 'resolve':
        return `Resolve the case${i.resolution ? ` (${String(i.resolution)})` : ''}${i.thankYou ? ', with a public thank-you' : ''}`;
      default:
        return String(c.activity);
    }
  })();
  return failed ? `${line} — failed: ${failed}` : line;
}

const WAITS: Record<Await['waitFor'], string> = {
  approval: 'Waits for the decision',
  task: 'Waits for the agent',
  escalation: 'Waits for someone to take it',
  reply: "Waits for the customer's reply",
  timer: 'Waits',
};

export function describeWait(pb: Playbook, c: Await): string {
  const node = pb.nodes.find((n) => n.id === c.nodeId);
  const extra = node?.kind === 'hours' ? ' (the office is closed)' : '';
  return `${WAITS[c.waitFor]} until ${formatInstant(c.until)}${extra}`;
}

const instant = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instant.format(d);
}
