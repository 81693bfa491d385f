/**
 * Open-loop load for the engine benchmark: units of work (interactions, or bare floor
 * workflows) are started on a fixed schedule, whatever the system's pace, and each one's
 * span ends at the instant the system itself recorded (a Postgres timestamp, or the floor
 * activity's clock). The same driver measures Firebreak and the floor, so their figures
 * compare like for like.
 */

/** Something the driver can load: start one unit, and learn when units finished. */
export interface Target {
  name: string;
  /** Start unit `key`; resolves once the system accepted it (the HTTP 202, or the start call). */
  submit(key: string, seq: number): Promise<void>;
  /** Finished units since the last call: key → epoch ms the system recorded, and how it ended. */
  poll(): Promise<Array<{ key: string; at: number; outcome: string }>>;
}

export interface StepResult {
  offeredPerSec: number;
  seconds: number;
  submitted: number;
  errors: number;
  firstError?: string;
  completed: number;
  /** Units still unfinished when the driver gave up waiting. */
  unfinished: number;
  /** Completions per second inside the step's steady window (after warm-up, before the last start). */
  achievedPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How long the system took to accept a unit (HTTP round trip or start call). */
  acceptP50Ms: number;
  acceptP99Ms: number;
  /** How far behind its schedule the generator itself fell (should stay near 0). */
  generatorLagMaxMs: number;
  /** From the first start until the last one was accepted. */
  submitSeconds: number;
  /** From the first start to the last finish. */
  drainSeconds: number;
  outcomes: Record<string, number>;
  sustained: boolean;
}

export interface StepOptions {
  /** Unit keys: `${prefix}${seq}`. */
  prefix: string;
  rate: number;
  seconds: number;
  /** Give up waiting for stragglers after this long past the last start. */
  drainTimeoutMs?: number;
  /** A step is "sustained" when p99 stays under this and throughput keeps up with the offer. */
  p99BudgetMs?: number;
  /** Cap on concurrent submissions, so an overloaded system cannot exhaust the client. */
  maxInFlight?: number;
  pollMs?: number;
  log?: (m: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** One step: `rate` units per second for `seconds`, then wait until every unit has finished. */
export async function runStep(target: Target, o: StepOptions): Promise<StepResult> {
  const total = Math.round(o.rate * o.seconds);
  const interval = 1000 / o.rate;
  const maxInFlight = o.maxInFlight ?? 512;
  const startedAt = new Map<string, number>();
  const done = new Map<string, { at: number; outcome: string }>();
  const accept: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let inFlight = 0;
  let lagMax = 0;
  let submittingDone = false;

  const poller = (async () => {
    for (;;) {
      for (const f of await target.poll()) if (startedAt.has(f.key) && !done.has(f.key)) done.set(f.key, f);
      if (submittingDone && done.size + errors >= total) return;
      await sleep(o.pollMs ?? 150);
    }
  })();

  const t0 = Date.now();
  const submissions: Promise<void>[] = [];
  for (let seq = 0; seq < total; seq++) {
    const due = t0 + seq * interval;
    while (Date.now() < due || inFlight >= maxInFlight) await sleep(Math.max(1, Math.min(5, due - Date.now())));
    lagMax = Math.max(lagMax, Date.now() - due);
    const key = `${o.prefix}${seq}`;
    const sent = Date.now();
    startedAt.set(key, sent);
    inFlight++;
    submissions.push(
      target
        .submit(key, seq)
        .then(() => void accept.push(Date.now() - sent))
        .catch((e) => {
          errors++;
          firstError ??= (e as Error).message;
          startedAt.delete(key);
        })
        .finally(() => inFlight--),
    );
  }
  await Promise.all(submissions);
  submittingDone = true;
  const lastStart = Date.now();
  await Promise.race([poller, sleep(o.drainTimeoutMs ?? 60_000)]);
  submittingDone = true;

  const latencies = [...done].map(([k, f]) => f.at - startedAt.get(k)!).sort((a, b) => a - b);
  const finishes = [...done.values()].map((f) => f.at);
  // The steady window: skip the warm-up, stop at the last scheduled start (no drain tail).
  const warm = Math.min(2000, (o.seconds * 1000) / 5);
  const windowEnd = t0 + o.seconds * 1000;
  const inWindow = finishes.filter((t) => t >= t0 + warm && t < windowEnd).length;
  const achievedPerSec = inWindow / ((windowEnd - t0 - warm) / 1000);
  const outcomes: Record<string, number> = {};
  for (const f of done.values()) outcomes[f.outcome] = (outcomes[f.outcome] ?? 0) + 1;
  const acceptSorted = accept.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  const unfinished = total - errors - done.size;
  const result: StepResult = {
    offeredPerSec: round(o.rate, 2),
    seconds: o.seconds,
    submitted: total - errors,
    errors,
    firstError,
    completed: done.size,
    unfinished,
    achievedPerSec: round(achievedPerSec, 2),
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(p99),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    acceptP50Ms: round(percentile(acceptSorted, 50)),
    acceptP99Ms: round(percentile(acceptSorted, 99)),
    generatorLagMaxMs: round(lagMax),
    submitSeconds: round((lastStart - t0) / 1000, 2),
    drainSeconds: round(((finishes.length ? Math.max(...finishes) : lastStart) - t0) / 1000, 2),
    outcomes,
    sustained: errors === 0 && unfinished === 0 && achievedPerSec >= 0.9 * o.rate && p99 <= (o.p99BudgetMs ?? 2000),
  };
  o.log?.(
    `${target.name}: offered ${result.offeredPerSec}/s for ${o.seconds}s → ${result.achievedPerSec}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${errors}, unfinished ${unfinished}${result.sustained ? '' : '  (not sustained)'}`,
  );
  return result;
}

export interface Search {
  steps: StepResult[];
  /** The highest offered load the system kept up with (null if it never did). */
  best: StepResult | null;
  /** The most completions per second any step saw: under overload, the system's capacity. */
  peakPerSec: number;
}

/**
 * Raise the offered load geometrically until the system stops keeping up, then try once
 * between the last good and the first bad rate. Each step is a fixed duration at a fixed
 * rate; between steps the system drains.
 */
export async function findSustainedRate(
  target: Target,
  o: Omit<StepOptions, 'rate' | 'prefix'> & { prefix: string; startRate: number; factor: number; maxRate: number; maxSteps: number },
): Promise<Search> {
  const steps: StepResult[] = [];
  let best: StepResult | null = null;
  let bad: StepResult | null = null;
  let n = 0;
  const step = async (rate: number) => {
    const r = await runStep(target, { ...o, rate, prefix: `${o.prefix}${n++}-` });
    steps.push(r);
    if (r.sustained && (!best || r.achievedPerSec > best.achievedPerSec)) best = r;
    if (!r.sustained && (!bad || rate < bad.offeredPerSec)) bad = r;
    await sleep(1000);
    return r;
  };
  for (let rate = o.startRate; rate <= o.maxRate && n < o.maxSteps; rate *= o.factor) {
    if (!(await step(rate)).sustained) break;
  }
  // Too much from the start: come down until it keeps up.
  for (let rate = o.startRate / o.factor; !best && n < o.maxSteps + 3; rate /= o.factor) await step(rate);
  const lo = best as StepResult | null;
  const hi = bad as StepResult | null;
  if (lo && hi && hi.offeredPerSec / lo.offeredPerSec > 1.15) await step(Math.sqrt(lo.offeredPerSec * hi.offeredPerSec));
  return { steps, best, peakPerSec: Math.max(...steps.map((s) => s.achievedPerSec)) };
}
