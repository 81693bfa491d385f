import { required } from './config';
import { createHttpApp, listen } from './http';
import { logger } from './observability/log';
import { bootstrapDatabase } from './runtime/bootstrap';

/** The api as its own process (docker-compose, or any external deployment). */
async function main() {
  await bootstrapDatabase(required('databaseUrl'), { demoUsers: false });
  const app = await createHttpApp();
  app.enableShutdownHooks();
  const url = await listen(app);
  logger.info({ url }, 'api listening');
}

main().catch((e) => {
  logger.fatal({ err: e }, 'the api could not start');
  process.exit(1);
});
