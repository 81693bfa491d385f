import { applyDecorators, INestApplication, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_KEY } from '../auth/roles';

/** The one shape of every 4xx and 5xx body (see common/errors.filter.ts and common/zod.ts). */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: 'the request body is invalid' },
    problems: {
      type: 'array',
      description: 'Validation errors: each field path and what is wrong with it',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: `message`, and `problems` with the field path of each validation error',
  401: 'Not signed in, or the token is invalid or expired',
  403: "The caller's role may not do this (or the request comes from outside the IP allow-list)",
  404: 'Nothing with that id or key',
  409: 'Conflicts with the current state (already decided, already active, not waiting…)',
  413: 'The request body is too large',
  422: 'Well-formed but cannot be done as asked (e.g. a draft with problems: `problems` lists them)',
  429: 'Too many attempts: wait and retry',
  503: 'A dependency (PostgreSQL, Temporal, a channel secret) is not available',
};

const ERRORS_KEY = 'firebreak:api-errors';

/**
 * The error responses an endpoint can give beyond the ones every endpoint of its kind gets
 * (401/403 unless public, 400 with input, 404 with a path parameter), e.g. `@ApiErrors(409, 422)`.
 * A summary that names a status ("… (409 if …)") declares it too.
 */
export const ApiErrors = (...statuses: number[]) => applyDecorators(SetMetadata(ERRORS_KEY, statuses));

type Operation = { operationId?: string; summary?: string; parameters?: Array<{ in: string }>; requestBody?: unknown } & {
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
};

/**
 * Adds to each operation of the document the error responses it can give, all with the
 * shared error schema, and its bearer security unless it is public. Run once on the
 * generated document; explicit @ApiResponse entries are kept as they are.
 */
export function documentErrors(app: INestApplication, doc: OpenAPIObject): OpenAPIObject {
  const handlers = handlerIndex(app);
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Error: ERROR_SCHEMA as never } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const found = op.operationId ? handlers.get(op.operationId) : undefined;
      const isPublic = found ? Reflect.getMetadata(PUBLIC_KEY, found.handler) || Reflect.getMetadata(PUBLIC_KEY, found.controller) : false;
      const statuses = new Set<number>((found && (Reflect.getMetadata(ERRORS_KEY, found.handler) as number[] | undefined)) ?? []);
      if (!isPublic) [401, 403].forEach((s) => statuses.add(s));
      if (op.requestBody || op.parameters?.some((p) => p.in === 'query' || p.in === 'path') || (found && takesInput(found)))
        statuses.add(400);
      if (path.includes('{')) statuses.add(404);
      for (const m of (op.summary ?? '').matchAll(/\b(4\d\d|503)\b/g)) statuses.add(Number(m[1]));
      for (const s of [...statuses].sort()) {
        op.responses[s] ??= {
          description: DESCRIPTIONS[s] ?? 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
      if (!isPublic) op.security ??= [{ bearer: [] }];
    }
  }
  return doc;
}

/** Whether the handler reads a body, the query or path parameters (each of which a pipe may refuse). */
function takesInput({ controller, key }: Handler): boolean {
  // Nest keeps a handler's parameter decorators on the controller class, as `${paramtype}:${index}`.
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<string, unknown>;
  const input = [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM, RouteParamtypes.RAW_BODY].map(String);
  return Object.keys(args).some((k) => input.includes(k.split(':')[0]));
}

interface Handler {
  controller: object;
  handler: object;
  key: string;
}

/** `Controller_method` (Swagger's default operationId) → the controller class and the handler. */
function handlerIndex(app: INestApplication): Map<string, Handler> {
  const index = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[key];
        if (key !== 'constructor' && typeof handler === 'function') index.set(`${controller.name}_${key}`, { controller, handler, key });
      }
    }
  }
  return index;
}
