import { z } from 'zod';
import { raw } from '../__fixtures__/graphs';
import { FIELD_FORMATS, NODE_KINDS, nodeConfigs } from './catalog';
import { playbookSchema, settingsSchema } from './schema';
import { validate } from './validate';

/** start, ending at once: only the settings can be at fault. */
const withSettings = (settings: Record<string, unknown>) => ({ ...raw([{ id: 'start', kind: 'start', ends: ['next'] }]), settings });

describe('validate: the playbook settings', () => {
  test('a crisis topic whose query does not parse is an error at its field, with the position', () => {
    const problems = validate(
      withSettings({
        crisisTopics: [{ topic: 'outage', query: 'outage OR', threshold: 3, window: '10m' }],
        cues: { first: ['ok', '"open'] },
      }),
    );
    expect(problems.map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      { code: 'query', path: 'settings.crisisTopics.0.query', message: 'Expected a term after "OR" (at 7)' },
      { code: 'query', path: 'settings.cues.first.1', message: 'Unterminated phrase: add the closing " (at 0)' },
    ]);
  });

  test('a crisis window is a duration', () => {
    const problems = validate(withSettings({ crisisTopics: [{ topic: 'outage', query: 'outage', threshold: 3, window: 'soon' }] }));
    expect(problems.map((p) => p.path)).toEqual(['settings.crisisTopics.0.window']);
  });

  test('a draft may hold an unfinished crisis topic: it parses, and validate names it without hiding other problems', () => {
    const draft = {
      ...raw([{ id: 'start', kind: 'start' }]),
      settings: { crisisTopics: [{ topic: '', query: '', threshold: 1, window: '1h' }] },
    };
    expect(playbookSchema.safeParse(draft).success).toBe(true);
    expect(validate(draft).map((p) => p.path)).toEqual(['settings.crisisTopics.0.topic', 'settings.crisisTopics.0.query', 'outcomes.next']);
  });

  test('valid settings have no problems', () => {
    expect(
      validate(withSettings({ crisisTopics: [{ topic: 'outage', query: 'outage OR "site down"', threshold: 3, window: '10m' }] })),
    ).toEqual([]);
  });
});

describe('the catalog describes its fields for the generated forms', () => {
  const schemaOf = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, any> };

  test('every config field of every kind has a description', () => {
    const missing = NODE_KINDS.flatMap((kind) =>
      Object.entries(schemaOf(nodeConfigs[kind]).properties ?? {})
        .filter(([, field]) => !field.description)
        .map(([name]) => `${kind}.${name}`),
    );
    expect(missing).toEqual([]);
  });

  test('durations, queries, inline templates and template names carry their format', () => {
    const props = (kind: (typeof NODE_KINDS)[number]) => schemaOf(nodeConfigs[kind]).properties!;
    expect(props('approval').sla.format).toBe(FIELD_FORMATS.duration);
    expect(props('escalate').ladder.items.properties.sla.format).toBe(FIELD_FORMATS.duration);
    expect(props('keywords').query.format).toBe(FIELD_FORMATS.query);
    expect(props('agent_task').prompt.format).toBe(FIELD_FORMATS.template);
    expect(props('notify').message.format).toBe(FIELD_FORMATS.template);
    expect(props('holding').templates.items.format).toBe(FIELD_FORMATS.templateName);
    expect(props('send').template.format).toBe(FIELD_FORMATS.templateName);
    const topic = schemaOf(settingsSchema).properties!.crisisTopics.items.properties;
    expect([topic.query.format, topic.window.format]).toEqual([FIELD_FORMATS.query, FIELD_FORMATS.duration]);
  });
});
