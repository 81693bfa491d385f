/**
 * The backtest: the draft run in the browser over a playbook's recorded interactions. Each
 * one is simulated twice with the same facts and the same people's decisions: on the draft
 * and on the live version. Comparing two simulations (rather than the draft against the
 * recorded path) isolates what the draft's edits change: a recorded run may still be
 * waiting, may have run on an older version, or may have been decided differently by
 * people, and none of that is the draft's doing.
 */
import type { CanvasOverlay, NodeOverlay } from '../playbooks/workbench';
import type { AnswerChoice, Answers } from '../run/answers';
import type { TestInteraction } from '../run/interaction';
import { runTest, type TraceStep } from '../run/trace';
import type { Playbook, RecordedInteraction } from '@firebreak/engine';

export interface BacktestRow {
  interaction: RecordedInteraction;
  input: TestInteraction;
  answers: Answers;
  draft: TraceStep[];
  live: TraceStep[];
  /** Index of the first step where the two paths part (absent when they do not). */
  partsAt?: number;
}

export interface BacktestResult {
  total: number;
  /** How many interactions pass through each node of the draft. */
  perNode: Record<string, number>;
  /** Interactions the draft routes differently from the live version. */
  differing: BacktestRow[];
  /** Interactions the engine could not run (a draft with errors), with why. */
  failed: Array<{ interaction: RecordedInteraction; message: string }>;
}

/** A recorded interaction as a test-run input: as it arrived, with the crisis state it met. */
export function toTestInteraction(r: RecordedInteraction): TestInteraction {
  const a = r.author;
  return {
    text: r.text,
    channel: r.channel as TestInteraction['channel'],
    visibility: r.visibility,
    account: r.account ?? undefined,
    author: { name: a.name ?? '', handle: a.handle ?? a.id, followers: a.followers ?? 0, verified: !!a.verified, tier: a.tier ?? '' },
    crisis: r.facts?.crisis ?? { active: false, topics: [] },
    receivedAt: r.receivedAt,
    replies: r.path.filter((s) => s.kind === 'wait' && s.outcome === 'replied').map((s) => String(s.detail?.text ?? '')),
    source: { kind: 'recorded', id: r.id },
  };
}

/** What people (and the clock) decided in the recorded run, to script the same decisions. */
export function recordedAnswers(r: RecordedInteraction): Answers {
  const answers: Answers = {};
  for (const s of r.path) {
    const o = s.outcome;
    if (!o) continue;
    let choice: AnswerChoice | undefined;
    if (o === 'timeout') choice = { kind: 'timeout' };
    else if (s.kind === 'approval')
      choice = o === 'approved' ? { kind: 'approve' } : { kind: 'reject', reason: String(s.detail?.reason ?? '') };
    else if (s.kind === 'agent_task') choice = { kind: 'outcome', outcome: o };
    else if (s.kind === 'escalate') choice = { kind: 'handled', rung: Number(s.detail?.rung ?? 0) };
    else if (s.kind === 'wait' && o === 'replied') choice = { kind: 'reply', text: String(s.detail?.text ?? '') };
    // The first visit's decision stands for the node: the script has one answer per node.
    if (choice && !answers[s.nodeId]) answers[s.nodeId] = choice;
  }
  return answers;
}

const signature = (s: TraceStep) => `${s.nodeId}:${s.outcome ?? ''}`;

/** One recorded interaction on the draft (counted into `acc`) and, when there is one, on the live version. */
function backtestOne(
  acc: BacktestResult,
  draft: Playbook,
  live: Playbook | null,
  interaction: RecordedInteraction,
  templates: Record<string, string>,
): void {
  const input = toTestInteraction(interaction);
  const answers = recordedAnswers(interaction);
  try {
    const d = runTest(draft, input, answers, templates).steps;
    for (const id of new Set(d.map((s) => s.nodeId))) acc.perNode[id] = (acc.perNode[id] ?? 0) + 1;
    if (!live) return;
    const l = runTest(live, input, answers, templates).steps;
    const n = Math.max(d.length, l.length);
    let partsAt: number | undefined;
    for (let i = 0; i < n && partsAt === undefined; i++) if (!d[i] || !l[i] || signature(d[i]) !== signature(l[i])) partsAt = i;
    if (partsAt !== undefined) acc.differing.push({ interaction, input, answers, draft: d, live: l, partsAt });
  } catch (e) {
    acc.failed.push({ interaction, message: e instanceof Error ? e.message : String(e) });
  }
}

const empty = (draft: Playbook, total: number): BacktestResult => ({
  total,
  perNode: Object.fromEntries(draft.nodes.map((n) => [n.id, 0])),
  differing: [],
  failed: [],
});

export function runBacktest(
  draft: Playbook,
  live: Playbook | null,
  recorded: RecordedInteraction[],
  templates: Record<string, string>,
): BacktestResult {
  const acc = empty(draft, recorded.length);
  for (const interaction of recorded) backtestOne(acc, draft, live, interaction, templates);
  return acc;
}

/**
 * The same, a slice at a time with a pause for the browser between slices: a few hundred
 * interactions take a second or two, and the page must keep answering meanwhile.
 */
export async function runBacktestInSlices(
  draft: Playbook,
  live: Playbook | null,
  recorded: RecordedInteraction[],
  templates: Record<string, string>,
  onProgress: (done: number) => void,
  slice = 25,
): Promise<BacktestResult> {
  const acc = empty(draft, recorded.length);
  for (let i = 0; i < recorded.length; i += slice) {
    for (const interaction of recorded.slice(i, i + slice)) backtestOne(acc, draft, live, interaction, templates);
    onProgress(Math.min(i + slice, recorded.length));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return acc;
}

/** Per node: how many of the interactions would pass there (a badge), nodes none reach muted. */
export function countsOverlay(result: BacktestResult): CanvasOverlay {
  const nodes: Record<string, NodeOverlay> = {};
  for (const [id, n] of Object.entries(result.perNode)) {
    nodes[id] = {
      tone: n ? 'path' : 'muted',
      badge: String(n),
      title: `${n} of ${result.total} recorded interactions would pass here`,
    };
  }
  return { nodes };
}
