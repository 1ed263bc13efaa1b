import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { completeOpenApiDocument } from './openapi-answers';

const uuid = { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' as const, format: 'uuid' } };

const documentWith = (paths: OpenAPIObject['paths']): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  servers: [],
  paths,
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: {} },
});

const body = { content: { 'application/json': { schema: { type: 'object' as const } } } };

const operation = (document: OpenAPIObject, path: string, method: string): OperationObject =>
  (document.paths[path] as Record<string, OperationObject>)[method] as OperationObject;

const answer = (op: OperationObject, status: string): ResponseObject => op.responses[status] as ResponseObject;

describe('completeOpenApiDocument', () => {
  it('gives a write with a participant id and a body every answer of the rule, as Problems with examples', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/welfare-office/participants/{id}/enrolment': {
          post: { parameters: [uuid], requestBody: body, responses: { '201': { description: 'enrolled' } }, security: [{ bearer: [] }] },
        },
      }),
    );
    const enrol = operation(document, '/welfare-office/participants/{id}/enrolment', 'post');
    expect(Object.keys(enrol.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422', '429']);
    for (const status of ['400', '401', '403', '404', '409', '413', '415', '422', '429']) {
      const media = answer(enrol, status).content?.['application/problem+json'];
      expect(media?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      expect(media?.example ?? media?.examples).toBeDefined();
    }
    expect(answer(enrol, '404').content?.['application/problem+json']?.example).toMatchObject({ status: 404, code: 'PARTICIPANT.NOT_FOUND' });
    expect(answer(enrol, '429').headers).toHaveProperty('Retry-After');
    expect(document.components?.schemas).toHaveProperty('Problem');
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.info.license).toEqual({ name: 'Proprietary' });
  });

  it("keeps a route's own words and example, and adds what the edge or the guard also answers", () => {
    const own = { type: 'urn:ips:problem:PLACEMENT.ENDED', title: 'Conflict', status: 409, detail: 'the placement has ended', code: 'PLACEMENT.ENDED' };
    const document = completeOpenApiDocument(
      documentWith({
        '/welfare-office/participants/{id}/discharge': {
          post: {
            parameters: [uuid],
            requestBody: body,
            responses: {
              '201': { description: 'discharged' },
              '403': { description: 'FIDELITY_REVIEW.NOT_A_REVIEWER' },
              '404': { description: 'PARTICIPANT.NOT_FOUND: no referral with this id' },
              '409': { description: 'PLACEMENT.ENDED', content: { 'application/problem+json': { example: own } } },
            },
          },
        },
      }),
    );
    const discharge = operation(document, '/welfare-office/participants/{id}/discharge', 'post');
    expect(answer(discharge, '404').description).toBe('PARTICIPANT.NOT_FOUND: no referral with this id');
    expect(answer(discharge, '404').content?.['application/problem+json']?.example).toMatchObject({
      code: 'PARTICIPANT.NOT_FOUND',
      detail: 'no referral with this id',
    });
    expect(answer(discharge, '409').content?.['application/problem+json']?.example).toEqual(own);
    expect(answer(discharge, '409').description).toMatch(/^PLACEMENT\.ENDED\n\nSTREAM\.CONCURRENT_WRITE/);
    expect(answer(discharge, '403').description).toMatch(/^FIDELITY_REVIEW\.NOT_A_REVIEWER\n\nAUTH\.FORBIDDEN/);
    expect(answer(discharge, '403').content?.['application/problem+json']?.example).toMatchObject({
      code: 'FIDELITY_REVIEW.NOT_A_REVIEWER',
      detail: 'you may not do this',
    });
  });

  it('marks the public routes of the access policy and asks nothing of them that needs a token', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/health': { get: { responses: { '200': { description: 'ready' }, '503': { description: 'HEALTH.DATABASE_UNAVAILABLE' } } } },
        '/auth/demo-sign-in': { post: { requestBody: body, responses: { '200': { description: 'a token' } } } },
      }),
    );
    const health = operation(document, '/health', 'get');
    expect(health.security).toEqual([]);
    expect(Object.keys(health.responses)).toEqual(['200', '503']);
    expect(answer(health, '503').content?.['application/problem+json']?.example).toMatchObject({ status: 503, code: 'HEALTH.DATABASE_UNAVAILABLE' });
    const signIn = operation(document, '/auth/demo-sign-in', 'post');
    expect(signIn.security).toEqual([]);
    expect(Object.keys(signIn.responses)).toEqual(['200', '400', '413', '415']);
  });

  it('gives no 404 for the id a PUT creates, and reads without input no 400', () => {
    const teamId = { ...uuid, name: 'teamId' };
    const document = completeOpenApiDocument(
      documentWith({
        '/employer/on-call/teams/{teamId}': { put: { parameters: [teamId], requestBody: body, responses: { '200': { description: 'defined' } } } },
        '/team-view/employer-placements': { get: { responses: { '200': { description: 'placements' } } } },
      }),
    );
    expect(Object.keys(operation(document, '/employer/on-call/teams/{teamId}', 'put').responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '422',
      '429',
    ]);
    expect(Object.keys(operation(document, '/team-view/employer-placements', 'get').responses)).toEqual(['200', '401', '403', '429']);
    expect(operation(document, '/team-view/employer-placements', 'get').security).toEqual([{ bearer: [] }]);
  });
});
