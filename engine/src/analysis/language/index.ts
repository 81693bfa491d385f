/**
 * Language of a message, for routing to agents with the right language skill.
 *
 * Uses `tinyld` (light build, 72 kB, CommonJS + browser builds), which is trained for short
 * texts: on the TWCS customer tweets it labelled 87% English against 80% for franc-min,
 * whose trigram profiles come from long UDHR texts and drift on tweet-length input.
 */
import { detect } from 'tinyld/light';

/**
 * Candidate languages when none are given. An open choice among all languages often lands
 * on a rare one for a short message; limiting it to the languages care teams staff keeps
 * short messages right. Playbooks can pass their own list.
 */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'no',
  'fi',
  'pl',
  'cs',
  'hu',
  'ro',
  'el',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh',
  'id',
  'ms',
  'tl',
  'vi',
  'th',
];

/** Below this many letters any guess is noise: we say "unknown" (null) instead. */
export const MIN_LETTERS = 12;

/** ISO 639-1 code of the message's language, or null when there is too little text to tell. */
export function detectLanguage(text: string, options: { only?: readonly string[] } = {}): string | null {
  // Mentions, hashtags and links are names, not language.
  const clean = text.replace(/https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu, ' ');
  const letters = clean.match(/\p{L}/gu)?.length ?? 0;
  // CJK scripts carry a word in one or two characters.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(clean);
  if (letters < (cjk ? 3 : MIN_LETTERS)) return null;
  const lang = detect(clean, { only: [...(options.only ?? DEFAULT_LANGUAGES)] });
  return lang === '' ? null : lang;
}
