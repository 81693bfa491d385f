import type { ChannelAdapter } from '../channels';
import { postJson } from './http-send';

export interface XAdapterOptions {
  /** e.g. https://api.x.com (X_API_BASE); tests point it at a local server. */
  base: string;
  /** A user-context OAuth 2.0 token of the brand account (X_BEARER_TOKEN). */
  token: string;
}

/**
 * Replies on X through API v2: a public answer is a tweet in reply to the customer's tweet,
 * a private one a DM to the customer. X takes no idempotency key; the outbox row keeps it.
 */
export function xAdapter({ base, token }: XAdapterOptions): ChannelAdapter {
  const root = base.replace(/\/+$/, '');
  return {
    name: 'x',
    async send(m) {
      if (m.visibility === 'public') {
        const r = await postJson<{ data: { id: string } }>(
          `${root}/2/tweets`,
          token,
          { text: m.text, reply: { in_reply_to_tweet_id: m.inReplyTo } },
          'X',
        );
        return { status: 'sent', externalMessageId: r.data?.id };
      }
      const r = await postJson<{ data: { dm_event_id: string } }>(
        `${root}/2/dm_conversations/with/${encodeURIComponent(m.recipient.id)}/messages`,
        token,
        { text: m.text },
        'X',
      );
      return { status: 'sent', externalMessageId: r.data?.dm_event_id };
    },
  };
}
