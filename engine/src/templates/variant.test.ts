import { randomUUID } from 'crypto';
import { graph, begin } from '../__fixtures__/graphs';
import { chooseVariant } from './variant';

/** Holding messages: the same interaction always gets the same variant; many interactions spread over all of them. */
describe('chooseVariant over realistic interaction ids', () => {
  // Interaction ids are Postgres uuids; a fixed list keeps the test reproducible.
  const ids = Array.from({ length: 4000 }, (_, i) => `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}-1c2d-4e5f-8a9b-${i.toString(16).padStart(12, '0')}`);

  test.each([2, 3, 4])('%i variants: each gets its share (±15%%)', (count) => {
    const counts = new Array(count).fill(0);
    for (const id of ids) counts[chooseVariant(id, count)]++;
    const share = ids.length / count;
    for (const c of counts) expect(Math.abs(c - share) / share).toBeLessThan(0.15);
  });

  test('random uuids spread too, and a repeated id always gets the same variant', () => {
    const sample = Array.from({ length: 400 }, () => randomUUID());
    const first = sample.map((id) => chooseVariant(id, 3));
    expect(new Set(first)).toEqual(new Set([0, 1, 2]));
    expect(sample.map((id) => chooseVariant(id, 3))).toEqual(first);
  });

  test('neighbouring ids (a burst of similar ones) do not all get the same text', () => {
    const burst = Array.from({ length: 12 }, (_, i) => `interaction-${i}`);
    expect(new Set(burst.map((id) => chooseVariant(id, 3))).size).toBe(3);
  });

  test('the holding node sends the chosen variant in the customer\'s visibility', () => {
    const pb = graph(
      [
        { id: 'start', kind: 'start' },
        { id: 'h', kind: 'holding', config: { templates: ['a', 'b', 'c', 'd'] }, ends: ['next'] },
      ],
      [['start', 'next', 'h']],
    );
    const seen = new Set<string>();
    for (const id of ids.slice(0, 200)) {
      const { commands } = begin(pb, { interaction: { id, visibility: 'private' } });
      const input = (commands[0] as { input: { template: string; variant: number; visibility: string } }).input;
      expect(input.template).toBe(['a', 'b', 'c', 'd'][chooseVariant(id, 4)]);
      expect(input.variant).toBe(chooseVariant(id, 4));
      expect(input.visibility).toBe('private');
      expect(begin(pb, { interaction: { id, visibility: 'private' } }).commands).toEqual(commands);
      seen.add(input.template);
    }
    expect(seen).toEqual(new Set(['a', 'b', 'c', 'd']));
  });
});
