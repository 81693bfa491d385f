import { required } from './config';
import { createHttpApp, listen } from './http';
import { bootstrapDatabase } from './runtime/bootstrap';

/** The api as its own process (docker-compose, or any external deployment). */
async function main() {
  await bootstrapDatabase(required('databaseUrl'), { demoUsers: false });
  const app = await createHttpApp();
  app.enableShutdownHooks();
  const url = await listen(app);
  console.log(JSON.stringify({ level: 'info', msg: 'api listening', url }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
