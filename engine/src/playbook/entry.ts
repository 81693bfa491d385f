import { nodeConfigs, type NodeConfig } from './catalog';
import { Playbook } from './schema';
import type { Channel, Visibility } from '../analysis/facts';

/** What a start node looks at: where the message came from and to which brand account. */
export interface EntryMessage {
  channel: Channel;
  visibility: Visibility;
  /** The brand account it was addressed to (X user id, Facebook Page id, Instagram account id), when the channel says. */
  account?: string;
}

/**
 * Why a start node with this config does not take the message, or null when it does. The
 * one rule for both places that ask: choosing the playbook for a new interaction, and the
 * start node of a run (or a test run) itself.
 */
export function entryRefusal(c: NodeConfig<'start'>, m: EntryMessage): string | null {
  if (c.channels.length && !c.channels.includes(m.channel)) return `channel ${m.channel} is not handled by this playbook`;
  if (c.visibility.length && !c.visibility.includes(m.visibility)) return `${m.visibility} messages are not handled by this playbook`;
  if (c.accounts.length && !(m.account && c.accounts.includes(m.account)))
    return m.account
      ? `messages to account ${m.account} are not handled by this playbook`
      : 'this playbook takes messages to its listed accounts only, and this message names no account';
  return null;
}

/** Whether a playbook's start node takes an interaction from this channel, visibility and account. */
export function startAccepts(pb: Playbook, message: EntryMessage): boolean {
  const start = pb.nodes.find((n) => n.kind === 'start');
  return !!start && entryRefusal(nodeConfigs.start.parse(start.config), message) === null;
}
