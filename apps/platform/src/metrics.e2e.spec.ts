import { PlatformHarness } from './testing/platform-harness';

const referral = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };
const enrolment = { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The value of one series in a text exposition (labels in the order prom-client writes them), or undefined. */
const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics on the embedded platform', () => {
  let harness: PlatformHarness;
  let caseworker: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    caseworker = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => harness.stop());

  it('counts commands by type and outcome, requests by route template (never an id), and reads the outbox, consumers and contact line', async () => {
    const { body } = await harness.http.post('/welfare-office/referrals').set(auth(caseworker)).send(referral).expect(201);
    const enrol = `/welfare-office/participants/${body.participantId as string}/enrolment`;
    await harness.http.post(enrol).set(auth(caseworker)).send(enrolment).expect(201);
    await harness.http.post(enrol).set(auth(caseworker)).send(enrolment).expect(409);
    await harness.http.post(enrol).send(enrolment).expect(401);
    await harness.http
      .get(`/no-such-route/${body.participantId as string}`)
      .set(auth(caseworker))
      .expect(404);
    await harness.platform.settled();

    const answer = await harness.http.get('/metrics').expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.text;
    expect(valueOf(text, 'ips_commands_total{type="ReferParticipant",outcome="ok",kind="",service="platform"}')).toBe(1);
    expect(valueOf(text, 'ips_commands_total{type="EnrolParticipant",outcome="ok",kind="",service="platform"}')).toBe(1);
    expect(valueOf(text, 'ips_commands_total{type="EnrolParticipant",outcome="refused",kind="conflict",service="platform"}')).toBe(1);
    const route = 'route="/welfare-office/participants/:id/enrolment",method="POST"';
    expect(valueOf(text, `ips_http_requests_total{${route},status="201",service="platform"}`)).toBe(1);
    expect(valueOf(text, `ips_http_requests_total{${route},status="409",service="platform"}`)).toBe(1);
    expect(valueOf(text, `ips_http_requests_total{${route},status="401",service="platform"}`)).toBe(1);
    expect(valueOf(text, 'ips_http_requests_total{route="(unmatched)",method="GET",status="404",service="platform"}')).toBe(1);
    expect(text.split('\n').filter((line) => line.startsWith('ips_') && UUID.test(line))).toEqual([]);
    expect(valueOf(text, 'ips_event_store_appended_events_total{service="platform"}')).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'ips_event_store_append_batch_size_count{service="platform"}')).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'ips_outbox_messages_waiting{service="platform"}')).toBe(0);
    expect(valueOf(text, 'ips_outbox_oldest_age_seconds{service="platform"}')).toBe(0);
    expect(valueOf(text, 'ips_consumer_stopped{consumer="team-view",service="platform"}')).toBe(0);
    expect(valueOf(text, 'ips_consumer_state{consumer="team-view",state="following",service="platform"}')).toBe(1);
    expect(valueOf(text, 'ips_contact_line_requests{state="open",service="platform"}')).toBe(0);
    expect(valueOf(text, 'ips_db_connections{engine="pglite",state="total",service="platform"}')).toBe(1);
    for (const source of ['outbox', 'consumers', 'dead_letters', 'contact_line']) {
      expect(valueOf(text, `ips_metrics_source_up{source="${source}",service="platform"}`)).toBe(1);
    }
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="platform"\} /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="platform"\} /m);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let harness: PlatformHarness;
  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { metrics: { enabled: true, token: 'scraper-token-0123456789' } });
  });
  afterAll(() => harness.stop());

  it('answers only the token, and 401 problem+json to anyone else, API tokens too', async () => {
    await harness.http.get('/metrics').set('Authorization', 'Bearer scraper-token-0123456789').expect(200);
    const refused = await harness.http.get('/metrics').expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('METRICS.TOKEN_INVALID');
    const staff = await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    await harness.http.get('/metrics').set('Authorization', `Bearer ${staff}`).expect(401);
  });
});

describe('METRICS=off', () => {
  let harness: PlatformHarness;
  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { metrics: { enabled: false } });
  });
  afterAll(() => harness.stop());

  it('mounts no /metrics and still serves the API', async () => {
    await harness.http.get('/metrics').expect(404);
    await harness.http.get('/health').expect(200);
  });
});
