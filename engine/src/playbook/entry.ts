import { nodeConfigs } from './catalog';
import { Playbook } from './schema';
import type { Channel, Visibility } from '../analysis/facts';

/** Whether a playbook's start node takes an interaction from this channel and visibility. */
export function startAccepts(pb: Playbook, message: { channel: Channel; visibility: Visibility }): boolean {
  const start = pb.nodes.find((n) => n.kind === 'start');
  if (!start) return false;
  const c = nodeConfigs.start.parse(start.config);
  return (
    (!c.channels.length || c.channels.includes(message.channel)) && (!c.visibility.length || c.visibility.includes(message.visibility))
  );
}
