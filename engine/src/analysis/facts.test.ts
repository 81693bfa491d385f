import { CHANNELS } from './facts';

test('the channel list names every supported channel once', () => {
  expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  expect(CHANNELS).toContain('x');
});
