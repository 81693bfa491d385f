/**
 * Sentiment: VADER (Hutto & Gilbert 2014), the reference method for social text — it
 * handles negation, intensifiers, ALL CAPS, "!!!", emoticons and slang. We use the
 * maintained JavaScript port and add only what it lacks (emoji, HTML entities in tweets).
 */
import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import type { SentimentLabel } from '../facts';
import { describeEmoji } from './emoji';

/** |compound| below this is neutral: VADER's published band. */
export const NEUTRAL_BAND = 0.05;

export interface SentimentResult {
  compound: number;
  label: SentimentLabel;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function labelOf(compound: number): SentimentLabel {
  if (compound >= NEUTRAL_BAND) return 'positive';
  if (compound <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

// The JS port's negation check compares words case-sensitively (the Python reference
// lower-cases first), so "NOT good" scored as positive. Lower-casing just the negation words
// restores the reference behaviour; a fully upper-case text is lower-cased whole, which is
// what the reference computes for it (no caps emphasis when everything is in caps).
const NEGATION_RE =
  /\b(?:not|never|none|nope|nor|nothing|nowhere|neither|without|rarely|seldom|despite|cannot|uhuh|(?:ain|aren|can|couldn|daren|didn|doesn|don|hadn|hasn|haven|isn|mightn|mustn|needn|oughtn|shan|shouldn|wasn|weren|won|wouldn)'?t)\b/gi;

function prepare(text: string): string {
  let t = text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]).replace(/[’‘]/g, "'");
  // Same for the contrastive "but": the port looks for "but" and "BUT" only, not "But".
  t = t.replace(/\b(?:But|bUT|BUt|bUt|buT|BuT)\b/g, 'but');
  if (/[A-Z]/.test(t)) t = /[a-z]/.test(t) ? t.replace(NEGATION_RE, (w) => w.toLowerCase()) : t.toLowerCase();
  return describeEmoji(t);
}

export function sentiment(text: string): SentimentResult {
  const clean = prepare(text);
  const { compound } = SentimentIntensityAnalyzer.polarity_scores(clean);
  // Round: facts are stored in workflow history; four decimals is all VADER means anyway.
  const c = Math.round(compound * 10000) / 10000;
  return { compound: c, label: labelOf(c) };
}
