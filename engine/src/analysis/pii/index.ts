/**
 * Sensitive data in a message (the seed: brands must protect customers who post financial
 * or identity data publicly). Returns kinds and [start, end) spans in the original text so
 * an agent view can redact them. Designed against false alarms: card numbers need an
 * issuer prefix and a valid Luhn sum, IBANs a valid mod-97, phone numbers a valid number
 * plan (libphonenumber-js); tweet ids, dates and prices fail those checks.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { RE2JS } from 're2js';
import type { PiiFinding } from '../facts';
import { ibanLength, luhn, plausibleCard, validIban } from './checks';

export interface PiiPattern {
  kind: string;
  /** RE2 syntax (run on the linear-time engine). If it has a group, group 1 is the span. */
  pattern: string;
}

export interface PiiConfig {
  /** Country assumed for phone numbers written without +country code. */
  defaultCountry?: string;
  /** Replaces the default order/account/member number patterns. */
  patterns?: PiiPattern[];
  /** Appended to the (default or given) patterns. */
  extraPatterns?: PiiPattern[];
}

/** Identifiers a customer writes next to a telling word: "order #A12345", "acct no 5566778". */
export const DEFAULT_PII_PATTERNS: readonly PiiPattern[] = [
  { kind: 'order_number', pattern: String.raw`(?i)\border\s*(?:no\.?|number|num|id|#)?\s*[:#]?\s*([a-z]{0,4}[-]?[0-9][0-9-]{4,19})\b` },
  {
    kind: 'account_number',
    pattern: String.raw`(?i)\b(?:account|acct|a/c)\s*(?:no\.?|number|num|#)?\s*[:#]?\s*([0-9][0-9 -]{4,18}[0-9])\b`,
  },
  {
    kind: 'member_number',
    pattern: String.raw`(?i)\b(?:member(?:ship)?|loyalty|rewards?|frequent flyer)\s*(?:no\.?|number|num|id|#)\s*[:#]?\s*([a-z0-9][a-z0-9-]{4,19})\b`,
  },
];

// Starts only where a run of address characters starts, local part bounded: linear time.
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// 12–19 digits in groups separated by single spaces or dashes, not glued to other digits.
const CARD_RE = /(?<![\d.,/-])\d(?:[ -]?\d){11,18}(?![\d/-]|[.,]\d)/g;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/gi;
const EMAIL_HINT = /[^\s@]@[^\s@]+\.\p{L}/u;
const URL_RE = /(?:https?:\/\/|www\.)\S+/gi;

export interface CompiledPii {
  defaultCountry: CountryCode;
  patterns: Array<{ kind: string; re: RE2JS }>;
}

export function compilePii(config: PiiConfig = {}): CompiledPii {
  const list = [...(config.patterns ?? DEFAULT_PII_PATTERNS), ...(config.extraPatterns ?? [])];
  return {
    defaultCountry: (config.defaultCountry ?? 'US').toUpperCase() as CountryCode,
    patterns: list.map((p) => ({ kind: p.kind, re: RE2JS.compile(p.pattern) })),
  };
}

const DEFAULT_COMPILED = compilePii();

/** Every sensitive item in `text`, sorted by position, without overlaps. */
export function findPii(text: string, compiled: CompiledPii = DEFAULT_COMPILED): PiiFinding[] {
  const found: PiiFinding[] = [];
  // Links carry ids and tokens that look like anything; never report inside them.
  const blocked: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_RE)) blocked.push([m.index, m.index + m[0].length]);
  const add = (kind: string, start: number, end: number) => {
    const clash = (a: number, b: number) => start < b && a < end;
    if (blocked.some(([a, b]) => clash(a, b)) || found.some((f) => clash(f.start, f.end))) return;
    found.push({ kind, start, end });
  };
  // Cheap gates first: most messages have no address and few digits, and the full
  // patterns (and the phone library) cost ~100 µs a message when they run.
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  // Most specific first: a card number would also parse as a phone number.
  if (EMAIL_HINT.test(text)) for (const m of text.matchAll(EMAIL_RE)) add('email', m.index, m.index + m[0].length);
  if (digits >= 12) {
    for (const m of text.matchAll(CARD_RE)) {
      const d = m[0].replace(/\D/g, '');
      if (plausibleCard(d) && luhn(d)) add('card_number', m.index, m.index + m[0].length);
    }
    for (const m of text.matchAll(IBAN_RE)) {
      // The pattern may run on into following words ("… 32 please"): try the registry length.
      const compact = m[0].replace(/ /g, '').toUpperCase();
      const len = ibanLength(compact.slice(0, 2)) ?? compact.length;
      if (compact.length < len || !validIban(compact.slice(0, len))) continue;
      let end = m.index;
      for (let seen = 0; seen < len; end++) if (text[end] !== ' ') seen++;
      add('iban', m.index, end);
    }
  }
  // Every numbering plan needs at least 7 digits for a full number (with area code: more).
  if (digits >= 7) {
    for (const p of findPhoneNumbersInText(text, { defaultCountry: compiled.defaultCountry })) add('phone', p.startsAt, p.endsAt);
  }
  for (const { kind, re } of compiled.patterns) {
    const m = re.matcher(text);
    while (m.find()) {
      const g = m.groupCount() >= 1 && m.start(1) >= 0 ? 1 : 0;
      add(kind, m.start(g), m.end(g));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
