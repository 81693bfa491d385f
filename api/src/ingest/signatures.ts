import { createHmac, timingSafeEqual } from 'crypto';
import type { Request } from 'express';

/** A request whose JSON parser kept the bytes as sent (see http.ts): signatures are over those. */
export type RawBodyRequest = Request & { rawBody?: Buffer };

export const hmacSha256 = (secret: string, data: string | Buffer) => createHmac('sha256', secret).update(data);

/** X's CRC answer: proves to X that we hold the consumer secret. */
export const xCrcResponseToken = (secret: string, crcToken: string) => `sha256=${hmacSha256(secret, crcToken).digest('base64')}`;

/**
 * True when `header` is `sha256=<digest>` of the raw body under `secret`, compared in
 * constant time so that a forger learns nothing from how long the refusal took.
 */
export function signatureMatches(header: string | undefined, raw: Buffer | undefined, secret: string, encoding: 'base64' | 'hex'): boolean {
  if (!header || !raw || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${hmacSha256(secret, raw).digest(encoding)}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
