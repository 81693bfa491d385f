import { labelOf, sentiment } from './index';

describe('sentiment (VADER) on known sentences', () => {
  test.each([
    // Reference values from the VADER README / Python implementation.
    ['VADER is smart, handsome, and funny.', 0.8316],
    ['VADER is smart, handsome, and funny!', 0.8439],
    ['VADER is very smart, handsome, and funny.', 0.8545],
    ['VADER is VERY SMART, handsome, and FUNNY.', 0.9227],
    ['VADER is VERY SMART, handsome, and FUNNY!!!', 0.9342],
    ['The book was good.', 0.4404],
    ['The book was kind of good.', 0.3832],
    ['A really bad, horrible book.', -0.8211],
    ["At least it isn't a horrible book.", 0.431],
    ['Today SUX!', -0.5461],
    ["Today only kinda sux! But I'll get by, lol", 0.5249],
  ])('%s → %d', (text, compound) => {
    expect(sentiment(text).compound).toBeCloseTo(compound, 3);
  });

  test('negation in capitals negates, as in the Python reference', () => {
    expect(sentiment('This is NOT good!!!').label).toBe('negative');
    expect(sentiment('I DON’T like it').label).toBe('negative');
    expect(sentiment('THIS IS NOT GOOD').compound).toBeCloseTo(sentiment('this is not good').compound, 4);
  });

  test('emoji carry sentiment', () => {
    expect(sentiment('my order arrived 😡').label).toBe('negative');
    expect(sentiment('my order arrived 😍').label).toBe('positive');
    expect(sentiment('my order arrived').label).toBe('neutral');
  });

  test('emoticons, slang and HTML entities of tweets', () => {
    expect(sentiment('delivery was late :(').label).toBe('negative');
    expect(sentiment('lol that was fast').label).toBe('positive');
    expect(sentiment('Fish &amp; chips were great').compound).toBe(sentiment('Fish & chips were great').compound);
  });

  test('label uses the ±0.05 neutral band', () => {
    expect(labelOf(0.05)).toBe('positive');
    expect(labelOf(0.0499)).toBe('neutral');
    expect(labelOf(-0.0499)).toBe('neutral');
    expect(labelOf(-0.05)).toBe('negative');
  });
});
