/** A playbook's recorded runs (GET /api/playbooks/:key/interactions), as the backtest reads them. */
import type { Author, Facts } from '../analysis/facts';
import type { PathStep, RunState } from '../interpreter/types';

/** One recorded run of a playbook, with what a backtest needs to run it again in the browser. */
export interface RecordedInteraction {
  id: string;
  channel: string;
  visibility: 'public' | 'private';
  text: string;
  author: Author;
  /** The brand account it was addressed to, when its channel said. */
  account: string | null;
  receivedAt: string;
  status: string;
  /** The version it ran on. */
  version: number;
  /** The analysis at the time (crisis state included), null before the run analysed it. */
  facts: Facts | null;
  path: PathStep[];
  waiting: RunState['waiting'] | null;
}
