// vader-sentiment (the vaderSentiment-js port by Comcast, of Hutto & Gilbert 2014) ships no types.
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
