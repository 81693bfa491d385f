import { fold, tokenize } from './tokenize';

const show = (t: string) => tokenize(t).map((x) => `${x.kind}:${x.key}`);

describe('tokenize', () => {
  test('URLs, e-mail, mentions, hashtags, emoji, emoticons and contractions', () => {
    expect(show('@AcmeHelp I DON’T get it, see https://t.co/Ab12. mail jo.doe@x.co.uk #Fail 😡👍🏽 :( amazon’s')).toEqual([
      'mention:@acmehelp',
      'word:i',
      'word:dont',
      'word:get',
      'word:it',
      'word:see',
      'url:t.co/ab12',
      'word:mail',
      'email:jo.doe@x.co.uk',
      'hashtag:#fail',
      'emoji:😡',
      'emoji:👍🏽',
      'emoji::(',
      'word:amazon',
    ]);
  });

  test('folding removes case and accents', () => {
    expect(fold('Crème BRÛLÉE')).toBe('creme brulee');
    expect(show('Café')).toEqual(['word:cafe']);
  });

  test.each([
    ['dots', '.'.repeat(50_000)],
    ['dashes', '-'.repeat(50_000)],
    ['address characters', 'a.'.repeat(25_000) + ' x@y.co'],
    ['percent-plus', '%+'.repeat(25_000)],
  ])('linear time on a long run of %s', (_name, text) => {
    const t0 = Date.now();
    tokenize(text);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
