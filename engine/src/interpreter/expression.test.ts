import { evaluateExpression as ev, ExpressionError, parseExpression } from './expression';

const scope = {
  sentiment: { compound: -0.6, label: 'negative' },
  influence: { score: 80, segment: 'influencer' },
  pii: { found: false, kinds: ['phone', 'email'] },
  channel: 'x',
  text: 'My Order Never Arrived',
  tags: ['vip'],
  zero: 0,
  empty: '',
  nothing: null,
};

describe('expression: operators', () => {
  test.each([
    ['channel == "x"', true],
    ["channel == 'x'", true],
    ['channel == "facebook"', false],
    ['channel != "facebook"', true],
    ['channel != "x"', false],
    ['influence.score < 81', true],
    ['influence.score < 80', false],
    ['influence.score <= 80', true],
    ['influence.score <= 79.5', false],
    ['influence.score > 79', true],
    ['influence.score > 80', false],
    ['influence.score >= 80', true],
    ['influence.score >= 80.1', false],
    ['sentiment.compound < -0.5', true],
    ['sentiment.compound > -0.5', false],
    ['sentiment.compound == -0.6', true],
    ['channel in ["x", "facebook"]', true],
    ['channel in ["email"]', false],
    ['channel in []', false],
    ['"Order" in text', true],
    ['"order" in text', false],
    ['pii.kinds contains "phone"', true],
    ['pii.kinds contains "card"', false],
    ['text contains "order never"', true],
    ['text contains "refund"', false],
    ['tags contains "vip" and influence.score > 50', true],
    ['tags contains "vip" and influence.score > 90', false],
    ['channel == "email" or influence.score > 50', true],
    ['channel == "email" or influence.score > 90', false],
    ['not pii.found', true],
    ['not not pii.found', false],
    ['not channel == "x"', false],
    ['pii.found == false', true],
    ['nothing == null', true],
    ['zero == 0', true],
  ])('%s → %s', (src, expected) => {
    expect(ev(src, scope)).toBe(expected);
  });

  test('precedence: not > and > or; parentheses override', () => {
    expect(ev('channel == "email" and zero == 1 or influence.score > 50', scope)).toBe(true); // (a and b) or c
    expect(ev('channel == "email" and (zero == 1 or influence.score > 50)', scope)).toBe(false);
    expect(ev('channel == "x" or zero == 1 and channel == "email"', scope)).toBe(true); // a or (b and c)
    expect(ev('(channel == "x" or zero == 1) and channel == "email"', scope)).toBe(false);
    expect(ev('not (zero == 1 or zero == 2)', scope)).toBe(true);
  });

  test('comparisons are typed: no coercion between strings and numbers', () => {
    expect(ev('zero == "0"', scope)).toBe(false);
    expect(ev('influence.score > "7"', scope)).toBe(false);
    expect(ev('channel < "y"', scope)).toBe(true); // strings compare as strings
  });

  test('a bare value is truthy or falsy', () => {
    expect(ev('pii.found', scope)).toBe(false);
    expect(ev('tags', scope)).toBe(true);
    expect(ev('empty', scope)).toBe(false);
    expect(ev('true', scope)).toBe(true);
  });

  test('string escapes', () => {
    expect(ev('"say \\"hi\\"" == \'say "hi"\'', {})).toBe(true);
  });
});

describe('expression: missing paths and safety', () => {
  test.each([
    'missing == "x"',
    'missing.deep.path == 1',
    'sentiment.nope > 0',
    'channel.length == 1',
    'missing contains "a"',
    '"a" in missing',
    'missing < 1',
    'missing >= 0',
  ])('%s is false and never throws', (src) => {
    expect(ev(src, scope)).toBe(false);
  });

  test('a missing path is undefined: != anything, == nothing but another missing path', () => {
    expect(ev('missing != "x"', scope)).toBe(true);
    expect(ev('missing == null', scope)).toBe(false);
    expect(ev('missing == other.missing', scope)).toBe(true);
  });

  test.each([
    ['constructor.name == "Object"', false],
    ['toString == null', false],
    ['tags.constructor.name == "Array"', false],
    ['__proto__.polluted == 1', false],
    ['sentiment.hasOwnProperty == null', false],
    ['channel.length > 0', false],
  ])('no prototype access: %s → %s', (src, expected) => {
    expect(ev(src, scope)).toBe(expected);
  });

  test('values in the scope are read, never called or changed', () => {
    const frozen = Object.freeze({ a: Object.freeze({ b: 1 }) });
    expect(ev('a.b == 1', frozen)).toBe(true);
  });
});

describe('expression: parse errors with positions', () => {
  const error = (src: string) => {
    try {
      parseExpression(src);
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      return { message: (e as Error).message, position: (e as ExpressionError).position };
    }
    throw new Error(`"${src}" parsed`);
  };

  test.each([
    ['channel == ', 'unexpected end of expression', 11],
    ['', 'unexpected end of expression', 0],
    ['(channel == "x"', 'expected ")"', 15],
    ['channel == "x")', 'unexpected ")"', 14],
    ['channel == "x" "y"', 'unexpected ""y""', 15],
    ['channel ==  "x"   "y"', 'unexpected ""y""', 18],
    ['channel === "x"', 'unexpected character "="', 10],
    ['a == 1 $ 2', 'unexpected character "$"', 7],
    ['a == 1 and', 'unexpected end of expression', 10],
    ['and a', 'unexpected "and"', 0],
    ['a == or', 'unexpected "or"', 5],
    ['a in [1 2]', 'expected "]"', 8],
    ['a == "unterminated', 'unexpected character """', 5],
    ['a - 1', 'unexpected character "-"', 2],
  ])('%j → %s at %d', (src, message, position) => {
    expect(error(src)).toEqual({ message: `${message} at ${position}`, position });
  });

  test('an unparseable expression throws from evaluateExpression too (the validator reports it)', () => {
    expect(() => ev('a ==', {})).toThrow(ExpressionError);
  });

  test('lists: empty, nested values, a trailing comma', () => {
    expect(ev('1 in [1, "a", true]', {})).toBe(true);
    expect(ev('"a" in ["a",]', {})).toBe(true);
    expect(ev('[] contains 1', {})).toBe(false);
  });
});
