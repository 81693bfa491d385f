import type { Author, Channel } from '@firebreak/engine';

export interface OutgoingMessage {
  channel: Channel;
  visibility: 'public' | 'private';
  text: string;
  /** The channel's id of the message being answered. */
  inReplyTo: string;
  recipient: Author;
  idempotencyKey: string;
}

/** How a reply leaves Firebreak. Real X and Meta adapters plug in here; they return the outbox status. */
export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<string>;
}

/** The default: nothing leaves the machine; the outbox row says so. */
export const sandboxAdapter: ChannelAdapter = {
  async send() {
    return 'sent (sandbox)';
  },
};
