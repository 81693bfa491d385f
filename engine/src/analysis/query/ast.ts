/** The parsed form of one keyword query. Positions are offsets in the query string. */

export interface Span {
  start: number;
  end: number;
}

/** A term or "phrase": a sequence of tokenizer keys that must appear consecutively. */
export interface PhraseNode extends Span {
  type: 'phrase';
  keys: string[];
  /** True when written as a bare word: then it also matches the same word as a #hashtag. */
  bare: boolean;
}

/** `refund*`: any token whose key starts with `prefix`. */
export interface PrefixNode extends Span {
  type: 'prefix';
  prefix: string;
}

/** `/pattern/`: a user regular expression, run on the linear-time RE2 engine. */
export interface RegexNode extends Span {
  type: 'regex';
  source: string;
}

export interface AndNode {
  type: 'and';
  children: QueryNode[];
}
export interface OrNode {
  type: 'or';
  children: QueryNode[];
}
export interface NotNode {
  type: 'not';
  child: QueryNode;
}
/** `a NEAR/n b`: both occur with at most n tokens between them, in either order. */
export interface NearNode {
  type: 'near';
  distance: number;
  left: PhraseNode | PrefixNode;
  right: PhraseNode | PrefixNode;
}

export type LeafNode = PhraseNode | PrefixNode | RegexNode;
export type QueryNode = LeafNode | AndNode | OrNode | NotNode | NearNode;

export interface QueryError extends Span {
  message: string;
}

export interface ParseResult {
  ast: QueryNode | null;
  errors: QueryError[];
}
