import { PlatformHarness } from './testing/platform-harness';

type Schema = {
  $ref?: string;
  example?: unknown;
  examples?: unknown;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = { name: string; in: string; example?: unknown; schema?: Schema };
type Media = { schema?: Schema; example?: unknown; examples?: unknown };
type Operation = {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** Where a schema or one of its fields shows no example: the paths to them, empty when fully exemplified. */
function withoutExample(document: Document, schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema || schema.example !== undefined || schema.examples !== undefined) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    if (seen.has(name)) return [];
    return withoutExample(document, document.components.schemas[name], at, new Set([...seen, name]));
  }
  if (schema.type === 'array') return withoutExample(document, schema.items, `${at}[]`, seen);
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? [])];
  if (parts.length) return parts.flatMap((part) => withoutExample(document, part, at, seen));
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, field]) => withoutExample(document, field, `${at}.${name}`, seen));
  }
  return [at];
}

const operationsOf = (document: Document): [string, Operation][] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );

describe('the OpenAPI document at /docs-json', () => {
  let harness: PlatformHarness;
  let document: Document;

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    const response = await harness.http.get('/docs-json').expect(200);
    document = response.body as Document;
  });
  afterAll(() => harness.stop());

  it('holds every fixed route of api-contract.md', () => {
    const routes = operationsOf(document).map(([route]) => route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /welfare-office/referrals',
        'POST /welfare-office/participants/{id}/enrolment',
        'POST /welfare-office/participants/{id}/consents',
        'POST /welfare-office/participants/{id}/employer-contacts',
        'POST /mental-health/participants/{id}/relapse-flags',
        'POST /mental-health/participants/{id}/relapse-flags/{flagId}/clear',
        'POST /employer/employers',
        'POST /employer/placements',
        'POST /employer/contact-requests',
        'GET /employer/contact-requests/{requestId}',
        'POST /municipality/participants/{id}/services',
        'GET /team-view/participants/{id}',
        'GET /team-view/participants/{id}/timeline',
        'GET /team-view/participants/{id}/access-log',
        'GET /team-view/board',
        'GET /team-view/outcomes',
        'GET /team-view/fidelity',
      ]),
    );
  });

  it('gives every route a summary and a documented success answer', () => {
    const lacking = operationsOf(document)
      .filter(([, operation]) => !operation.summary || !Object.keys(operation.responses).some((status) => status.startsWith('2')))
      .map(([route]) => route);
    expect(lacking).toEqual([]);
  });

  it('shows an example for every request field, parameter and answer', () => {
    const lacking = operationsOf(document).flatMap(([route, operation]) => [
      ...(operation.parameters ?? [])
        .filter((parameter) => parameter.example === undefined && parameter.schema?.example === undefined)
        .map((parameter) => `${route} parameter ${parameter.name}`),
      ...Object.values(operation.requestBody?.content ?? {}).flatMap((media) =>
        media.example === undefined ? withoutExample(document, media.schema, `${route} body`) : [],
      ),
      ...Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, response]) =>
          Object.values(response.content ?? {}).flatMap((media) =>
            media.example === undefined ? withoutExample(document, media.schema, `${route} ${status}`) : [],
          ),
        ),
    ]);
    expect(lacking).toEqual([]);
  });
});
