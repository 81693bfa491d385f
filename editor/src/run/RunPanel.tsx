import '../ui/quiet.css';
import './run.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { hasErrors, type Playbook } from '@firebreak/engine';
import type { WorkbenchContext } from '../playbooks/workbench';
import { useKept } from '../ui/useKept';
import { defaultChoice, waitingNodes, type Answers } from './answers';
import { AnswerForm } from './AnswerForm';
import { FactsSummary } from './FactsSummary';
import { takeRunRequest, useRunRequest } from './handoff';
import { blankInteraction, type TestInteraction } from './interaction';
import { InteractionForm } from './InteractionForm';
import { pathOverlay } from './overlay';
import { SamplePicker } from './SamplePicker';
import { fromThread } from './samplesApi';
import { StepControls } from './StepControls';
import { StepList } from './StepList';
import { runTest, type Trace } from './trace';

const PLAY_MS = 700;

type Result = { trace: Trace; playbook: Playbook } | { error: string };

/**
 * The test run: an interaction (typed, or a real demo thread), a script for the nodes that
 * wait, and the engine's own simulator in the browser. The path lights up on the canvas
 * step by step, and each step says why it went there.
 */
export function RunPanel({ ctx }: { ctx: WorkbenchContext }) {
  const pb = ctx.playbook;
  // Kept per playbook while the editor is open: the tab can be closed to edit and opened again.
  const keep = `run:${ctx.detail.key}`;
  const [input, setInput] = useKept<TestInteraction>(`${keep}:input`, () => blankInteraction());
  const [source, setSource] = useKept<'type' | 'sample'>(`${keep}:source`, () => 'type');
  const [answers, setAnswers] = useKept<Answers>(`${keep}:answers`, () => ({}));
  const [result, setResult] = useKept<Result | null>(`${keep}:result`, () => null);
  const [cursor, setCursor] = useKept(`${keep}:cursor`, () => 0);
  const [playing, setPlaying] = useState(false);

  const waiting = useMemo(() => waitingNodes(pb), [pb]);
  const replies = input.replies.filter((r) => r.trim());
  const crisisTopics = (pb.settings.crisisTopics ?? []).map((t) => t.topic);
  const startConfig = pb.nodes.find((n) => n.kind === 'start')?.config as { accounts?: string[] } | undefined;
  const accounts = startConfig?.accounts ?? [];

  const run = (i: TestInteraction, given: Answers) => {
    // Every waiting node gets an answer: the manager's pick, else the happy path.
    const script: Answers = {};
    for (const n of waitingNodes(pb)) {
      const choice =
        given[n.id] ??
        defaultChoice(
          n,
          i.replies.filter((r) => r.trim()),
        );
      if (choice) script[n.id] = choice;
    }
    try {
      setResult({ trace: runTest(pb, { ...i, replies: i.replies.filter((r) => r.trim()) }, script, ctx.templates), playbook: pb });
      setCursor(0);
      setPlaying(true);
    } catch (e) {
      setResult({ error: e instanceof Error ? e.message : String(e) });
      setPlaying(false);
    }
  };

  // The backtest asks to open one of its interactions here.
  const request = useRunRequest();
  useEffect(() => {
    if (!request) return;
    takeRunRequest(request.seq);
    setInput(request.interaction);
    setSource('type');
    setAnswers(request.answers ?? {});
    run(request.interaction, request.answers ?? {});
    // Once per request (its seq), whatever else changed meanwhile.
  }, [request?.seq]);

  const trace = result && 'trace' in result ? result.trace : null;
  const stale = !!result && 'trace' in result && result.playbook !== pb;
  const last = trace ? trace.steps.length - 1 : 0;

  useEffect(() => {
    if (!playing || !trace) return;
    if (cursor >= last) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => setCursor((c) => Math.min(c + 1, last)), PLAY_MS);
    return () => clearTimeout(t);
  }, [playing, cursor, last, trace]);

  // The canvas shows the path up to the cursor; the overlay goes when the panel closes.
  const setOverlay = useRef(ctx.setOverlay);
  setOverlay.current = ctx.setOverlay;
  const nodeIds = useMemo(() => pb.nodes.map((n) => n.id), [pb]);
  useEffect(() => {
    setOverlay.current(trace && !stale ? pathOverlay(trace, Math.min(cursor, last), nodeIds) : null);
  }, [trace, stale, cursor, last, nodeIds]);
  useEffect(() => () => setOverlay.current(null), []);

  const visited = useMemo(() => new Set(trace?.steps.map((s) => s.nodeId) ?? []), [trace]);
  const canRun = input.text.trim().length > 0;

  return (
    <section className="run-panel" data-testid="run-panel" aria-label="Test run">
      <div className="run-source" role="radiogroup" aria-label="Where the interaction comes from">
        <label className="run-check">
          <input
            type="radio"
            name="run-source"
            checked={source === 'type'}
            onChange={() => setSource('type')}
            data-testid="run-source-type"
          />
          Type one
        </label>
        <label className="run-check">
          <input
            type="radio"
            name="run-source"
            checked={source === 'sample'}
            onChange={() => setSource('sample')}
            data-testid="run-source-sample"
          />
          Pick a real thread
        </label>
      </div>
      {source === 'sample' && (
        <SamplePicker
          onPick={(thread) => {
            const next = fromThread(thread, input);
            setInput(next);
            setSource('type');
            run(next, answers);
          }}
        />
      )}
      {input.source.kind !== 'typed' && (
        <p className="muted small" data-testid="run-origin">
          {input.source.kind === 'sample'
            ? `A real thread${input.source.brand ? ` to ${input.source.brand}` : ''} (TWCS, thread ${input.source.threadId})`
            : `Recorded interaction ${input.source.id}`}
        </p>
      )}
      <InteractionForm value={input} onChange={setInput} crisisTopics={crisisTopics} accounts={accounts} />
      <AnswerForm nodes={waiting} answers={answers} replies={replies} onChange={setAnswers} visited={visited} />
      {hasErrors(ctx.problems) && (
        <p className="run-note" role="note">
          The draft has problems: the run may stop where they are.
        </p>
      )}
      <button type="button" className="button" data-testid="run-start" disabled={!canRun} onClick={() => run(input, answers)}>
        {result ? 'Run again' : 'Run'}
      </button>
      {!canRun && <span className="muted small"> Type a message or pick a thread first.</span>}

      {result && 'error' in result && (
        <div className="state state-error" role="alert" data-testid="run-error">
          <h2>The run stopped</h2>
          <p>{result.error}</p>
        </div>
      )}
      {trace && (
        <div className="run-result" data-testid="run-result">
          {stale && (
            <p className="run-note" role="note" data-testid="run-stale">
              The draft changed since this run. Run again to see the new path.
            </p>
          )}
          <p className={`run-status run-status-${trace.status}`} data-testid="run-status">
            {statusLine(trace)}
          </p>
          <FactsSummary facts={trace.facts} playbook={pb} />
          <StepControls
            cursor={Math.min(cursor, last)}
            count={trace.steps.length}
            playing={playing}
            onCursor={setCursor}
            onPlaying={setPlaying}
          />
          <StepList trace={trace} cursor={Math.min(cursor, last)} onSelect={(id, i) => (setCursor(i), ctx.selectNode(id))} />
          <Replies trace={trace} cursor={cursor} />
        </div>
      )}
    </section>
  );
}

function statusLine(trace: Trace): string {
  const steps = `${trace.steps.length} step${trace.steps.length === 1 ? '' : 's'}`;
  if (trace.status === 'failed') return `The run fails after ${steps}: ${trace.reason ?? 'unknown reason'}`;
  if (trace.status === 'waiting') return `The run waits after ${steps}`;
  if (trace.steps.length <= 1 && trace.reason) return `Not for this playbook: ${trace.reason}`;
  return `The run completes in ${steps}`;
}

function Replies({ trace, cursor }: { trace: Trace; cursor: number }) {
  const sent = trace.sent.filter((s) => s.index <= cursor);
  if (!sent.length) return null;
  return (
    <section className="run-replies" aria-label="Replies sent">
      <h3>Replies that go out</h3>
      {sent.map((s, i) => (
        <blockquote key={i} data-testid="run-reply">
          <span className="muted small">{s.visibility} reply</span>
          <p>{s.text}</p>
        </blockquote>
      ))}
    </section>
  );
}
