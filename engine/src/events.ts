/**
 * The live events of `GET /api/events` (server-sent events): what just happened to an
 * interaction, an approval, a task, a crisis or a playbook. Shared by the api, which
 * publishes them, and the editor, which listens. Small on purpose: a listener that needs
 * the whole object fetches it by id.
 */
export const LIVE_EVENT_TYPES = [
  'interaction.received',
  'interaction.routed',
  'interaction.step',
  'interaction.finished',
  'approval.pending',
  'approval.decided',
  'task.assigned',
  'task.claimed',
  'task.completed',
  'crisis.declared',
  'crisis.stood_down',
  'playbook.published',
] as const;

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export interface LiveEvent {
  type: LiveEventType;
  /** ISO instant at which it happened. */
  at: string;
  interactionId?: string;
  workflowId?: string;
  nodeId?: string;
  /** A small payload of the event's own (status, outcome, assignee, topic, version…). */
  [detail: string]: unknown;
}

/** A live event as delivered: with the stream-wide id that `Last-Event-ID` resumes from. */
export interface DeliveredLiveEvent extends LiveEvent {
  id: string;
}
