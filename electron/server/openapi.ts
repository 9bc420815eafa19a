import { z } from 'zod';
import { ERROR_STATUS } from '../../shared/errors';
import { methods } from '../../shared/methods';
import { CHANGE_FEED_PATH } from '../../shared/bridge';
import { Health } from '../../shared/schemas/system';
import { APP_VERSION } from '../../shared/version';

const ErrorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
        message: { type: 'string' },
        details: {},
      },
    },
  },
} as const;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/** The OpenAPI 3.1 document, generated from the same zod schemas dispatch validates with. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/api/health': {
      get: {
        summary: 'Liveness and versions; no sign-in needed.',
        security: [],
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(Health, 'output') } } } },
      },
    },
    [CHANGE_FEED_PATH]: {
      get: {
        summary:
          'WebSocket change feed. Send {"type":"auth","token":"..."} first; then receive {"type":"change",seq,table,id,op,userId,at} for every committed write.',
        security: [],
        responses: { '101': { description: 'Switching protocols' } },
      },
    },
  };
  for (const [name, spec] of Object.entries(methods)) {
    const errorCodes = new Set<keyof typeof ERROR_STATUS>(['VALIDATION', 'INTERNAL']);
    if (spec.access !== 'public') ['UNAUTHENTICATED', 'FORBIDDEN', 'LICENSE'].forEach((c) => errorCodes.add(c as never));
    if (name === 'auth.login' || name === 'setup.createAdmin') ['UNAUTHENTICATED', 'RATE_LIMITED'].forEach((c) => errorCodes.add(c as never));
    if (spec.kind === 'write') ['CONFLICT', 'NOT_FOUND'].forEach((c) => errorCodes.add(c as never));
    const responses: Record<string, unknown> = {
      '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.output, 'output') } } },
    };
    for (const code of errorCodes) {
      responses[String(ERROR_STATUS[code])] = {
        description: code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[`/api/v1/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        tags: [name.split('.')[0]],
        ...(spec.access === 'public' ? { security: [] } : {}),
        'x-lantern-kind': spec.kind,
        'x-lantern-access': spec.access,
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.input, 'input') } } },
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lantern CRM API',
      version: APP_VERSION,
      description: 'Every method is POST /api/v1/<method> with a JSON body; errors are {"error":{"code","message","details"}}.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ErrorBodySchema },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
