import Handlebars from 'handlebars';

/**
 * The one Handlebars environment of Firebreak: the same helpers at publish-time checks,
 * in the editor's preview and when an activity renders a reply. Output is HTML-escaped and
 * prototype access stays forbidden (Handlebars' defaults since 4.6; never relaxed here).
 */
export interface TemplateContext {
  customer?: { name?: string; handle?: string; tier?: string };
  agent?: { name?: string; signature?: string };
  order?: { number?: string; eta?: string };
  message?: { text?: string; channel?: string };
  crisis?: { topic?: string };
  [key: string]: unknown;
}

/**
 * Helpers read the render's root context, not `this`: inside {{#each}} or {{#with}} the
 * customer and agent are still the run's, not the loop item's.
 */
type HelperOptions = { data?: { root?: TemplateContext } };
const rootOf = (args: unknown[]): TemplateContext => (args[args.length - 1] as HelperOptions)?.data?.root ?? {};
const stringArg = (args: unknown[]): string | undefined => (args.length > 1 && typeof args[0] === 'string' ? args[0] : undefined);

const DAY_MS = 86_400_000;
/**
 * An ETA given as a date ("2026-11-28" or an ISO instant) reads as "Friday 28 November";
 * anything else ("2–3 working days") is used as written. UTC, so a render is the same on
 * every worker whatever its time zone.
 */
export function formatEta(eta: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(eta)) return eta;
  const t = Date.parse(eta);
  if (Number.isNaN(t)) return eta;
  const d = new Date(Math.floor(t / DAY_MS) * DAY_MS);
  return d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).replace(',', '');
}

export function createTemplateEnv(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('customerName', (...args: unknown[]) => {
    const c = rootOf(args).customer;
    // An empty display name is common on social channels: fall back to the handle, then "there".
    const first = c?.name?.trim().split(/\s+/)[0];
    const handle = c?.handle?.replace(/^@/, '');
    return first || (handle ? `@${handle}` : 'there');
  });
  hb.registerHelper('handle', (...args: unknown[]) => {
    const handle = rootOf(args).customer?.handle;
    return handle ? `@${handle.replace(/^@/, '')}` : '';
  });
  hb.registerHelper('agentName', (...args: unknown[]) => rootOf(args).agent?.name || stringArg(args) || 'the team');
  hb.registerHelper('signature', (...args: unknown[]) => {
    const agent = rootOf(args).agent;
    const s = agent?.signature || agent?.name?.split(/\s+/).map((w) => w[0]).join('');
    return s ? `^${s}` : '';
  });
  hb.registerHelper('orderNumber', (...args: unknown[]) => rootOf(args).order?.number || stringArg(args) || '');
  hb.registerHelper('eta', (...args: unknown[]) => {
    const eta = rootOf(args).order?.eta;
    return eta ? formatEta(eta) : stringArg(args) ?? 'soon';
  });
  return hb;
}

const env = createTemplateEnv();

const TOKENS: Record<string, string> = { CLOSE: '"}}"', CLOSE_UNESCAPED: '"}}}"', INVALID: 'character', OPEN: '"{{"', OPEN_ENDBLOCK: '"{{/"' };

/** The problem with a template's source, or null when it compiles. */
export function templateError(source: string): string | null {
  try {
    env.precompile(source, { strict: false });
    return null;
  } catch (e) {
    // Handlebars' parse errors span four lines (where, an excerpt, a caret, what it
    // expected): keep the first and say what it found, so one line still tells the manager why.
    const [first, , , expected] = (e as Error).message.split('\n');
    const got = expected && /got '([^']*)'/.exec(expected)?.[1];
    if (!got) return first;
    return `${first} unexpected ${got === 'EOF' ? 'end of template (is a {{#block}} left open?)' : TOKENS[got] ?? got}`;
  }
}

export function renderTemplate(source: string, context: TemplateContext): string {
  return env.compile(source, { noEscape: false })(context).trim();
}

export { chooseVariant } from './variant';
export { buildTemplateContext, type TemplateSources } from './context';
