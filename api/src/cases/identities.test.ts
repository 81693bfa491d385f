import { channelIdentity, revealedIdentities } from './identities';

describe('identities', () => {
  test('a channel gives the author id; an e-mail channel gives the address, lower-cased', () => {
    expect(channelIdentity('x', '115712')).toEqual({ kind: 'x', value: '115712', source: 'channel' });
    expect(channelIdentity('email', ' Angela.Smith@Example.com ')).toEqual({
      kind: 'email',
      value: 'angela.smith@example.com',
      source: 'channel',
    });
  });

  test('e-mail, phone and order number written in a message, normalised', () => {
    const text = 'I am Angela.Smith@Example.com, call me on (415) 555-0132, order #A-12345 is late';
    expect(revealedIdentities(text)).toEqual([
      { kind: 'email', value: 'angela.smith@example.com', source: 'message' },
      { kind: 'phone', value: '+14155550132', source: 'message' },
      { kind: 'order_number', value: 'A12345', source: 'message' },
    ]);
  });

  test('the same phone written two ways is one identity', () => {
    const a = revealedIdentities('call +1 415-555-0132');
    const b = revealedIdentities('my number is 415 555 0132');
    expect(a).toEqual(b);
  });

  test('card numbers and IBANs are sensitive, not identities; plain text reveals nothing', () => {
    expect(revealedIdentities('card 4111 1111 1111 1111 and DE89 3704 0044 0532 0130 00')).toEqual([]);
    expect(revealedIdentities('where is my food??')).toEqual([]);
  });

  test('a repeated identity is listed once', () => {
    expect(revealedIdentities('a@b.com or A@B.com')).toEqual([{ kind: 'email', value: 'a@b.com', source: 'message' }]);
  });
});
