/** The demo threads endpoint's wire contract (GET /api/samples/threads). */

/** One tweet of a demo thread: the customer's (inbound) or the brand's. */
export interface SampleMessage {
  id: string;
  author: string;
  inbound: boolean;
  at: string;
  text: string;
}

/**
 * A real customer-care thread from the TWCS demo data: the customer's first tweet is the
 * interaction a test run starts with; their later tweets can stand in for customer replies.
 */
export interface SampleThread {
  id: string;
  /** The brand account that answered (null when nobody from a brand did). */
  brand: string | null;
  /** The customer's anonymised TWCS id, used as their id and handle. */
  customer: string;
  text: string;
  receivedAt: string;
  messages: SampleMessage[];
}

export interface SampleThreads {
  threads: SampleThread[];
  /** How many threads match the search (before `limit`). */
  total: number;
  /** Where the threads come from, relative to the samples folder. */
  source: string;
  /** Set when there is no demo data: what is missing and how to provide it. */
  message?: string;
}
