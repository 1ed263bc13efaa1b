import { EVENT_STORE, EventStore } from '@ips/event-store';
import { PlatformHarness } from './testing/platform-harness';

/** Distinctive enough that finding any of it in the log means a personal field leaked. */
const referral = { givenName: 'Zebedeus', familyName: 'Quackenbusch', birthDate: '1971-07-19', referredBy: 'DPS Lerkendal' };
const enrolment = { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' };

type Line = Record<string, unknown>;

/**
 * The logs an engineer on call reads (issue 24): one JSON line per request with its ids, who, the route's template,
 * status and problem code; never a token, a personal field, a body or a path with ids in it.
 */
describe('request logs of the embedded platform', () => {
  let harness: PlatformHarness;
  const output: string[] = [];
  const tokens: Record<string, string> = {};
  const lines = (): Line[] =>
    output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  const lineOf = async (requestId: string): Promise<Line> => {
    // The line is written as the answer finishes, which may be a moment after the client has read it.
    for (let tries = 0; tries < 50; tries++) {
      const found = lines().find((line) => line['requestId'] === requestId && 'status' in line);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no line for ${requestId}`);
  };
  let participantId: string;
  let referralRequestId: string;

  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { logLevel: 'info', logDestination: { write: (chunk: string) => void output.push(chunk) } });
    tokens['caseworker'] = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    tokens['clinician'] = await harness.token({ sub: 'cl-siri', agency: 'mental-health', role: 'clinician' });
    const referred = await harness.http
      .post('/welfare-office/referrals')
      .set({ Authorization: `Bearer ${tokens['caseworker']}` })
      .send(referral)
      .expect(201);
    participantId = referred.body.participantId as string;
    referralRequestId = referred.headers['x-request-id'] as string;
    await harness.http
      .post(`/welfare-office/participants/${participantId}/enrolment`)
      .set({ Authorization: `Bearer ${tokens['caseworker']}` })
      .send(enrolment)
      .expect(201);
  }, 60_000);
  afterAll(() => harness.stop());

  it('writes a failing command (409) as one line: request and correlation ids, service, agency, route template, status, code', async () => {
    // When the caseworker enrols the participant a second time, naming the request and the correlation
    const answer = await harness.http
      .post(`/welfare-office/participants/${participantId}/enrolment`)
      .set({ Authorization: `Bearer ${tokens['caseworker']}`, 'x-request-id': 'req-enrol-twice-1', 'x-correlation-id': 'corr-enrol-twice' })
      .send(enrolment)
      .expect(409);
    // then the answer echoes the request id
    expect(answer.headers['x-request-id']).toBe('req-enrol-twice-1');
    // and the log has one line for it, with everything the engineer on call needs to find it
    expect(lines().filter((line) => line['requestId'] === 'req-enrol-twice-1' && 'status' in line)).toHaveLength(1);
    expect(await lineOf('req-enrol-twice-1')).toMatchObject({
      level: 30,
      service: 'platform',
      requestId: 'req-enrol-twice-1',
      correlationId: 'corr-enrol-twice',
      agency: 'welfare-office',
      method: 'POST',
      route: '/welfare-office/participants/:id/enrolment',
      status: 409,
      code: 'PARTICIPANT.ALREADY_ENROLLED',
    });
  });

  it('writes a refused command (403) with the refused agency, and makes a request id of its own for one that is not a sane token', async () => {
    const answer = await harness.http
      .post('/welfare-office/referrals')
      .set({ Authorization: `Bearer ${tokens['clinician']}`, 'x-request-id': 'not a token; Zebedeus' })
      .send(referral)
      .expect(403);
    const requestId = answer.headers['x-request-id'] as string;
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await lineOf(requestId)).toMatchObject({
      service: 'platform',
      correlationId: requestId,
      agency: 'mental-health',
      route: '/welfare-office/referrals',
      status: 403,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('gives a command sent without a correlation id the request id as one: its events and its line meet', async () => {
    const line = await lineOf(referralRequestId);
    expect(line).toMatchObject({ route: '/welfare-office/referrals', status: 201, correlationId: referralRequestId });
    const events = await harness.platform.app.get<symbol, EventStore>(EVENT_STORE).readAll(0, 1_000);
    expect(events.some((event) => (event.metadata as { correlationId?: string }).correlationId === referralRequestId)).toBe(true);
  });

  it("writes Nest's own lines through pino too, its route listing only at debug", () => {
    expect(lines()).toContainEqual(
      expect.objectContaining({ level: 30, service: 'platform', context: 'NestApplication', msg: 'Nest application successfully started' }),
    );
    expect(lines().filter((line) => line['context'] === 'RouterExplorer')).toEqual([]);
  });

  it('never writes a token, a personal field, a body, a header or a path with an id', async () => {
    await lineOf('req-enrol-twice-1');
    const text = output.join('');
    for (const secret of [tokens['caseworker'], tokens['clinician'], 'Bearer', 'Zebedeus', 'Quackenbusch', '1971-07-19', 'DPS Lerkendal', participantId]) {
      expect(text).not.toContain(secret as string);
    }
    for (const line of lines()) {
      for (const key of ['req', 'res', 'body', 'headers', 'url', 'query', 'params']) expect(line).not.toHaveProperty(key);
    }
  });
});
