import type { IncomingMessage, ServerResponse } from 'node:http';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { jsonTextTooDeep, tooDeep } from './body-shape';
import { MALFORMED_URL, answerClientError, frameworkProblem } from './framework-problems';
import { ProblemDetails, ProblemException } from './problem';
import { validationPipe } from './validation';

/** Larger bodies are refused with 413 problem+json. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The HTTP server every service and the embedded platform run on: Nest's Fastify adapter (decision 22; about half
 * the per-request cost of its Express adapter). Trailing slashes are ignored as Express did; no middleware layer
 * (nothing here uses Nest middleware, and `@fastify/middie` would add a hook to every request). The refusals Fastify
 * and Node write themselves, before any hook or filter, are problem+json too.
 */
/** The longest path parameter the router takes (414 beyond): Fastify's default is 100. */
export const MAX_PATH_PARAMETER_LENGTH = 200;

export function httpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // A path parameter may be a token subject (a team member's `sub`, up to 200 characters), not only a UUID.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    skipMiddie: true,
    frameworkErrors: routerRefusal(),
    clientErrorHandler: answerClientError,
  });
}

/**
 * The router's refusals before routing: a path that does not decode (FST_ERR_BAD_URL, 400) or a path parameter longer
 * than the router takes (FST_ERR_MAX_PARAM_LENGTH, 414). No hook runs for them, so the security headers are set here.
 */
function routerRefusal(): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  const headers = securityHeaders();
  return (error, request, reply) => {
    const problem: ProblemDetails =
      error.code === 'FST_ERR_BAD_URL' ? { ...MALFORMED_URL, instance: request.url } : frameworkProblem(error.statusCode ?? 400, request.url);
    headers(request.raw, reply.raw, () => void reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem)));
  };
}

/**
 * Initialises the app (routes, hooks) and waits for Fastify to be ready: only then does its raw Node server answer
 * requests, whether it listens on a port or serves supertest.
 */
export async function readyHttpApp(app: NestFastifyApplication): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}

/**
 * The HTTP conventions of api-contract.md that every app shares (the problem filter is a provider). Call before
 * `init()`: the hook and the JSON parser must be in place before Nest registers the routes.
 */
export function applyHttpConventions(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => headers(request.raw, reply.raw, () => done()));
  // A JSON body of nothing is an empty object (as Express's body parser had it): a POST without fields, sent with
  // the content type set, is not malformed. Everything else goes to Fastify's parser (which refuses `__proto__`).
  // Fastify's own errors before a route (413, 415) reach the problem filter as HttpExceptions (Nest maps them).
  // The nesting is measured on the text before it is parsed: nothing recursive ever sees a body that is too deep.
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) return done(null, {});
    if (jsonTextTooDeep(body as string)) return done(tooDeep());
    json(request, body as string, (error, value) =>
      error ? done(ProblemException.of(400, 'REQUEST.MALFORMED_JSON', 'the request body is not valid JSON')) : done(null, value),
    );
  });
  app.useGlobalPipes(validationPipe());
}

/** What a report route needs of the framework's reply to answer CSV or HTML: the request's Accept and a content type. */
export interface ReportReply {
  readonly request: { readonly headers: { readonly accept?: string } };
  type(contentType: string): unknown;
}

/** Content negotiation for the report routes: `Accept: text/csv` asks for CSV instead of JSON. */
export const wantsCsv = (reply: ReportReply): boolean => reply.request.headers.accept?.includes('text/csv') === true;

/**
 * helmet's security headers on every answer, and `Cache-Control: no-store` on the API's; on the raw Node request
 * and response, so the same function serves Fastify (an `onRequest` hook) and Express (the gateway's middleware),
 * and the headers reach answers written past the framework (server-sent events). The API answers only JSON and CSV,
 * so its content security policy allows nothing to load; the OpenAPI page at /docs (swagger-ui) needs its own
 * scripts and inline styles.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  const api = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  const docs = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"] },
    },
  });
  return (request, response, next) => {
    if (request.url?.startsWith('/docs')) return docs(request, response, next);
    // Nothing of the API is kept by a browser or proxy cache; the web app's files set their own caching (webApp).
    response.setHeader('Cache-Control', 'no-store');
    return api(request, response, next);
  };
}
