import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Bounds keep one request's scan (and an hourly series) a reasonable size. */
export const MAX_SPAN_DAYS = 366;
export const MAX_BUCKETS = 24 * 93;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** ?from&to: ISO instants, [from, to); default the last 7 days up to now. */
export const windowSchema = z
  .object({ from: instant.optional(), to: instant.optional() })
  .strict()
  .transform(({ from, to }) => {
    const end = to ?? new Date();
    return { from: from ?? new Date(end.getTime() - 7 * DAY_MS), to: end };
  })
  .refine((w) => w.from < w.to, { message: 'from must be before to', path: ['from'] })
  .refine((w) => w.to.getTime() - w.from.getTime() <= MAX_SPAN_DAYS * DAY_MS, {
    message: `the window may span at most ${MAX_SPAN_DAYS} days`,
    path: ['to'],
  });

export type MetricsWindow = z.infer<typeof windowSchema>;

/** Every figure of the summary, as a series; a point has the summary's shape for that figure. */
export const SERIES_METRICS = ['volume', 'frt', 'art', 'aht', 'tht', 'sla', 'sentimentConversion'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/**
 * An IANA zone name this process knows. Names only: PostgreSQL reads a bare offset such as
 * "+05:00" with the POSIX sign (east is negative), so offsets are refused rather than misread.
 */
const isTimeZone = (tz: string) => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** ?metric&interval&tz&from&to; without tz the buckets follow the office hours' zone. */
export const seriesSchema = z
  .object({
    metric: z.enum(SERIES_METRICS),
    interval: z.enum(['hour', 'day']),
    tz: z.string().max(64).refine(isTimeZone, { message: 'not a time zone name (e.g. Europe/London, America/New_York, UTC)' }).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .strict()
  .transform(({ metric, interval, tz, from, to }) => {
    const end = to ?? new Date();
    return { metric, interval, timeZone: tz, from: from ?? new Date(end.getTime() - 7 * DAY_MS), to: end };
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] })
  .refine((q) => (q.to.getTime() - q.from.getTime()) / (q.interval === 'hour' ? DAY_MS / 24 : DAY_MS) <= MAX_BUCKETS, {
    message: `a series may have at most ${MAX_BUCKETS} buckets`,
    path: ['interval'],
  });

export type SeriesQuery = z.infer<typeof seriesSchema>;

/** Like ZodPipe, for query strings: a bad parameter is a 400 naming it. */
export class ZodQueryPipe<T extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success)
      throw new BadRequestException({
        message: 'the query parameters are invalid',
        problems: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    return result.data;
  }
}
