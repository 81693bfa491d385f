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

export function createTemplateEnv(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('customerName', function (this: TemplateContext) {
    // An empty display name is common on social channels: fall back to the handle, then "there".
    const first = this.customer?.name?.trim().split(/\s+/)[0];
    const handle = this.customer?.handle?.replace(/^@/, '');
    return first || (handle ? `@${handle}` : 'there');
  });
  hb.registerHelper('handle', function (this: TemplateContext) {
    return this.customer?.handle ? `@${this.customer.handle.replace(/^@/, '')}` : '';
  });
  hb.registerHelper('agentName', function (this: TemplateContext) {
    return this.agent?.name ?? 'the team';
  });
  hb.registerHelper('signature', function (this: TemplateContext) {
    const s = this.agent?.signature ?? this.agent?.name?.split(/\s+/).map((w) => w[0]).join('');
    return s ? `^${s}` : '';
  });
  hb.registerHelper('orderNumber', function (this: TemplateContext) {
    return this.order?.number ?? '';
  });
  hb.registerHelper('eta', function (this: TemplateContext, fallback: unknown) {
    return this.order?.eta ?? (typeof fallback === 'string' ? fallback : 'soon');
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
