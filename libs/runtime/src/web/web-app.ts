import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { ACCESS_POLICY } from '@ips/access';
import { WebClient } from '../config';

/** apps/web's build, as `npm ci` (prepare) or `npm start` (prestart) leaves it. */
export const WEB_APP_DIR = path.resolve(__dirname, '../../../../apps/web/dist');

/** First path segments that belong to the API (and its docs): never answered with the web app. */
const API_SEGMENTS = new Set([
  ...ACCESS_POLICY.map((row) => row.route.split(' ')[1]?.split('/')[1] ?? ''),
  'auth',
  'docs',
  'docs-json',
]);

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

/**
 * Serves the single-page app at `/`: a file of the build when one matches (hashed assets cached for a year),
 * else index.html for a page address the app routes itself (`/participants/…`). API paths, and requests that
 * do not ask for a page, go on to the API, so an unknown API route still answers 404 problem+json.
 */
export function webApp(clients: readonly WebClient[], dir: string = WEB_APP_DIR): (request: Request, response: Response, next: NextFunction) => void {
  const policy = webAppPolicy(clients);
  const index = path.join(dir, 'index.html');
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (API_SEGMENTS.has(request.path.split('/')[1] ?? '')) return next();
    let file: string;
    try {
      file = path.resolve(dir, `.${decodeURIComponent(request.path)}`);
    } catch {
      return next();
    }
    const isFile = file.startsWith(dir + path.sep) && existsSync(file) && statSync(file).isFile();
    const wantsPage = request.headers.accept?.includes('text/html') === true;
    if (!isFile && !(wantsPage && existsSync(index))) return next();
    const served = isFile ? file : index;
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('Cache-Control', served.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.type(CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream');
    response.sendFile(served);
  };
}
