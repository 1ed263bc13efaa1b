import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { validationPipe } from './validation';

/** Larger bodies are refused with 413 problem+json. */
export const BODY_LIMIT = '64kb';

/** The HTTP conventions of api-contract.md that every app shares (the problem filter is a provider). */
export function applyHttpConventions(app: NestExpressApplication): void {
  app.use(securityHeaders());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalPipes(validationPipe());
  app.disable('x-powered-by');
  // Answers are health data for one principal: never cached (securityHeaders), so an ETag would only cost a hash of
  // every body (~10 % of a small answer's time through Express).
  app.set('etag', false);
}

/** Content negotiation for the report routes: `Accept: text/csv` asks for CSV instead of JSON. */
export const wantsCsv = (response: { req: { headers: { accept?: string } } }): boolean =>
  response.req.headers.accept?.includes('text/csv') === true;

/**
 * helmet's security headers on every answer, and `Cache-Control: no-store` on the API's. The API answers only JSON
 * and CSV, so its content security policy allows nothing to load; the OpenAPI page at /docs (swagger-ui) needs its own scripts and inline styles.
 */
export function securityHeaders(): (request: Request, response: Response, next: NextFunction) => void {
  const api = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  const docs = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"] },
    },
  });
  return (request, response, next) => {
    if (request.path.startsWith('/docs')) return docs(request, response, next);
    // Nothing of the API is kept by a browser or proxy cache; the web app's files set their own caching (webApp).
    response.setHeader('Cache-Control', 'no-store');
    return api(request, response, next);
  };
}
