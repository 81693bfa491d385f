import type { Problem } from '@firebreak/engine';
import { configSchemaOf, fieldOfProblem, humanize, settingsJsonSchema, widgetOf } from './jsonSchema';
import { placeProblems } from './SchemaForm';
import { setIn } from './values';

const widgets = (kind: Parameters<typeof configSchemaOf>[0]) =>
  Object.fromEntries(Object.entries(configSchemaOf(kind).properties ?? {}).map(([k, s]) => [k, widgetOf(s)]));

describe('generated forms: the widget of each field follows from the catalog schema', () => {
  test.each([
    ['sentiment', { negativeBelow: 'number', positiveAbove: 'number' }],
    ['approval', { role: 'select', sla: 'duration', backup: 'boolean' }],
    ['escalate', { ladder: 'group-list', note: 'text' }],
    ['start', { channels: 'checkboxes', visibility: 'checkboxes', accounts: 'chips' }],
    ['hours', { schedule: 'group', whenClosed: 'select' }],
    ['keywords', { query: 'query' }],
    ['agent_task', { prompt: 'template', checklist: 'chips', suggestedReplies: 'template-names', outcomes: 'chips', sla: 'duration' }],
    ['holding', { templates: 'template-names', mode: 'select' }],
    ['draft', { source: 'select', template: 'template-name' }],
    ['priority', {}],
  ] as const)('%s', (kind, expected) => {
    expect(widgets(kind)).toEqual(expected);
  });

  test('nested: office hours per weekday are a record, crisis topics a list of groups with a query and a duration', () => {
    expect(widgetOf(configSchemaOf('hours').properties!.schedule.properties!.weekly)).toBe('record');
    const topic = settingsJsonSchema().properties!.crisisTopics;
    expect(widgetOf(topic)).toBe('group-list');
    expect(Object.values(topic.items!.properties!).map(widgetOf)).toEqual(['text', 'query', 'integer', 'duration']);
  });
});

describe('a validator problem is shown at the field it is about', () => {
  test.each([
    ['escalate', 'ladder.0.sla', 'ladder.0.sla'],
    ['escalate', 'ladder', 'ladder'],
    ['tag', 'tags.1', 'tags'], // a chip list shows its chips' errors
    ['hours', 'schedule.weekly.mon', 'schedule.weekly.mon'],
    ['hours', 'schedule', 'schedule'],
    ['keywords', '', ''],
    ['keywords', 'nosuchfield', ''],
  ] as const)('%s: %s → %s', (kind, path, field) => {
    expect(fieldOfProblem(configSchemaOf(kind), path ? path.split('.') : [])).toBe(field);
  });

  test('placeProblems keeps only the form root and strips it', () => {
    const p = (path: string): Problem => ({ code: 'config', message: path, path, severity: 'error' });
    const placed = placeProblems(configSchemaOf('approval'), 'config', [p('config.sla'), p('config'), p('outcomes.timeout')]);
    expect(Object.fromEntries([...placed].map(([k, v]) => [k, v.map((x) => x.message)]))).toEqual({ sla: ['config.sla'], '': ['config'] });
  });
});

test('labels are humanized from property names and enum values', () => {
  expect(['negativeBelow', 'sla', 'team_lead', 'suggestedReplies', 'pr', 'least_busy'].map(humanize)).toEqual([
    'Negative below',
    'SLA',
    'Team lead',
    'Suggested replies',
    'PR',
    'Least busy',
  ]);
});

test('setIn: immutable, and undefined removes a key so the default applies again', () => {
  const before = { sla: '30m', ladder: [{ to: 'pr', sla: '1h' }] };
  const after = setIn(before, ['ladder', '0', 'sla'], '2h') as typeof before;
  expect(after.ladder[0].sla).toBe('2h');
  expect(before.ladder[0].sla).toBe('1h');
  expect(setIn(before, ['sla'], undefined)).toEqual({ ladder: before.ladder });
});
