import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyHttpConventions, httpAdapter, readyHttpApp } from '@ips/http';
import {
  LogSettings,
  ServiceMetrics,
  continueServerSpan,
  countHttpRequests,
  createLogger,
  logFastifyRequests,
  nameServerSpan,
  nestLoggerOf,
  traceHttpServer,
} from '@ips/observability';
import { WebClient } from './config';
import { endStreamsOnClose } from './graceful-close';
import { completeOpenApiDocument } from './openapi-answers';
import { serveWebApp } from './web/web-app';

const DESCRIPTION =
  'One IPS team across the welfare office, mental health, employers and the municipality. ' +
  'Every route needs Authorization: Bearer <JWT> but those marked as needing no authorization (GET /health, GET /metrics, and the ' +
  "embedded platform's sign-in routes under /auth); errors are application/problem+json. Proprietary: all rights reserved.";

/** The document served at /docs-json: what the controllers declare, completed with every operation's error answers. */
export function openApiDocument(app: INestApplication, title: string): OpenAPIObject {
  return completeOpenApiDocument(
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(title).setDescription(DESCRIPTION).setVersion('1').addBearerAuth().build()),
  );
}

/** Applies the HTTP conventions of api-contract.md and serves the OpenAPI document at /docs (JSON at /docs-json). */
export function configureHttp(app: NestFastifyApplication, title: string): void {
  applyHttpConventions(app);
  SwaggerModule.setup('docs', app, openApiDocument(app, title));
}

export interface RunningHttpApp {
  readonly app: INestApplication;
  readonly url: string;
}

/** `web`: also serve the web app at `/` (the embedded platform; the distributed profile's gateway does it there). */
export async function startHttpApp(
  module: DynamicModule,
  port: number,
  title: string,
  options: { readonly web?: { readonly clients: readonly WebClient[] }; readonly metrics?: ServiceMetrics; readonly logging?: LogSettings } = {},
): Promise<RunningHttpApp> {
  // JSON lines through pino (nestjs-pino): Nest's own `Logger` lines and one line per request (libs/observability).
  const log = createLogger(options.logging ?? { service: title });
  const app = await NestFactory.create<NestFastifyApplication>(module, httpAdapter(), { bodyParser: false, logger: nestLoggerOf(log) });
  logFastifyRequests(app.getHttpAdapter().getInstance(), log);
  configureHttp(app, title);
  if (options.metrics) countHttpRequests(app.getHttpAdapter().getInstance(), options.metrics);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, _reply, done) => {
    nameServerSpan(request.method, request.routeOptions.url);
    done();
  });
  // The body arrived in the socket's context: the guards, the handler and its command continue in the request's span.
  fastify.addHook('preHandler', (request, _reply, done) => continueServerSpan(request.raw, done));
  if (options.web) serveWebApp(app.getHttpAdapter().getInstance(), options.web.clients);
  await readyHttpApp(app);
  const server = app.getHttpServer();
  traceHttpServer(server);
  endStreamsOnClose(server);
  // Node's own default address (all interfaces, IPv6 where there is one), as before on Express; Fastify's listen()
  // would default to localhost, which a container's port mapping cannot reach.
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, () => resolve()));
  const address = server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}
