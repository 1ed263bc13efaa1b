import Fastify, { FastifyInstance } from 'fastify';
import { createLogger } from './logging';
import { logFastifyRequests, problemCodeOf } from './logging-http';
import { nestLoggerOf } from './logging-nest';

type Line = Record<string, unknown>;

describe('request lines (Fastify)', () => {
  let app: FastifyInstance;
  const output: string[] = [];
  const lines = (): Line[] =>
    output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  const lineOf = async (requestId: string): Promise<Line | undefined> => {
    for (let tries = 0; tries < 50 && !lines().some((line) => line['requestId'] === requestId); tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return lines().find((line) => line['requestId'] === requestId);
  };

  beforeAll(async () => {
    app = Fastify();
    const root = createLogger({ service: 'welfare-office', level: 'info', destination: { write: (chunk: string) => void output.push(chunk) } });
    logFastifyRequests(app, root);
    const nest = nestLoggerOf(root);
    app.addHook('preHandler', async (request) => {
      (request as unknown as { principal: { agency: string } }).principal = { agency: 'welfare-office' };
    });
    app.post('/welfare-office/participants/:id/enrolment', async (_request, reply) =>
      reply
        .code(409)
        .type('application/problem+json')
        .send(JSON.stringify({ status: 409, code: 'PARTICIPANT.ALREADY_ENROLLED', detail: 'Kari Nordmann' })),
    );
    app.get('/crash/:id', async () => {
      throw new Error('the database went away');
    });
    app.get('/health/ready', async () => ({ status: 'ok' }));
    app.get('/inside', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      nest.warn('a reaction was refused', 'reactions');
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('writes the route template, status, code, agency and ids of a refused command, and nothing of the path or body', async () => {
    const answer = await app.inject({
      method: 'POST',
      url: '/welfare-office/participants/0190a6f0-0000-7000-8000-00000000e001/enrolment?name=Kari',
      headers: { 'x-request-id': 'r-1', 'x-correlation-id': 'c-1', authorization: 'Bearer secret-token', 'content-type': 'application/json' },
      payload: { givenName: 'Kari' },
    });
    expect(answer.headers['x-request-id']).toBe('r-1');
    expect(await lineOf('r-1')).toEqual({
      level: 30,
      time: expect.any(String),
      service: 'welfare-office',
      requestId: 'r-1',
      correlationId: 'c-1',
      agency: 'welfare-office',
      method: 'POST',
      route: '/welfare-office/participants/:id/enrolment',
      status: 409,
      code: 'PARTICIPANT.ALREADY_ENROLLED',
      responseTime: expect.any(Number),
      msg: 'POST /welfare-office/participants/:id/enrolment 409',
    });
    expect(output.join('')).not.toMatch(/Kari|secret-token|0190a6f0/);
  });

  it('writes a crash at error level, with its status and template', async () => {
    const answer = await app.inject({ method: 'GET', url: '/crash/0190a6f0-0000-7000-8000-00000000e001', headers: { 'x-request-id': 'r-2' } });
    expect(answer.statusCode).toBe(500);
    expect(await lineOf('r-2')).toMatchObject({ level: 50, route: '/crash/:id', status: 500, correlationId: 'r-2' });
  });

  it('leaves probes out, and makes a request id for a header that is not a sane token', async () => {
    await app.inject({ method: 'GET', url: '/health/ready', headers: { 'x-request-id': 'r-3' } });
    const answer = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'a b'.repeat(3) } });
    const requestId = answer.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lineOf(requestId)).toMatchObject({ route: null, status: 404 });
    expect(lines().some((line) => line['requestId'] === 'r-3')).toBe(false);
  });

  it("gives Nest's lines written while handling a request its ids and the caller's agency", async () => {
    await app.inject({ method: 'GET', url: '/inside', headers: { 'x-request-id': 'r-4', 'x-correlation-id': 'c-4' } });
    await lineOf('r-4');
    expect(lines().find((line) => line['context'] === 'reactions')).toEqual({
      level: 40,
      time: expect.any(String),
      service: 'welfare-office',
      requestId: 'r-4',
      correlationId: 'c-4',
      agency: 'welfare-office',
      context: 'reactions',
      msg: 'a reaction was refused',
    });
  });

  it('reads a problem code only from a problem+json body that has a well-formed one', () => {
    expect(problemCodeOf('{"code":"AUTH.FORBIDDEN"}')).toBe('AUTH.FORBIDDEN');
    expect(problemCodeOf('{"code":"Kari Nordmann"}')).toBeUndefined();
    expect(problemCodeOf('not json')).toBeUndefined();
    expect(problemCodeOf(Buffer.from('{"code":"X"}'))).toBeUndefined();
  });
});
