import http from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { MALFORMED_URL, ProblemException, ProblemFilter, answerClientError, pathDecodes, problemDetails, securityHeaders } from '@ips/http';
import { LogSettings, createLogger, logExpressRequests, nestLoggerOf } from '@ips/observability';
import { WebClient } from './config';
import { gatewayReadiness } from './health/gateway-readiness';
import { endStreamsOnClose } from './graceful-close';
import { webApp } from './web/web-app';
import { webConfigOf } from './web/web-config';
import { RunningService } from './compose';
import { DISTRIBUTED_SERVICES } from './distributed-services';

/** Which service answers which first path segment, e.g. `welfare-office` → http://127.0.0.1:3001. */
export type GatewayRoutes = Readonly<Record<string, string>>;

/**
 * Paths that a service other than the owner of their first segment answers: the figures across teams
 * (`/programme/outcomes`, `/programme/fidelity`) are computed where the projections are, in the team view, while the
 * programme service keeps `/programme/teams`. Keyed by path prefix (whole segments), valued by the service's name in
 * the routes.
 */
export const GATEWAY_PREFIXES: Readonly<Record<string, string>> = {
  'programme/outcomes': 'team-view',
  'programme/fidelity': 'team-view',
};

/** The base URL that answers `path` (`/programme/outcomes?…` has its query removed already): a prefix of the table, else the first segment's owner. */
export function gatewayTargetOf(routes: GatewayRoutes, path: string): string | undefined {
  return routes[serviceOf(path)];
}

/** The name of the service that answers `path`: a prefix of the table's (whole segments), else the first segment. */
function serviceOf(path: string): string {
  const segments = path.split('/').slice(1);
  const prefix = Object.keys(GATEWAY_PREFIXES).find((candidate) => candidate.split('/').every((part, index) => segments[index] === part));
  return prefix ? (GATEWAY_PREFIXES[prefix] as string) : (segments[0] ?? '');
}

const GATEWAY_OWN_ROUTES = ['/health', '/health/live', '/health/ready', '/auth/config', '/docs-json'];

/** What the gateway's log line names for a request: its own routes as they are, else `forward:<service>`, never the path. */
export function gatewayRouteOf(routes: GatewayRoutes, url: string): string | null {
  const path = url.split('?')[0] ?? '';
  if (GATEWAY_OWN_ROUTES.includes(path)) return path;
  return gatewayTargetOf(routes, path) ? `forward:${serviceOf(path)}` : null;
}

const problem = (response: Response, status: number, code: string, detail: string): void => {
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify(problemDetails(status, code, detail)));
};

/**
 * The request's path and query on the service: the target's origin always, whatever form the request target had
 * (an absolute `http://elsewhere/welfare-office/…` names its own host, which must never be where the gateway sends it).
 */
const upstreamUrl = (request: Request, target: string): URL => {
  const url = new URL(target);
  const query = request.originalUrl.indexOf('?');
  url.pathname = request.path;
  url.search = query === -1 ? '' : request.originalUrl.slice(query);
  return url;
};

function forward(request: Request, response: Response, target: string): void {
  const url = upstreamUrl(request, target);
  const upstream = http.request(url, { method: request.method, headers: { ...request.headers, host: url.host } }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  // A client that goes away (a closed page following a stream) must not leave the service's answer open.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  upstream.on('error', () => {
    if (!response.headersSent) problem(response, 503, 'SERVICE.UNAVAILABLE', `the ${serviceOf(request.path)} service does not answer`);
    else response.destroy();
  });
  request.pipe(upstream);
}

const getJson = (url: string): Promise<{ status: number; body: unknown }> =>
  new Promise((resolve, reject) => {
    http
      .get(url, (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (text += chunk));
        answer.on('end', () => {
          try {
            resolve({ status: answer.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
          } catch (error) {
            reject(error);
          }
        });
      })
      .on('error', reject);
  });

/** One OpenAPI document with every service's paths, waiting (bounded) for services that are still starting. */
async function mergedDocument(routes: GatewayRoutes, waitMs: number): Promise<OpenAPIObject> {
  const deadline = Date.now() + waitMs;
  const documents: OpenAPIObject[] = [];
  for (const target of new Set(Object.values(routes))) {
    for (;;) {
      const answer = await getJson(`${target}/docs-json`).catch(() => null);
      if (answer?.status === 200) {
        documents.push(answer.body as OpenAPIObject);
        break;
      }
      if (Date.now() > deadline) throw new Error(`${target} did not serve its OpenAPI document`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const [first] = documents;
  if (!first) throw new Error('the gateway has no services');
  return {
    ...first,
    info: { ...first.info, title: 'IPS team platform' },
    // Each service's own /metrics is scraped from the service itself; the gateway serves none.
    paths: Object.fromEntries(documents.flatMap((document) => Object.entries(document.paths)).filter(([path]) => path !== '/metrics')),
    components: {
      ...first.components,
      schemas: Object.assign({}, ...documents.map((document) => document.components?.schemas ?? {})),
    },
  };
}

/**
 * The distributed profile's front door: the same paths as the embedded platform, each forwarded to the
 * service that owns its first segment; /health is ready when every service is; /docs shows them all.
 */
export async function startGateway(
  routes: GatewayRoutes,
  port: number,
  options: { readonly waitMs?: number; readonly webClients?: readonly WebClient[]; readonly logging?: LogSettings } = {},
): Promise<RunningService> {
  const waitMs = options.waitMs ?? 60_000;
  const web = webConfigOf({ demoSignIn: false, webClients: options.webClients ?? [] });
  const document = await mergedDocument(routes, waitMs);
  const log = createLogger(options.logging ?? { service: 'gateway' });
  const app = await NestFactory.create<NestExpressApplication>({ module: class GatewayModule {} }, { bodyParser: false, logger: nestLoggerOf(log) });
  // One line per request, naming the service it went to, never the path (ids in paths identify people).
  app.use(logExpressRequests(log, (request) => gatewayRouteOf(routes, request.url ?? '')));
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.useGlobalFilters(new ProblemFilter());
  // As the services' router refuses it (400 REQUEST.MALFORMED_URL), before any path is read here.
  app.use((request: Request, _response: Response, next: NextFunction) =>
    pathDecodes(request.originalUrl) ? next() : next(new ProblemException(MALFORMED_URL)),
  );
  // Its own liveness; ready (`/health`, `/health/ready`) while every service is, `/health/ready` listing each one.
  const express = app.getHttpAdapter().getInstance();
  express.get('/health/live', (_request: Request, response: Response) => void response.json({ status: 'ok' }));
  express.get(['/health', '/health/ready'], async (request: Request, response: Response) => {
    const readiness = await gatewayReadiness(routes, getJson);
    const listing = request.path === '/health' ? {} : { services: readiness.services };
    if (readiness.status === 'ok') response.json({ status: 'ok', ...listing });
    else {
      const down = readiness.services.filter((service) => service.status === 'down').map((service) => service.name);
      const body = { ...problemDetails(503, 'HEALTH.SERVICE_UNAVAILABLE', `not ready: ${down.join(', ')}`), services: readiness.services };
      response.status(503).type('application/problem+json').send(JSON.stringify(body));
    }
  });
  // The web app and how it signs in (OpenID Connect only: the demo sign-in is the embedded platform's alone).
  app.use('/auth/config', (request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && request.path === '/' ? response.json(web) : next(),
  );
  app.use(webApp(web.oidc));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const target = gatewayTargetOf(routes, request.path);
    if (target) forward(request, response, target);
    else next();
  });
  SwaggerModule.setup('docs', app, document);
  endStreamsOnClose(app.getHttpServer());
  // What Node's HTTP parser refuses (a NUL or raw non-ASCII byte in the path) is problem+json as on the services.
  app.getHttpServer().on('clientError', answerClientError);
  await app.listen(port);
  const address = app.getHttpServer().address() as { port: number };
  new Logger('gateway').log(
    `routes: ${Object.entries(routes)
      .map(([prefix, target]) => `/${prefix} → ${target}`)
      .join(', ')}`,
  );
  return { app, url: `http://127.0.0.1:${address.port}`, settled: async () => undefined, close: () => app.close() };
}

/** The services' base URLs from `WELFARE_OFFICE_URL`, `MENTAL_HEALTH_URL`, `EMPLOYER_URL`, `MUNICIPALITY_URL`, `PROGRAMME_URL`, `TEAM_VIEW_URL`. */
export function gatewayRoutesFromEnv(env: NodeJS.ProcessEnv): GatewayRoutes {
  return Object.fromEntries(
    DISTRIBUTED_SERVICES.map((service) => {
      const variable = `${service.toUpperCase().replace(/-/g, '_')}_URL`;
      const url = env[variable];
      if (!url) throw new Error(`${variable} is not set: the gateway needs every service's URL`);
      return [service, url];
    }),
  );
}
