import { Stats, createReadStream, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { FastifyInstance } from 'fastify';
import { ACCESS_POLICY } from '@ips/access';
import { WebClient } from '../config';

/** apps/web's build, as `npm ci` (prepare) or `npm start` (prestart) leaves it. */
export const WEB_APP_DIR = path.resolve(__dirname, '../../../../apps/web/dist');

/** First path segments that belong to the API (and its docs): never answered with the web app. */
const API_SEGMENTS = new Set([...ACCESS_POLICY.map((row) => row.route.split(' ')[1]?.split('/')[1] ?? ''), 'auth', 'docs', 'docs-json']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The web app's own content security policy: its scripts and styles from here only, API calls to here and
 * to the identity providers it signs in with (their discovery, token and user-info endpoints).
 */
export function webAppPolicy(clients: readonly WebClient[]): string {
  const providers = [...new Set(clients.map((client) => new URL(client.issuer).origin))];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${providers.join(' ')}`.trim(),
    `form-action 'self' ${providers.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** A file of the web app to answer with, its size and time, and the headers to send with it. */
interface WebAppFile {
  readonly path: string;
  readonly stat: Stats;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The file's stat, if it is a file (one look at the file system). A path that can name no file is none either:
 * one with a NUL byte, one too long, one through a file (`/index.html/x`).
 */
const fileStat = (file: string): Stats | undefined => {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Which file of the single-page app answers a request at `/`: a file of the build when one matches (hashed assets
 * cached for a year), else index.html for a page address the app routes itself (`/participants/…`). None for API
 * paths and requests that do not ask for a page, so an unknown API route still answers 404 problem+json.
 */
function webAppFiles(clients: readonly WebClient[], dir: string): (request: IncomingMessage) => WebAppFile | undefined {
  const policy = webAppPolicy(clients);
  const index = path.join(dir, 'index.html');
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (API_SEGMENTS.has(pathname.split('/')[1] ?? '')) return undefined;
    let file: string;
    try {
      file = path.resolve(dir, `.${decodeURIComponent(pathname)}`);
    } catch {
      return undefined;
    }
    const asked = file.startsWith(dir + path.sep) ? fileStat(file) : undefined;
    const wantsPage = request.headers.accept?.includes('text/html') === true;
    const page = !asked && wantsPage ? fileStat(index) : undefined;
    const stat = asked ?? page;
    if (!stat) return undefined;
    const served = asked ? file : index;
    return {
      path: served,
      stat,
      headers: {
        'content-security-policy': policy,
        'cache-control': served.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
      },
    };
  };
}

/** The web app at `/` on the gateway's Express (see webAppFiles). */
export function webApp(clients: readonly WebClient[], dir: string = WEB_APP_DIR): (request: Request, response: Response, next: NextFunction) => void {
  const fileFor = webAppFiles(clients, dir);
  return (request, response, next) => {
    const file = fileFor(request);
    if (!file) return next();
    response.set(file.headers);
    response.sendFile(file.path);
  };
}

/**
 * The web app at `/` on a service's Fastify (see webAppFiles), answered before routing. Files are small and
 * few; `Last-Modified` lets a browser revalidate index.html (`no-cache`) without fetching it again.
 */
export function serveWebApp(fastify: FastifyInstance, clients: readonly WebClient[], dir: string = WEB_APP_DIR): void {
  const fileFor = webAppFiles(clients, dir);
  fastify.addHook('onRequest', (request, reply, done) => {
    const file = fileFor(request.raw);
    if (!file) return done();
    const { stat } = file;
    const modified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
    const since = Date.parse(request.headers['if-modified-since'] ?? '');
    reply.headers({ ...file.headers, 'last-modified': modified.toUTCString() });
    if (!Number.isNaN(since) && modified.getTime() <= since) return void reply.code(304).send();
    reply.header('content-length', stat.size);
    void reply.send(request.method === 'HEAD' ? '' : createReadStream(file.path));
  });
}
