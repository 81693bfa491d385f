/**
 * `npm run bench:editor`: the workbench with a 300-node playbook, in headless Chromium,
 * against the embedded stack it starts itself (the same as bench:engine).
 *
 * 1. Generates a valid 300-node playbook (every outcome led somewhere, all reachable; the
 *    editor's own ELK layout places it) and imports it through POST /api/playbooks.
 * 2. Opens /playbooks/<key> as a manager, several times: the time until every node is on
 *    the canvas, measured and visible — from navigation start, and from the moment the
 *    playbook's data arrived (the api response's responseEnd).
 * 3. Pans with the mouse (a scripted drag on the canvas), once zoomed to fit (all 300 cards in
 *    view) and once at 100% (the readable zoom): frame times from requestAnimationFrame
 *    timestamps — median, p95, max, dropped frames.
 * Goal (issue 6, point 13): opens in under 1.5 s, panning stays smooth.
 * Prints the figures and writes bench/results/editor.json. Loopback only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { catalog, validate, type NodeKind, type Playbook, type PlaybookEdge, type PlaybookNode } from '@firebreak/engine';
import { layoutPlaybook, type NodeBox } from '../editor/src/playbooks/graph/layout';
import { startStack } from './engine-stack';
import { rng } from './lib/data';

const NODES = Number(process.env.BENCH_EDITOR_NODES ?? 300);
const OPENS = Number(process.env.BENCH_EDITOR_OPENS ?? 5);
const GOAL_OPEN_MS = 1500;
const VIEWPORT = { width: 1440, height: 900 };

const t0 = Date.now();
const log = (m: string) => console.log(`[bench:editor ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}`);

/** Kinds whose defaults (or a small config here) are valid, so the playbook publishes as is. */
const KINDS: Array<{ kind: NodeKind; config: Record<string, unknown> }> = [
  { kind: 'priority', config: {} },
  { kind: 'sentiment', config: {} },
  { kind: 'pii', config: {} },
  { kind: 'customer', config: {} },
  { kind: 'keywords', config: { query: '(refund OR "money back") AND NOT spam' } },
  { kind: 'tag', config: { tags: ['bench'] } },
  { kind: 'route', config: { team: 'care', skills: ['billing'] } },
  { kind: 'draft', config: { source: 'kb' } },
  { kind: 'wait', config: { for: 'reply', duration: '2h' } },
  { kind: 'resolve', config: {} },
];

/**
 * A playbook of `n` nodes shaped like a big escalation map: Start, a fan-out over a few
 * layers, then ~12 parallel lanes per layer whose other outcomes cross into a neighbouring
 * lane, then End. Each node of a layer is fed by an outcome of the layer before (so all are
 * reachable). Every outcome leads somewhere, so it validates and publishes.
 */
async function generate(n: number): Promise<Playbook> {
  const rand = rng(300);
  const pick = () => KINDS[Math.floor(rand() * KINDS.length)];
  const node = (kind: NodeKind, config: Record<string, unknown>, i: number): PlaybookNode => ({
    id: `${kind}-${i}`,
    kind,
    label: `${catalog[kind].label} ${i}`,
    position: { x: 0, y: 0 },
    config,
    ends: [],
  });
  const outcomesOf = (x: PlaybookNode) => catalog[x.kind].outcomes(x.config as never);
  const layers: PlaybookNode[][] = [
    [{ id: 'start', kind: 'start', label: 'Every message', position: { x: 0, y: 0 }, config: {}, ends: [] }],
  ];
  let made = 1;
  while (made < n - 1) {
    const prev = layers[layers.length - 1];
    const feed = prev.reduce((k, x) => k + outcomesOf(x).length, 0);
    const size = Math.min(12, feed, n - 1 - made);
    // Small layers (the fan-out) are decisions, so that they branch.
    const layer = Array.from({ length: size }, () => {
      const k = size < 12 ? KINDS[Math.floor(rand() * 4)] : pick();
      return node(k.kind, k.config, ++made);
    });
    layers.push(layer);
  }
  const end: PlaybookNode = { id: 'end', kind: 'end', position: { x: 0, y: 0 }, config: {}, ends: [] };
  layers.push([end]);
  const edges: PlaybookEdge[] = [];
  layers.forEach((layer, l) => {
    if (l === layers.length - 1) return;
    const next = layers[l + 1];
    // Outcomes round by round (every node's first, then every second…): parallel branches.
    const free: Array<{ x: PlaybookNode; o: string }> = [];
    for (let r = 0; r < 4; r++) for (const x of layer) if (outcomesOf(x)[r]) free.push({ x, o: outcomesOf(x)[r] });
    const link = (x: PlaybookNode, o: string, target: PlaybookNode) =>
      edges.push({ id: `${x.id}-${o}`, source: x.id, sourceHandle: o, target: target.id });
    // First, one outcome into each node of the next layer; then the rest one or two layers on.
    for (const target of next) {
      const { x, o } = free.shift()!;
      link(x, o, target);
    }
    // The rest rejoin a neighbouring lane of the next layer (or End).
    for (const { x, o } of free) {
      const lane = Math.round((layer.indexOf(x) / layer.length) * next.length) + Math.floor(rand() * 3) - 1;
      link(x, o, next[Math.max(0, Math.min(next.length - 1, lane))]);
    }
  });
  const nodes = layers.flat();
  const pb: Playbook = { key: `bench-editor-${n}`, name: `Bench: ${n} nodes`, settings: {}, nodes, edges };
  // Card sizes as the canvas draws them (measured once in Chromium: ~190 wide, 76 + 18 per outcome).
  const boxes = new Map<string, NodeBox>(
    nodes.map((node) => {
      const outcomes = outcomesOf(node);
      return [node.id, { width: 200, height: 70 + outcomes.length * 18, outcomes: outcomes.map((name) => ({ name })) }];
    }),
  );
  const started = Date.now();
  const positions = await layoutPlaybook(pb, boxes);
  log(`ELK layout of ${n} nodes / ${edges.length} edges in ${Date.now() - started} ms (Node.js)`);
  return { ...pb, nodes: nodes.map((node) => ({ ...node, position: positions.get(node.id)! })) };
}

interface OpenRun {
  fromNavigationMs: number;
  fromDataMs: number;
  dataReceivedMs: number;
  renderedNodes: number;
}

/** Open the playbook in a fresh page; resolve once every node is rendered, measured and visible. */
async function open(page: Page, url: string, key: string, n: number): Promise<OpenRun> {
  await page.goto(`${url}/playbooks/${key}`, { waitUntil: 'commit' });
  const rendered = await page.waitForFunction(
    (want) => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
      if (nodes.length !== want) return false;
      for (const el of nodes) if (el.style.visibility === 'hidden' || !el.offsetWidth) return false;
      return performance.now();
    },
    n,
    { polling: 'raf', timeout: 60_000 },
  );
  const at = (await rendered.jsonValue()) as number;
  const dataAt = await page.evaluate((k) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const hit = entries.find((e) => new URL(e.name).pathname === `/api/playbooks/${k}`);
    return hit ? hit.responseEnd : NaN;
  }, key);
  return { fromNavigationMs: at, fromDataMs: at - dataAt, dataReceivedMs: dataAt, renderedNodes: n };
}

interface PanFigures {
  zoom: number;
  renderedNodes: number;
  frames: number;
  durationMs: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  droppedFrames: number;
  fps: number;
}

/** Drag the empty canvas back and forth with the mouse while recording every animation frame. */
async function pan(page: Page): Promise<PanFigures> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  // A string, so the bundler's helpers (tsx names functions) never reach the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (const [dx, dy] of [
    [-300, -150],
    [300, 150],
    [0, 0],
  ]) {
    await page.mouse.move(cx + dx, cy + dy, { steps: 60 });
  }
  await page.mouse.up();
  const { frames, zoom, rendered } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform;
    return {
      frames: w.__frames,
      zoom: Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1),
      rendered: document.querySelectorAll('.react-flow__node').length,
    };
  });
  const deltas = frames.slice(1).map((t, i) => t - frames[i]);
  const sorted = [...deltas].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const frame = 1000 / 60;
  const durationMs = frames[frames.length - 1] - frames[0];
  return {
    zoom: round(zoom, 3),
    renderedNodes: rendered,
    frames: deltas.length,
    durationMs: round(durationMs),
    medianFrameMs: round(q(0.5)),
    p95FrameMs: round(q(0.95)),
    maxFrameMs: round(sorted[sorted.length - 1]),
    droppedFrames: deltas.reduce((n, d) => n + Math.max(0, Math.round(d / frame) - 1), 0),
    fps: round((deltas.length * 1000) / durationMs, 1),
  };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const pb = await generate(NODES);
  const errors = validate(pb).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`the generated playbook is invalid: ${JSON.stringify(errors.slice(0, 3))}`);
  log(
    `${pb.nodes.length} nodes, ${pb.edges.length} edges, valid; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );

  const stack = await startStack(log);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo', password: 'firebreak' }),
    });
    const session = (await login.json()) as { accessToken: string; user: unknown };
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const created = await fetch(`${stack.url}/api/playbooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify(pb),
    });
    if (!created.ok) throw new Error(`import failed: ${created.status} ${await created.text()}`);
    log(`imported ${pb.key} through POST /api/playbooks`);

    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript((value) => window.localStorage.setItem('firebreak.session', value), JSON.stringify(session));
    const errors: string[] = [];
    const runs: OpenRun[] = [];
    let last: Page | null = null;
    for (let i = 0; i < OPENS; i++) {
      await last?.close();
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      const run = await open(page, stack.url, pb.key, pb.nodes.length);
      runs.push(run);
      log(
        `open ${i + 1}/${OPENS}: all ${run.renderedNodes} nodes rendered ${run.fromNavigationMs.toFixed(0)} ms after navigation start, ${run.fromDataMs.toFixed(0)} ms after the data arrived`,
      );
      last = page;
    }
    const page = last!;
    await page.waitForTimeout(500);
    const panFit = await pan(page);
    log(
      `pan at fit (zoom ${panFit.zoom}, ${panFit.renderedNodes} cards): median ${panFit.medianFrameMs} ms, p95 ${panFit.p95FrameMs} ms, dropped ${panFit.droppedFrames}/${panFit.frames}`,
    );
    // 100%: the zoom a manager reads cards at; only the cards in view are rendered.
    await zoomTo(page, 1);
    const panReadable = await pan(page);
    log(
      `pan at 100% (${panReadable.renderedNodes} cards rendered): median ${panReadable.medianFrameMs} ms, p95 ${panReadable.p95FrameMs} ms, dropped ${panReadable.droppedFrames}/${panReadable.frames}`,
    );
    await page.screenshot({ path: join(__dirname, 'results', 'editor-300.png') });

    const warm = runs.slice(1);
    const result = {
      settings: {
        nodes: pb.nodes.length,
        edges: pb.edges.length,
        opens: OPENS,
        viewport: VIEWPORT,
        chromium: browser.version(),
        flags: 'headless, --disable-gpu (software raster)',
      },
      machine: { cores: cpus().length, loadAtEnd: loadavg().map((l) => round(l, 2)) },
      goal: { openUnderMs: GOAL_OPEN_MS, met: median((warm.length ? warm : runs).map((r) => r.fromNavigationMs)) < GOAL_OPEN_MS },
      open: {
        coldFromNavigationMs: round(runs[0].fromNavigationMs),
        medianFromNavigationMs: round(median((warm.length ? warm : runs).map((r) => r.fromNavigationMs))),
        medianFromDataMs: round(median((warm.length ? warm : runs).map((r) => r.fromDataMs))),
        runs: runs.map((r) => ({
          fromNavigationMs: round(r.fromNavigationMs),
          fromDataMs: round(r.fromDataMs),
          dataReceivedMs: round(r.dataReceivedMs),
        })),
      },
      pan: { fit: panFit, readable: panReadable },
      pageErrors: errors,
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'editor.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    log('wrote bench/results/editor.json');
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** Zoom the canvas with its own zoom-in control until the viewport reaches about `zoom`. */
async function zoomTo(page: Page, zoom: number) {
  for (let i = 0; i < 30; i++) {
    const current = await page.evaluate(() =>
      Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1] ?? 1),
    );
    if (current >= zoom * 0.95) break;
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(400);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
