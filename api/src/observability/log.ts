import { AsyncLocalStorage } from 'async_hooks';
import pino, { Logger } from 'pino';

/**
 * The one structured logger of the api and the worker: one JSON object per line on stdout
 * (time, level, msg, and the ids of what it is about), level from FIREBREAK_LOG_LEVEL
 * (default info).
 *
 * Secrets never reach the output, by two independent means: pino's redaction of the keys
 * that hold them (headers, passwords, tokens, secrets), and a last pass over every line
 * that blanks the values of secret-looking environment variables, bearer tokens, JWTs,
 * access_token query parameters and URL passwords, wherever in a message they ended up.
 */
export const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'secret',
  'apiKey',
  'taskToken',
  'x-hub-signature-256',
  'x-twitter-webhooks-signature',
];

const REDACT_PATHS = SECRET_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const member = key.startsWith('[') ? key : `.${key}`;
  return [key, `*${member}`, `*.*${member}`, `req.headers${member}`];
});

const MIN_SECRET_LENGTH = 6;
const SECRET_ENV = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|API_KEY|APIKEY|CREDENTIAL/i;

/** The values to blank wherever they appear: configured secrets (read at each call, so a test's env counts). */
function secretValues(): string[] {
  return Object.entries(process.env)
    .filter(([name, value]) => SECRET_ENV.test(name) && value && value.length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length);
}

let cachedSecrets: { key: number; values: string[] } | undefined;
function currentSecrets(): string[] {
  // Recomputed when the environment grows (npm start fills DATABASE_URL in after start-up).
  const key = Object.keys(process.env).length;
  if (!cachedSecrets || cachedSecrets.key !== key) cachedSecrets = { key, values: secretValues() };
  return cachedSecrets.values;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/(bearer\s+)[^\s"',;]+/gi, '$1[Redacted]'],
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g, '[Redacted]'],
  [/((?:access_token|token|password|secret|api_key)=)[^&\s"']+/gi, '$1[Redacted]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s"'@]+:)[^@\s"'/]+@/gi, '$1[Redacted]@'],
];

/** A line as it may leave the process: every known secret value and secret-looking pattern blanked. */
export function scrubSecrets(line: string): string {
  let out = line;
  for (const value of currentSecrets()) if (out.includes(value)) out = out.split(value).join('[Redacted]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** What the current request or activity is about (request id, interaction, workflow…): every line logged within it carries these. */
export interface LogContext {
  reqId?: string;
  interactionId?: string;
  workflowId?: string;
  runId?: string;
  nodeId?: string;
  activity?: string;
}
export const logContext = new AsyncLocalStorage<LogContext>();

const destination = { write: (line: string) => process.stdout.write(scrubSecrets(line)) };

export const logger: Logger = pino(
  {
    level: process.env.FIREBREAK_LOG_LEVEL ?? 'info',
    base: { service: /worker[/\\]main\.js$/.test(process.argv[1] ?? '') ? 'worker' : 'api', pid: process.pid },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    // A copy: pino merges each line's fields into the object the mixin returns.
    mixin: () => ({ ...logContext.getStore() }),
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  },
  destination,
);
