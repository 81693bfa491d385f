import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { playbookSchema, type Playbook } from '@firebreak/engine';
import { blankInteraction, type TestInteraction } from './interaction';
import { queryHits } from './queryHits';
import { runTest } from './trace';
import type { Answers } from './answers';

const root = join(__dirname, '..', '..', '..');
const example = (key: string): Playbook => playbookSchema.parse(JSON.parse(readFileSync(join(root, 'playbooks', `${key}.json`), 'utf8')));
const templates = Object.fromEntries(
  readdirSync(join(root, 'templates'))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => [f.slice(0, -4), readFileSync(join(root, 'templates', f), 'utf8')]),
);
const typed = (text: string, patch: Partial<TestInteraction> = {}): TestInteraction => ({
  ...blankInteraction(new Date('2026-03-02T10:00:00Z')),
  text,
  ...patch,
});
const trail = (pb: Playbook, t: TestInteraction, answers: Answers = {}) =>
  runTest(pb, t, answers, templates).steps.map((s) => `${s.nodeId}:${s.outcome ?? ''}`);

describe('queryHits', () => {
  test('terms, prefixes and phrases with their offsets; terms under NOT never explain a match', () => {
    const text = '@Brand my Lawyers say the "legal action" starts; not spam';
    expect(queryHits('lawyer* OR "legal action" OR (spam AND NOT brand)', text)).toEqual([
      { term: 'lawyer*', found: 'Lawyers', at: 10 },
      { term: '"legal action"', found: 'legal action', at: 27 },
      { term: 'spam', found: 'spam', at: 53 },
    ]);
    expect(queryHits('refund AND NOT lawyer', 'refund please, lawyer')).toEqual([{ term: 'refund', found: 'refund', at: 0 }]);
  });

  test('a bare word matches the same #hashtag; a query that does not parse has no hits', () => {
    expect(queryHits('boycott', 'time to #Boycott them')).toEqual([{ term: 'boycott', found: '#Boycott', at: 8 }]);
    expect(queryHits('(broken', 'broken')).toEqual([]);
  });
});

describe('runTest on the escalation map', () => {
  const pb = example('escalation-map');

  test('a legal threat: the keyword hit and its position say why it went to legal', () => {
    const trace = runTest(pb, typed('@brand my lawyer will hear about this'), {}, templates);
    expect(trace.steps.map((s) => `${s.nodeId}:${s.outcome ?? ''}`)).toEqual([
      'start:next',
      'legal-risk:match',
      'tag-legal:next',
      'escalate-legal:handled',
      'resolve:next',
      'end:',
    ]);
    expect(trace.steps[1].why).toEqual(['query matched: “lawyer” at 10']);
    expect(trace.steps[1].edgeId).toBe('e-legal');
    expect(trace.steps[3].actions[0]).toMatch(/^Escalate to the team lead, rung 1, SLA 15m/);
    expect(trace.status).toBe('completed');
  });

  test('PR approving or rejecting the drafted reply takes different paths; the approved reply is rendered', () => {
    const brand = typed('@brand I am calling a journalist about this', { author: { ...blankInteraction().author, name: 'Frank Lee' } });
    const approved = runTest(pb, brand, { 'approval-pr': { kind: 'approve_edit', text: 'Hi Frank, we are on it.' } }, templates);
    expect(approved.steps.map((s) => s.nodeId)).toEqual([
      'start',
      'legal-risk',
      'brand-risk',
      'tag-brand',
      'escalate-brand',
      'draft-pr',
      'approval-pr',
      'send',
      'resolve',
      'end',
    ]);
    expect(approved.steps[5].actions[0]).toMatch(/^Draft from template acknowledge: “Hi Frank,/);
    expect(approved.steps[6].why).toEqual(['approved by test run, with an edit']);
    expect(approved.sent).toEqual([{ index: 7, nodeId: 'send', visibility: 'public', text: 'Hi Frank, we are on it.' }]);

    const rejected = trail(pb, brand, { 'approval-pr': { kind: 'reject', reason: 'tone' } });
    expect(rejected.slice(6)).toEqual(['approval-pr:rejected', 'notify-leads:next', 'end:']);
  });

  test('an escalation taken at the second rung, or by nobody', () => {
    const t = typed('@brand my attorney is ready');
    const second = runTest(pb, t, { 'escalate-legal': { kind: 'handled', rung: 1 } }, templates);
    expect(second.steps[3].why).toEqual(['taken by test run at rung 2 (legal)']);
    expect(second.steps[3].actions.filter((a) => a.startsWith('Escalate'))).toHaveLength(2);
    expect(trail(pb, t, { 'escalate-legal': { kind: 'timeout' } }).slice(3)).toEqual([
      'escalate-legal:timeout',
      'notify-leads:next',
      'end:',
    ]);
  });
});

describe('runTest: why for the analysis decisions', () => {
  test('priority cues, sentiment against the thresholds, the customer segment', () => {
    const trace = runTest(example('social-care'), typed('@brand my order never arrived, I want a refund. Terrible!'), {}, templates);
    const why = Object.fromEntries(trace.steps.map((s) => [s.nodeId, s.why.join(' ')]));
    expect(why.priority).toMatch(/^priority = first because cues: negative sentiment \(−0\.\d\d\); dissatisfaction: .*never arrived/);
    expect(why.customer).toBe('customer = standard: 120 followers (influence 42/100)');
    expect(why.crisis).toBe('no crisis is active');
  });

  test('a declared crisis takes the crisis branch and drafts a holding reply; without one, the normal branch', () => {
    const pb = example('discount-link-crisis');
    const crisis = runTest(
      pb,
      typed('the 20% discount link is broken', { crisis: { active: true, topics: ['discount-link'] } }),
      {},
      templates,
    );
    expect(crisis.steps[1]).toMatchObject({ nodeId: 'crisis', outcome: 'crisis', why: ['a crisis is active: discount-link'] });
    expect(crisis.steps[2].actions[0]).toMatch(/^Draft from template holding-discount-\d: “Sorry/);
    expect(crisis.steps[2].why[0]).toMatch(/^holding reply \d of 3 \(holding-discount-\d\), drafted for approval$/);
    const normal = runTest(pb, typed('the 20% discount link is broken'), {}, templates);
    expect(normal.steps[1]).toMatchObject({ outcome: 'normal', why: ['no crisis is active'] });
  });
});
