import { NodeSpec, outcomesOf, raw } from '../__fixtures__/graphs';
import { NodeKind } from './catalog';
import { Problem, validate, ValidateOptions } from './validate';

const brief = (ps: Problem[]) => ps.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

/** start → one node `n` of `kind` (every outcome ending), validated. */
function one(kind: NodeKind, config: Record<string, unknown>, options?: ValidateOptions, ends?: string[]): Problem[] {
  let outs: string[] = [];
  try {
    outs = outcomesOf(kind, config);
  } catch {
    // an invalid config has no outcomes to end
  }
  const n: NodeSpec = { id: 'n', kind, config, ends: ends ?? outs };
  return validate(raw([{ id: 'start', kind: 'start' }, n], [['start', 'next', 'n']]), options);
}

describe('validate: config, per kind, with the field path', () => {
  test.each<[NodeKind, Record<string, unknown>, string[]]>([
    ['keywords', {}, ['config.query']],
    ['keywords', { query: '' }, ['config.query']],
    ['sentiment', { negativeBelow: -2 }, ['config.negativeBelow']],
    ['channel', { branches: ['x', 'pigeon'] }, ['config.branches.1']],
    ['hours', {}, ['config.schedule']],
    ['hours', { schedule: { weekly: { funday: '10:00-12:00' } } }, ['config.schedule.weekly']],
    ['hours', { schedule: {}, whenClosed: 'maybe' }, ['config.whenClosed']],
    ['expression', {}, ['config.expression']],
    ['tag', { tags: [] }, ['config.tags']],
    ['tag', { tags: ['ok', ''] }, ['config.tags.1']],
    ['route', { team: '' }, ['config.team']],
    ['route', { team: 'care', strategy: 'random' }, ['config.strategy']],
    ['escalate', { ladder: [] }, ['config.ladder']],
    ['escalate', { ladder: [{ to: 'pr', sla: 'soon' }] }, ['config.ladder.0.sla']],
    ['escalate', { ladder: [{ to: 'ceo', sla: '1h' }] }, ['config.ladder.0.to']],
    ['draft', { source: 'ai' }, ['config.source']],
    ['approval', {}, ['config.role']],
    ['approval', { role: 'pr', sla: '30 minutes' }, ['config.sla']],
    ['send', { visibility: 'secret' }, ['config.visibility']],
    ['holding', { templates: ['a'] }, ['config.templates']],
    ['holding', { templates: ['a', 'b', 'c', 'd', 'e'] }, ['config.templates']],
    ['agent_task', { prompt: '' }, ['config.prompt']],
    ['agent_task', { prompt: 'p', outcomes: ['Done!'] }, ['config.outcomes.0']],
    ['agent_task', { prompt: 'p', sla: '1w' }, ['config.sla']],
    ['wait', { for: 'reply', duration: '2 days' }, ['config.duration']],
    ['notify', { to: [], message: '' }, ['config.to', 'config.message']],
    ['declare_crisis', {}, ['config.topic']],
    ['resolve', { thankYou: 'yes' }, ['config.thankYou']],
  ])('%s %j → config errors at %j', (kind, config, paths) => {
    const ps = one(kind, config);
    expect(brief(ps)).toEqual(paths.map((path) => ({ code: 'config', nodeId: 'n', path })));
  });

  test.each<[NodeKind, Record<string, unknown>]>([
    ['keywords', { query: 'refund OR "money back"' }],
    ['sentiment', { negativeBelow: -0.5, positiveAbove: 0.5 }],
    ['priority', {}],
    ['customer', {}],
    ['channel', { branches: ['x', 'email'] }],
    ['hours', { schedule: { timeZone: 'Europe/Paris', weekly: { mon: '09:00-17:00' }, holidays: ['2026-12-25'] } }],
    ['crisis', { topic: 'outage' }],
    ['pii', { publicOnly: false }],
    ['expression', { expression: 'influence.score > 50' }],
    ['tag', { tags: ['a'] }],
    ['route', { team: 'care', skills: ['fr'], strategy: 'least_busy', mode: 'pull' }],
    [
      'escalate',
      {
        ladder: [
          { to: 'team_lead', sla: '15m' },
          { to: 'team', team: 'legal-ops', sla: '1.5h' },
        ],
      },
    ],
    ['draft', { source: 'kb' }],
    ['approval', { role: 'legal', sla: '2h', backup: false }],
    ['send', { visibility: 'private', requireApproval: true }],
    ['holding', { templates: ['a', 'b', 'c', 'd'] }],
    ['agent_task', { prompt: 'Reply to {{handle}}', outcomes: ['fixed', 'needs_pr'], sla: '30s' }],
    ['wait', { for: 'duration', duration: '1d' }],
    ['notify', { to: ['team:leads'], message: 'hello' }],
    ['declare_crisis', { topic: 'outage' }],
    ['resolve', {}],
    ['end', {}],
  ])('%s %j is valid', (kind, config) => {
    expect(one(kind, config)).toEqual([]);
  });

  test('hours: the schedule is checked by the office-hours module, field by field', () => {
    const schedule = {
      timeZone: 'Mars/Olympus',
      weekly: { mon: '09:00-17:00', tue: '9-5', wed: '09:00-25:00' },
      holidays: ['2026-12-25', '2026-02-30'],
    };
    const ps = one('hours', { schedule });
    expect(brief(ps)).toEqual([
      { code: 'config', nodeId: 'n', path: 'config.schedule.timeZone' },
      { code: 'config', nodeId: 'n', path: 'config.schedule.weekly.tue' },
      { code: 'config', nodeId: 'n', path: 'config.schedule.weekly.wed' },
      { code: 'config', nodeId: 'n', path: 'config.schedule.holidays.1' },
    ]);
    expect(ps[0].message).toBe('Unknown time zone: Mars/Olympus');
    expect(brief(one('hours', { schedule: { holidays: ['25/12/2026'] } }))).toEqual([
      { code: 'config', nodeId: 'n', path: 'config.schedule.holidays.0' },
    ]);
  });

  test('expression: a syntax error is refused at publish, with its position', () => {
    const ps = one('expression', { expression: 'influence.score > 50 and' });
    expect(brief(ps)).toEqual([{ code: 'expression', nodeId: 'n', path: 'config.expression' }]);
    expect(ps[0].message).toBe('unexpected end of expression at 24');
    expect(one('expression', { expression: 'sentiment.compound < -0.5 and influence.score > 50' })).toEqual([]);
  });

  test('start filters: an unknown channel or visibility', () => {
    const ps = validate(
      raw(
        [
          { id: 'start', kind: 'start', config: { channels: ['fax'], visibility: ['semi'] } },
          { id: 'end', kind: 'end' },
        ],
        [['start', 'next', 'end']],
      ),
    );
    expect(brief(ps)).toEqual([
      { code: 'config', nodeId: 'start', path: 'config.channels.0' },
      { code: 'config', nodeId: 'start', path: 'config.visibility.0' },
    ]);
  });

  test('one bad field does not hide the others, nor the other nodes', () => {
    const ps = validate(
      raw(
        [
          { id: 'start', kind: 'start' },
          { id: 'r', kind: 'route', config: { team: '', mode: 'carrier-pigeon' } },
          { id: 'k', kind: 'keywords', config: {} },
        ],
        [
          ['start', 'next', 'r'],
          ['r', 'routed', 'k'],
        ],
      ),
    );
    expect(brief(ps)).toEqual([
      { code: 'config', nodeId: 'r', path: 'config.team' },
      { code: 'config', nodeId: 'r', path: 'config.mode' },
      { code: 'config', nodeId: 'k', path: 'config.query' },
    ]);
  });
});

describe('validate: bad_end', () => {
  test('an `ends` entry that is not an outcome of the kind, at ends.N', () => {
    const ps = one('tag', { tags: ['a'] }, undefined, ['next', 'nope']);
    expect(brief(ps)).toEqual([{ code: 'bad_end', nodeId: 'n', path: 'ends.1' }]);
    expect(ps[0].message).toBe('"nope" is not an outcome of tag (next)');
  });
  test('end has no outcomes at all', () => {
    expect(one('end', {}, undefined, ['next'])[0].message).toBe('"next" is not an outcome of end (none)');
  });
});

describe('validate: templates', () => {
  const templates = { hello: 'Hi {{customerName}}', broken: 'Hi {{#if x}}', other: 'x' };

  test('missing_template names the field that refers to it', () => {
    expect(brief(one('draft', { template: 'nope' }, { templates }))).toEqual([
      { code: 'missing_template', nodeId: 'n', path: 'config.template' },
    ]);
    expect(brief(one('holding', { templates: ['hello', 'nope'] }, { templates }))).toEqual([
      { code: 'missing_template', nodeId: 'n', path: 'config.templates.1' },
    ]);
    expect(brief(one('agent_task', { prompt: 'p', suggestedReplies: ['nope'] }, { templates }))).toEqual([
      { code: 'missing_template', nodeId: 'n', path: 'config.suggestedReplies.0' },
    ]);
    expect(brief(one('send', { template: 'nope' }, { templates }))).toEqual([
      { code: 'missing_template', nodeId: 'n', path: 'config.template' },
    ]);
  });

  test('a template name like "constructor" is not found on the prototype', () => {
    expect(brief(one('draft', { template: 'constructor' }, { templates }))).toEqual([
      { code: 'missing_template', nodeId: 'n', path: 'config.template' },
    ]);
  });

  test('present templates pass; without a template list names are not checked', () => {
    expect(one('holding', { templates: ['hello', 'other'] }, { templates })).toEqual([]);
    expect(one('holding', { templates: ['nope', 'other'] })).toEqual([]);
    expect(one('draft', { source: 'kb', template: 'nope' }, { templates })).toEqual([]);
  });

  test('a named template that does not compile', () => {
    const ps = one('draft', { template: 'broken' }, { templates });
    expect(brief(ps)).toEqual([{ code: 'template', nodeId: 'n', path: 'config.template' }]);
    expect(ps[0].message).toMatch(/^template "broken" does not compile: Parse error on line 1: unexpected end of template/);
  });

  test('an inline template that does not compile: agent_task prompt, notify message', () => {
    const task = one('agent_task', { prompt: 'Reply to {{#if}}' });
    expect(brief(task)).toEqual([{ code: 'template', nodeId: 'n', path: 'config.prompt' }]);
    expect(task[0].message).toMatch(/^template does not compile: Parse error/);
    expect(brief(one('notify', { to: ['x'], message: 'Hey {{handle' }))).toEqual([
      { code: 'template', nodeId: 'n', path: 'config.message' },
    ]);
    expect(one('notify', { to: ['x'], message: 'Hey {{handle}}' })).toEqual([]);
  });
});

describe('validate: the checkQuery hook', () => {
  const checkQuery = jest.fn((q: string) =>
    q.includes('((') ? [{ message: 'unbalanced parentheses', start: 3 }, { message: 'empty group' }] : [],
  );

  test('is called with each keywords query and its errors become query problems at config.query', () => {
    const ps = one('keywords', { query: 'a ((b' }, { checkQuery });
    expect(checkQuery).toHaveBeenCalledWith('a ((b');
    expect(ps.map(({ code, nodeId, path, message }) => ({ code, nodeId, path, message }))).toEqual([
      { code: 'query', nodeId: 'n', path: 'config.query', message: 'unbalanced parentheses (at 3)' },
      { code: 'query', nodeId: 'n', path: 'config.query', message: 'empty group' },
    ]);
  });

  test('a good query passes; other kinds are not checked', () => {
    checkQuery.mockClear();
    expect(one('keywords', { query: 'refund' }, { checkQuery })).toEqual([]);
    one('tag', { tags: ['a'] }, { checkQuery });
    expect(checkQuery).toHaveBeenCalledTimes(1);
  });
});
