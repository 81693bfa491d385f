import { findPii, type PiiFinding } from '@firebreak/engine';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The keys that say two messages come from one person. A channel gives the author's id
 * (an e-mail channel's author id is the address itself, so it shares the `email` kind with
 * addresses written in messages); the text may reveal an e-mail, a phone or an order number.
 */
export interface Identity {
  kind: string;
  value: string;
  source: 'channel' | 'message';
}

/** What a customer may write that identifies them; card numbers and IBANs are never stored. */
export const REVEALING_KINDS = ['email', 'phone', 'order_number'] as const;

export function channelIdentity(channel: string, authorId: string): Identity {
  if (channel === 'email') return { kind: 'email', value: normalizeEmail(authorId), source: 'channel' };
  return { kind: channel, value: authorId.trim(), source: 'channel' };
}

/** Identities written in the text, normalised so that the same one written two ways matches. */
export function revealedIdentities(text: string, spans: PiiFinding[] = findPii(text), defaultCountry: CountryCode = 'US'): Identity[] {
  const found = new Map<string, Identity>();
  for (const span of spans) {
    if (!(REVEALING_KINDS as readonly string[]).includes(span.kind)) continue;
    const value = normalize(span.kind, text.slice(span.start, span.end), defaultCountry);
    if (value) found.set(`${span.kind}:${value}`, { kind: span.kind, value, source: 'message' });
  }
  return [...found.values()];
}

export function normalize(kind: string, raw: string, defaultCountry: CountryCode = 'US'): string | null {
  if (kind === 'email') return normalizeEmail(raw);
  if (kind === 'phone') return parsePhoneNumberFromString(raw, defaultCountry)?.number ?? null; // E.164
  if (kind === 'order_number') {
    const v = raw.replace(/[\s-]/g, '').toUpperCase();
    return v.length >= 4 ? v : null;
  }
  return raw.trim() || null;
}

const normalizeEmail = (raw: string) => raw.trim().toLowerCase();
