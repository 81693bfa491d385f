import type { ChannelAdapter } from '../channels';
import { postJson } from './http-send';

export interface MetaAdapterOptions {
  /** e.g. https://graph.facebook.com/v21.0 (META_GRAPH_BASE); tests point it at a local server. */
  base: string;
  /** The Page access token (META_PAGE_ACCESS_TOKEN), sent as a bearer token, never in the URL. */
  token: string;
}

/**
 * Replies on Facebook and Instagram through the Graph API: a public answer is a reply to
 * the customer's comment (`/{comment-id}/comments` on a Page, `/{ig-comment-id}/replies` on
 * Instagram), a private one goes through the Send API as a RESPONSE to their message.
 * The Graph API takes no idempotency key; the outbox row keeps it.
 */
export function metaAdapter({ base, token }: MetaAdapterOptions): ChannelAdapter {
  const root = base.replace(/\/+$/, '');
  return {
    name: 'meta',
    async send(m) {
      if (m.visibility === 'public') {
        const edge = m.channel === 'instagram' ? 'replies' : 'comments';
        const r = await postJson<{ id: string }>(`${root}/${encodeURIComponent(m.inReplyTo)}/${edge}`, token, { message: m.text }, 'Meta');
        return { status: 'sent', externalMessageId: r.id };
      }
      const r = await postJson<{ message_id: string }>(
        `${root}/me/messages`,
        token,
        { recipient: { id: m.recipient.id }, messaging_type: 'RESPONSE', message: { text: m.text } },
        'Meta',
      );
      return { status: 'sent', externalMessageId: r.message_id };
    },
  };
}
