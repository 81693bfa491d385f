import { join, resolve } from 'path';

/**
 * Configuration comes from the environment only. Unset DATABASE_URL / TEMPORAL_ADDRESS
 * mean "embedded": `npm start` provides the servers and fills them in before the api runs.
 */
export const repoRoot = resolve(__dirname, '..', '..');

export const config = {
  port: Number(process.env.PORT ?? 8080),
  databaseUrl: process.env.DATABASE_URL,
  temporalAddress: process.env.TEMPORAL_ADDRESS,
  temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'firebreak-interactions',
  dataDir: process.env.FIREBREAK_DATA_DIR ?? join(repoRoot, '.firebreak'),
  playbooksDir: process.env.FIREBREAK_PLAYBOOKS_DIR ?? join(repoRoot, 'playbooks'),
  templatesDir: process.env.FIREBREAK_TEMPLATES_DIR ?? join(repoRoot, 'templates'),
  editorDir: process.env.FIREBREAK_EDITOR_DIR ?? join(repoRoot, 'editor', 'dist'),
  /** Channel webhooks and outbound adapters (secrets: never logged). Unset secret → that webhook answers 503. */
  xConsumerSecret: process.env.X_CONSUMER_SECRET,
  xBearerToken: process.env.X_BEARER_TOKEN,
  xApiBase: process.env.X_API_BASE ?? 'https://api.x.com',
  metaAppSecret: process.env.META_APP_SECRET,
  metaVerifyToken: process.env.META_VERIFY_TOKEN,
  metaPageAccessToken: process.env.META_PAGE_ACCESS_TOKEN,
  metaGraphBase: process.env.META_GRAPH_BASE ?? 'https://graph.facebook.com/v21.0',
};

export function required(name: 'databaseUrl' | 'temporalAddress'): string {
  const v = config[name];
  if (!v)
    throw new Error(
      `${name === 'databaseUrl' ? 'DATABASE_URL' : 'TEMPORAL_ADDRESS'} is not set (npm start sets it for the embedded servers)`,
    );
  return v;
}
