import { channelAdaptersFromConfig, OutgoingMessage, PermanentSendError, Sql } from './channels';

/** A stand-in for the sandbox's table, to test the adapters' own logic; the stack tests use the real one. */
function memorySql(): Sql & { posted: Map<string, number> } {
  const posted = new Map<string, number>();
  return {
    posted,
    async query<T>(_sql: string, params: unknown[] = []): Promise<T> {
      posted.set(String(params[0]), (posted.get(String(params[0])) ?? 0) + 1);
      return [] as T;
    },
  };
}

const message = (channel: OutgoingMessage['channel'], key = 'k-1'): OutgoingMessage => ({
  channel,
  visibility: 'public',
  text: 'hi',
  inReplyTo: 'm-1',
  recipient: { id: 'u-1', handle: 'angela' },
  idempotencyKey: key,
});

describe('channel adapters from configuration', () => {
  test('unset: the sandbox on every channel', async () => {
    const db = memorySql();
    expect(await channelAdaptersFromConfig(db, '').send(message('x'))).toEqual({
      adapter: 'sandbox',
      status: 'sent (sandbox)',
      externalMessageId: 'sandbox:k-1',
    });
    expect(db.posted.get('k-1')).toBe(1);
  });

  test('per channel, with * for the others', async () => {
    const adapters = channelAdaptersFromConfig(memorySql(), 'chat=flaky:1, *=rejecting');
    await expect(adapters.send(message('chat'))).rejects.toThrow(/failure 1 of 1/);
    expect(await adapters.send(message('chat'))).toMatchObject({ adapter: 'flaky:1', status: 'sent (sandbox)' });
    await expect(adapters.send(message('x'))).rejects.toBeInstanceOf(PermanentSendError);
  });

  test('flaky:N fails N times per message before reaching the channel', async () => {
    const db = memorySql();
    const adapters = channelAdaptersFromConfig(db, 'email=flaky:2');
    await expect(adapters.send(message('email', 'a'))).rejects.toThrow();
    await expect(adapters.send(message('email', 'b'))).rejects.toThrow();
    await expect(adapters.send(message('email', 'a'))).rejects.toThrow(/failure 2 of 2/);
    expect(db.posted.size).toBe(0);
    await expect(adapters.send(message('email', 'a'))).resolves.toMatchObject({ status: 'sent (sandbox)' });
    expect(db.posted.get('a')).toBe(1);
  });

  test('lost-ack:N reaches the channel, then loses the answer', async () => {
    const db = memorySql();
    const adapters = channelAdaptersFromConfig(db, 'x=lost-ack:1');
    await expect(adapters.send(message('x'))).rejects.toThrow(/answer was lost/);
    expect(db.posted.get('k-1')).toBe(1);
    await expect(adapters.send(message('x'))).resolves.toMatchObject({ status: 'sent (sandbox)' });
    expect(db.posted.get('k-1')).toBe(2);
  });

  test.each([
    ['x=carrier-pigeon', /unknown channel adapter "carrier-pigeon"/],
    ['myspace=sandbox', /unknown channel "myspace"/],
    ['x', /should read channel=adapter/],
    ['x=flaky:many', /unknown channel adapter "flaky:many"/],
  ])('%j is refused at start', (spec, message) => {
    expect(() => channelAdaptersFromConfig(memorySql(), spec)).toThrow(message);
  });
});
