import type { NestExpressApplication } from '@nestjs/platform-express';
import { validationPipe } from './validation';

/** Larger bodies are refused with 413 problem+json. */
export const BODY_LIMIT = '64kb';

/** The HTTP conventions of api-contract.md that every app shares (the problem filter is a provider). */
export function applyHttpConventions(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalPipes(validationPipe());
  app.disable('x-powered-by');
}

/** Content negotiation for the report routes: `Accept: text/csv` asks for CSV instead of JSON. */
export const wantsCsv = (response: { req: { headers: { accept?: string } } }): boolean =>
  response.req.headers.accept?.includes('text/csv') === true;
