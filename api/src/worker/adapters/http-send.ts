import { PermanentSendError } from '../channels';

/**
 * One JSON call to a channel API. A 4xx is the channel refusing this request for good
 * (deleted post, blocked user, bad token): PermanentSendError. 429 (rate limit), 408, 5xx
 * and network failures are passing: a plain Error, so the caller tries again later.
 */
async function callJson<T>(method: 'GET' | 'POST', url: string, token: string, body: unknown, channelName: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new Error(`${channelName} could not be reached: ${(e as Error).message}`, { cause: e });
  }
  const text = await res.text();
  if (res.ok) return (text ? JSON.parse(text) : {}) as T;
  // The channel's own words, shortened: the outbox row shows why; the token is never part of it.
  const detail = `${channelName} answered ${res.status}: ${text.slice(0, 300)}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408) throw new PermanentSendError(detail);
  throw new Error(detail);
}

export const postJson = <T>(url: string, token: string, body: unknown, channelName: string) =>
  callJson<T>('POST', url, token, body, channelName);

export const getJson = <T>(url: string, token: string, channelName: string) => callJson<T>('GET', url, token, undefined, channelName);
