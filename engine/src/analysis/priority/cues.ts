/**
 * Default cue lists for the priority tiers of the seeds' framework (Conversocial guide,
 * "Prioritization"). Each entry is a keyword query in the same language as the keywords
 * node, so a manager edits them with the same syntax and the same error underlining, and
 * they compile into the same single matcher as the playbook's own queries.
 */

export type CueClass =
  | 'question'
  | 'dissatisfaction'
  | 'urgent'
  | 'first'
  | 'positive'
  | 'reference'
  | 'industry'
  | 'second'
  | 'noise';
export const CUE_CLASSES: readonly CueClass[] = [
  'question',
  'dissatisfaction',
  'urgent',
  'first',
  'positive',
  'reference',
  'industry',
  'second',
  'noise',
];

export interface CueConfig {
  /** Replace a class's list; omitted classes keep the defaults. */
  lists?: Partial<Record<CueClass, string[]>>;
  /** Extra entries appended to the defaults. */
  extra?: Partial<Record<CueClass, string[]>>;
  /**
   * Shorthands matching the playbook's `settings.cues`: extra queries that put a message
   * straight into that tier (appended to the 'first' / 'second' / 'noise' lists).
   */
  first?: string[];
  second?: string[];
  noise?: string[];
  /** The brand's own handles ("@AmazonHelp"): a message mentioning them is addressed to us. */
  brandHandles?: string[];
  /** Compound score at or below which a message counts as expressed dissatisfaction. */
  negativeThreshold?: number;
}

// VADER's own neutral band: any clearly negative message counts.
export const DEFAULT_NEGATIVE_THRESHOLD = -0.05;

export const DEFAULT_CUES: Readonly<Record<CueClass, readonly string[]>> = {
  // Asking the brand something even without a question mark.
  question: [
    '"how do i"', '"how can i"', '"how to"', '"can you"', '"could you"', '"can someone"', '"can anyone"',
    '"is there"', '"do you"', '"does anyone"', '"where is my"', '"when will"', '"what is"', '"why is"',
    '"why does"', '"why do"', '"why cant"', '"any update"', '"any news"', '"please help"', '"help me"', 'help', '"can i"', '"how come"', '"are you"',
    '"will you"', '"should i"', '"who do i"', '"what do i"', '"is it"', '"are the"',
  ],
  // A customer expressing dissatisfaction: complaint vocabulary of care teams.
  dissatisfaction: [
    '"still waiting"', '"still not"', '"still no"', '"never received"', '"never arrived"', '"never got"',
    '"not received"', '"havent received"', '"hasnt arrived"', '"didnt arrive"', '"not arrived"',
    '"no response"', '"no reply"', '"no one"', 'nobody', '"not happy"', 'unhappy', 'worst', 'terrible',
    'horrible', 'awful', 'disgust*', 'disappoint*', 'unacceptable', 'ridiculous', 'useless', 'pathetic',
    'appalling', 'shocking', 'rude', 'complain*', 'complaint', '"charged twice"', 'overcharg*',
    '"double charged"', 'broken', 'faulty', 'damaged', '"not working"', '"doesnt work"', '"isnt working"',
    '"stopped working"', '"wont work"', '"not work"', '"cant get"', '"cant even"', '"fed up"',
    '"sick of"', '"tired of"', 'waste*', 'annoy*', 'frustrat*', 'angry', 'furious', 'wtf', 'smh', 'ugh',
    'seriously', '"thanks for nothing"', 'never', 'fix', '#fail', 'fail*', 'lied', 'liars', 'scam', 'incompetent',
    'missing', 'wrong', 'delayed', 'delay', '"keeps crashing"', 'crash*', 'outage', '"on hold"', 'again',
    'hours', 'days', 'weeks', 'poor', 'sucks', 'joke', 'why', 'refund*', '"lost my"', 'keeps', '"no longer"',
    'unable', 'problem*', 'issue*', 'error', 'cant', 'wont', 'doesnt', 'didnt', 'havent', 'isnt', 'wasnt',
    'impossible', 'stuck', '"not even"', 'worse', 'bad', 'ripped', 'broke', 'invalid',
  ],
  // An urgent product/service need.
  urgent: [
    'urgent*', 'asap', 'emergency', 'immediately', '"right now"', 'stranded', '"locked out"',
    '"cant access"', '"cant log"', '"cant login"', 'hacked', 'fraud*', 'stolen', '"no power"',
    '"no internet"', '"no service"', '"no signal"', 'outage', '"flight cancelled"', '"cancelled flight"',
    '"missed flight"', 'unauthorised', 'unauthorized', '"data breach"', 'injur*', 'unsafe',
    'danger*',
  ],
  // Playbook-specific first-tier cues (settings.cues.first).
  first: [],
  // Positive experiences of the company's products and services.
  positive: [
    'thanks', '"thank you"', 'thx', 'ty', 'love', 'loving', 'awesome', 'amazing', 'great', 'excellent',
    'brilliant', 'fantastic', 'kudos', '"shout out"', 'shoutout', 'appreciate*', 'best', 'helpful',
  ],
  // General references to the company's products and services: the brand's names and
  // products, e.g. 'acme', '"acme pay"'. Empty until a playbook says.
  reference: [],
  // Indirect references relevant to the company's industry: empty until a playbook says.
  industry: [],
  // Playbook-specific second-tier cues (settings.cues.second).
  second: [],
  // Content that needs no response.
  noise: [
    'giveaway', '"follow back"', '"follow me"', '"rt to win"', '"retweet to win"', '"check out my"',
    '"promo code"', '"free followers"', '"click here"', '"subscribe to my"', 'sweepstakes', '#ad', '#sponsored',
  ],
};
