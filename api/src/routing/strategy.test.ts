import { CandidateAgent, ineligibility, queuePriority, rankAgents, RouteRequest } from './strategy';

const agent = (id: string, over: Partial<CandidateAgent> = {}): CandidateAgent => ({
  id,
  name: id.toUpperCase(),
  available: true,
  capacity: 3,
  load: 0,
  skills: [],
  languages: [],
  channels: [],
  lastAssignedAt: null,
  ...over,
});
const request = (over: Partial<RouteRequest> = {}): RouteRequest => ({
  strategy: 'least_busy',
  skills: [],
  language: 'en',
  channel: 'x',
  caseAgentId: null,
  ...over,
});
const ids = (agents: CandidateAgent[]) => agents.map((a) => a.id);

describe('eligibility', () => {
  test.each([
    ['unavailable', agent('a', { available: false }), request(), 'unavailable'],
    ['missing a node skill', agent('a', { skills: ['billing'] }), request({ skills: ['billing', 'vip'] }), 'lacks vip'],
    ['wrong language', agent('a', { languages: ['de', 'fr'] }), request({ language: 'en' }), 'does not speak en'],
    ['wrong channel', agent('a', { channels: ['email'] }), request({ channel: 'facebook' }), 'does not work facebook'],
    ['full', agent('a', { load: 3, capacity: 3 }), request(), 'at capacity (3/3)'],
  ])('%s', (_what, a, r, why) => expect(ineligibility(a, r)).toBe(why));

  test('agents who declare no languages or channels take any; unknown language is no requirement', () => {
    expect(ineligibility(agent('a'), request({ language: 'ja', channel: 'chat' }))).toBeNull();
    expect(ineligibility(agent('a', { languages: ['de'] }), request({ language: null }))).toBeNull();
  });

  test("the case's own agent is never 'full' for that case: it already counts in their load", () => {
    expect(ineligibility(agent('a', { load: 3 }), request({ caseAgentId: 'a' }))).toBeNull();
  });
});

describe('strategies', () => {
  const team = [
    agent('a', { load: 2, lastAssignedAt: 300 }),
    agent('b', { load: 0, lastAssignedAt: 100 }),
    agent('c', { load: 1, lastAssignedAt: null }),
  ];

  test('least busy: fewest open cases first', () => {
    expect(ids(rankAgents(team, request()).ranked)).toEqual(['b', 'c', 'a']);
  });

  test('least busy ties go to whoever waited longest', () => {
    const tied = [agent('a', { load: 1, lastAssignedAt: 500 }), agent('b', { load: 1, lastAssignedAt: 200 }), agent('c', { load: 1 })];
    expect(ids(rankAgents(tied, request()).ranked)).toEqual(['c', 'b', 'a']);
  });

  test('round robin: never-assigned first, then the oldest turn, whatever the load', () => {
    expect(ids(rankAgents(team, request({ strategy: 'round_robin' })).ranked)).toEqual(['c', 'b', 'a']);
  });

  test("sticky: the case's agent first, even when busier; the rest least busy as fallback", () => {
    const r = rankAgents(team, request({ strategy: 'sticky', caseAgentId: 'a' }));
    expect(ids(r.ranked)).toEqual(['a', 'b', 'c']);
    expect(r.reason).toBe("sticky: the case's agent");
  });

  test("sticky falls back to least busy when the case's agent is unavailable, and says why", () => {
    const r = rankAgents([...team.slice(1), agent('a', { available: false })], request({ strategy: 'sticky', caseAgentId: 'a' }));
    expect(ids(r.ranked)).toEqual(['b', 'c']);
    expect(r.reason).toMatch(/unavailable; least busy instead/);
  });

  test("sticky with no case agent yet is least busy; an agent outside the team is 'not in this team'", () => {
    expect(ids(rankAgents(team, request({ strategy: 'sticky' })).ranked)).toEqual(['b', 'c', 'a']);
    expect(rankAgents(team, request({ strategy: 'sticky', caseAgentId: 'zz' })).reason).toMatch(/not in this team/);
  });

  test('nobody eligible: an empty ranking with every exclusion explained', () => {
    const r = rankAgents([agent('a', { available: false }), agent('b', { load: 3 })], request());
    expect(r.ranked).toEqual([]);
    expect(r.excluded).toEqual([
      { id: 'a', why: 'unavailable' },
      { id: 'b', why: 'at capacity (3/3)' },
    ]);
  });
});

describe('queue priority', () => {
  test('first tier before second before noise, whatever the influence', () => {
    expect(queuePriority('first', 0)).toBeGreaterThan(queuePriority('second', 100));
    expect(queuePriority('second', 0)).toBeGreaterThan(queuePriority('noise', 100));
  });
  test('within a tier, more influence first; unknown tier counts as second', () => {
    expect(queuePriority('first', 95)).toBeGreaterThan(queuePriority('first', 40));
    expect(queuePriority(undefined, 10)).toBe(queuePriority('second', 10));
    expect(queuePriority('first', 250)).toBe(queuePriority('first', 100));
  });
});
