/**
 * The OpenAPI document, generated from the same zod schemas the routes
 * validate with, so the two cannot drift apart.
 */
import { z } from 'zod';
import {
  canonicalRequestSchema,
  linkInputSchema,
  observationsRequestSchema,
  readingsQuerySchema,
  readingsRequestSchema,
  summaryQuerySchema,
} from '../core/api';
import { ERRORS } from '../core/errors';
import { modelSchema, userInputSchema } from '../core/model';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

const errorResponse = { $ref: '#/components/responses/Error' };

function operation(
  summary: string,
  options: {
    body?: z.ZodType;
    query?: z.ZodObject;
    created?: boolean;
    headers?: JsonSchema[];
    produces?: string;
  } = {},
): JsonSchema {
  const ok = options.created ? '201' : '200';
  return {
    summary,
    ...(options.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(options.body) } },
          },
        }
      : {}),
    parameters: [...(options.query ? queryParameters(options.query) : []), ...(options.headers ?? [])],
    responses: {
      [ok]: { description: 'Success', content: { [options.produces ?? 'application/json']: {} } },
      '400': errorResponse,
      '401': errorResponse,
      '403': errorResponse,
      '404': errorResponse,
      '409': errorResponse,
      '413': errorResponse,
      '422': errorResponse,
    },
  };
}

const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  schema: { type: 'string', maxLength: 200 },
  description: 'The same key with the same body returns the first answer and stores nothing new.',
};

export function buildOpenApi(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plumbline store',
      version: '1.0.0',
      description: 'One append-only store of KPI readings.',
    },
    security: [{ bearer: [] }],
    paths: {
      '/healthz': { get: { ...operation('Liveness'), security: [] } },
      '/openapi.json': { get: operation('This document') },
      '/v1/users': {
        post: operation('Create a user (admin); the token is shown once', {
          body: userInputSchema,
          created: true,
        }),
      },
      '/v1/model': {
        put: operation('Bulk upsert of pillars, programs and KPIs (admin); all-or-nothing', {
          body: modelSchema,
        }),
      },
      '/v1/kpis': { get: operation('KPIs with their ancestors') },
      '/v1/kpis/{id}': {
        get: {
          ...operation('One KPI'),
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        },
      },
      '/v1/readings': {
        post: operation('Submit readings (owner of each KPI); all-or-nothing', {
          body: readingsRequestSchema,
          created: true,
          headers: [idempotencyHeader],
        }),
        get: operation('Revisions of a KPI, oldest first', { query: readingsQuerySchema }),
      },
      '/v1/canonical': {
        post: operation('Latest revision per KPI and period', { body: canonicalRequestSchema }),
      },
      '/v1/links': {
        post: operation('Register or update a link (analyst, owner, admin)', {
          body: linkInputSchema,
          created: true,
        }),
        get: operation('List links'),
      },
      '/v1/observations': {
        post: operation('Record local values seen in linked cells; answers verdicts', {
          body: observationsRequestSchema,
        }),
      },
      '/v1/summary': {
        get: operation('Reconciled summary, one row per node in tree order', { query: summaryQuerySchema }),
      },
      '/v1/summary.xlsx': {
        get: operation('The summary as a formatted workbook', {
          query: summaryQuerySchema,
          produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      },
      '/v1/events': {
        get: operation('Server-sent events when readings land', { produces: 'text/event-stream' }),
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      responses: {
        Error: {
          description: 'An error from the catalog',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['error'],
                properties: {
                  error: {
                    type: 'object',
                    required: ['code', 'message'],
                    properties: {
                      code: { type: 'string', enum: Object.keys(ERRORS) },
                      message: { type: 'string' },
                      details: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { path: { type: 'string' }, message: { type: 'string' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
