import { findPii, compilePii } from './index';
import { luhn, plausibleCard, validIban } from './checks';

const kinds = (t: string) => findPii(t).map((f) => [f.kind, t.slice(f.start, f.end)]);

describe('findPii: true positives with spans', () => {
  test.each([
    ['my card 4111 1111 1111 1111 was charged twice', [['card_number', '4111 1111 1111 1111']]],
    ['card no 5555-5555-5555-4444.', [['card_number', '5555-5555-5555-4444']]],
    ['amex 378282246310005', [['card_number', '378282246310005']]],
    ['IBAN GB82 WEST 1234 5698 7654 32 please refund', [['iban', 'GB82 WEST 1234 5698 7654 32']]],
    ['to DE89370400440532013000 asap', [['iban', 'DE89370400440532013000']]],
    ['call me on 415-555-2671 tonight', [['phone', '415-555-2671']]],
    ['my mobile is +44 7911 123456', [['phone', '+44 7911 123456']]],
    ['write to jo.doe@example.co.uk', [['email', 'jo.doe@example.co.uk']]],
    ['Order #AB-123456 never came', [['order_number', 'AB-123456']]],
    ['my account number: 12345678 is locked', [['account_number', '12345678']]],
    ['membership no. RW-99812 expired', [['member_number', 'RW-99812']]],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  test('several findings are sorted by position without overlaps', () => {
    const text = 'jo@example.com, 4111111111111111 and +1 415 555 2671';
    expect(kinds(text)).toEqual([
      ['email', 'jo@example.com'],
      ['card_number', '4111111111111111'],
      ['phone', '+1 415 555 2671'],
    ]);
  });
});

describe('findPii: no false alarms', () => {
  test.each([
    'tweet 921384712938471293 is the one',
    'see https://twitter.com/acme/status/1059123456789012345',
    'ordered on 10/31/2017 at 10:30',
    'ordered on 2017-10-31 and paid $1,299.99',
    'it was 20% off, only £12.50',
    'card 4111 1111 1111 1112 (fails Luhn)',
    'ref 1234567890123',
    'GB82 WEST 1234 5698 7654 33 (bad checksum)',
    'my order is late',
    '@AmazonHelp 115714 was my ticket',
    'version 10.13.6 build 17G65',
  ])('%s', (text) => {
    expect(findPii(text)).toEqual([]);
  });
});

describe('checks and configuration', () => {
  test('Luhn, issuer prefixes, IBAN mod-97', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(plausibleCard('4111111111111111')).toBe(true);
    expect(plausibleCard('9211111111111111')).toBe(false);
    expect(validIban('NL91ABNA0417164300')).toBe(true);
    expect(validIban('NL91ABNA0417164301')).toBe(false);
  });

  test('custom patterns (RE2) and phone country', () => {
    const c = compilePii({ defaultCountry: 'GB', patterns: [{ kind: 'ticket', pattern: String.raw`\bTCK-(\d{6})\b` }] });
    expect(findPii('ticket TCK-123456, mobile 07911 123456', c)).toEqual([
      { kind: 'ticket', start: 11, end: 17 },
      { kind: 'phone', start: 26, end: 38 },
    ]);
  });
});
