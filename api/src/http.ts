import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { existsSync } from 'fs';
import { join } from 'path';
import { AppModule } from './app.module';
import { JsonErrorsFilter } from './common/errors.filter';
import { config } from './config';
import type { RawBodyRequest } from './ingest/signatures';
import { httpObservability } from './observability/http';
import { documentErrors } from './observability/openapi';
import { PinoNestLogger } from './observability/nest-logger';

/** The HTTP app: the api under /api, its OpenAPI docs at /api/docs, the built editor at /. */
export async function createHttpApp(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { logger: new PinoNestLogger(), bodyParser: false });
  app.use(httpObservability()); // first: its duration and request id cover everything after it
  // The raw bytes are kept for the channel webhooks, whose signatures are over the body as sent.
  app.use(express.json({ limit: '2mb', verify: (req, _res, buf) => ((req as RawBodyRequest).rawBody = buf) }));
  // A body that is not JSON is the client's mistake: say so plainly instead of echoing the parser.
  app.use(
    (err: { type?: string; status?: number } | undefined, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (err?.type === 'entity.parse.failed')
        return res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'the request body is not valid JSON' });
      if (err?.type === 'entity.too.large')
        return res.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: 'the request body is larger than 2 MB' });
      next(err);
    },
  );
  app.useGlobalFilters(new JsonErrorsFilter());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Firebreak API')
      .setDescription('Playbooks, interactions and the desks of managers, PR/legal and agents.')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, documentErrors(app, doc), { jsonDocumentUrl: 'api/docs/json' });

  if (existsSync(join(config.editorDir, 'index.html'))) {
    const http = app.getHttpAdapter().getInstance() as express.Express;
    http.use(express.static(config.editorDir, { index: false }));
    // Client-side routes fall back to the app shell; /api stays the api's (and its 404s).
    http.get(/^\/(?!api(\/|$)).*/, (_req, res) => res.sendFile(join(config.editorDir, 'index.html')));
  }
  return app;
}

export async function listen(app: INestApplication, port = config.port): Promise<string> {
  await app.listen(port, '0.0.0.0');
  return `http://localhost:${port}`;
}
