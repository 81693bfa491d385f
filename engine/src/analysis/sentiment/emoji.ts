/**
 * The JavaScript VADER port scores emoticons (":(") but not emoji; the Python reference
 * (vaderSentiment ≥ 3.3) replaces each emoji by its description before scoring. We do the
 * same for the emoji that matter in customer care, with descriptions chosen from words in
 * VADER's own lexicon so the published valences do the scoring.
 */
export const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '😡': 'angry',
  '😠': 'angry',
  '🤬': 'furious',
  '😤': 'frustrated',
  '👿': 'angry',
  '😞': 'disappointed',
  '😔': 'sad',
  '😢': 'crying',
  '😭': 'crying',
  '☹': 'sad',
  '🙁': 'sad',
  '😩': 'weary',
  '😫': 'tired',
  '😒': 'annoyed',
  '🙄': 'annoyed',
  '😑': 'annoyed',
  '😟': 'worried',
  '😧': 'worried',
  '😨': 'scared',
  '😱': 'scared',
  '😖': 'confused',
  '😕': 'confused',
  '🤔': 'confused',
  '😲': 'shocked',
  '🤢': 'sick',
  '🤮': 'sick',
  '💩': 'bad',
  '👎': 'bad',
  '💔': 'broken',
  '🤦': 'ugh',
  '😀': 'grin',
  '😃': 'happy',
  '😄': 'happy',
  '😁': 'grin',
  '😊': 'smile',
  '🙂': 'smile',
  '😉': 'smile',
  '😍': 'love',
  '🥰': 'love',
  '😘': 'kiss',
  '❤': 'love',
  '💕': 'love',
  '💖': 'love',
  '💙': 'love',
  '💚': 'love',
  '💜': 'love',
  '🧡': 'love',
  '💛': 'love',
  '😂': 'joy',
  '🤣': 'rofl',
  '😆': 'laughing',
  '😅': 'laughing',
  '👍': 'great',
  '👏': 'great',
  '🙌': 'celebrate',
  '🎉': 'celebrate',
  '🥳': 'party',
  '🙏': 'hopeful',
  '😎': 'cool',
  '💯': 'awesome',
  '✨': 'awesome',
  '⭐': 'great',
  '🌟': 'awesome',
};

const EMOJI_RE = /\p{Extended_Pictographic}/gu;

/** Replaces known emoji by a word (space-padded); unknown emoji are left alone. */
export function describeEmoji(text: string): string {
  if (!/[\u2600-\u27bf\u{1F000}-\u{1FAFF}]/u.test(text)) return text;
  return text.replace(EMOJI_RE, (e) => {
    const w = EMOJI_WORDS[e];
    return w ? ` ${w} ` : e;
  });
}
