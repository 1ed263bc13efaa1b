import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithKafka } from '@ips/messaging/testing';
import { contactLineWorld } from './testing/contact-line-world';
import { DistributedHarness } from './testing/distributed-harness';
import { PlatformHarness } from './testing/platform-harness';
import { RunningPrometheus, describeWithPrometheus } from './testing/prometheus';

const TOKEN = 'prometheus-scrape-token-0123';
const enrolment = { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' };

/**
 * Debian's Prometheus scrapes the embedded platform every second (with METRICS_TOKEN, as a deployment would), and
 * the figures are read back through its query API: what an engineer on call and the alert rules see.
 */
describeWithPrometheus('the platform as Prometheus scrapes it', () => {
  let harness: PlatformHarness;
  let prometheus: RunningPrometheus;
  let world: Awaited<ReturnType<typeof contactLineWorld>>;

  beforeAll(async () => {
    harness = await PlatformHarness.start(undefined, { metrics: { enabled: true, token: TOKEN } });
    prometheus = await RunningPrometheus.start([{ target: new URL(harness.platform.url).host, bearerToken: TOKEN }]);
    world = await contactLineWorld(harness);
    // A second enrolment of the same participant is refused (409 PARTICIPANT.ALREADY_ENROLLED).
    await world.post(`/welfare-office/participants/${world.participantId}/enrolment`, enrolment, 'caseworker').expect(409);
    await harness.http.post(`/welfare-office/participants/${world.participantId}/enrolment`).send(enrolment).expect(401);
    await harness.platform.settled();
  });

  afterAll(async () => {
    await prometheus?.stop();
    await harness?.stop();
  });

  const one = (promql: string, accept: (value: number) => boolean = (value) => value >= 0) => prometheus.valueOnce(promql, accept);

  it('scrapes the platform with its token', async () => {
    expect(await one('up{job="ips-0"}', (value) => value === 1)).toBe(1);
  });

  it('counts commands by type and outcome', async () => {
    expect(await one('sum(ips_commands_total{service="platform",type="ReferParticipant",outcome="ok"})', (value) => value === 1)).toBe(1);
    expect(await one('sum(ips_commands_total{type="EnrolParticipant",outcome="refused",kind="conflict"})', (value) => value === 1)).toBe(1);
    expect(await one('sum(ips_commands_total{type="StartPlacement",outcome="ok"})', (value) => value === 1)).toBe(1);
    expect(await one('sum(ips_command_conflicts_total) or vector(0)', (value) => value === 0)).toBe(0);
  });

  it('counts HTTP requests by route template, never by a participant id', async () => {
    const route = 'route="/welfare-office/participants/:id/enrolment",method="POST"';
    expect(await one(`sum(ips_http_requests_total{${route},status="201"})`, (value) => value === 1)).toBe(1);
    expect(await one(`sum(ips_http_requests_total{${route},status="409"})`, (value) => value === 1)).toBe(1);
    expect(await one(`sum(ips_http_requests_total{${route},status="401"})`, (value) => value === 1)).toBe(1);
    expect(await prometheus.query(`ips_http_requests_total{route=~".*${world.participantId}.*"}`)).toEqual([]);
    expect(await one(`sum(ips_http_request_duration_seconds_count{${route}})`, (value) => value === 3)).toBe(3);
  });

  it('reads the outbox, the consumers, the dead letters and the database at each scrape', async () => {
    expect(await one('ips_outbox_messages_waiting{service="platform"}', (value) => value === 0)).toBe(0);
    expect(await one('ips_outbox_oldest_age_seconds{service="platform"}', (value) => value === 0)).toBe(0);
    // The team directory follows the store: its lag is known. The team view's in-process bus cannot say where it ends.
    expect(await one('ips_consumer_lag_events{consumer="team-directory"}', (value) => value === 0)).toBe(0);
    expect(await one('ips_consumer_lag_seconds{consumer="team-directory"}', (value) => value === 0)).toBe(0);
    expect(await one('ips_consumer_state{consumer="team-view",state="following"}', (value) => value === 1)).toBe(1);
    expect(await prometheus.query('ips_consumer_lag_events{consumer="team-view"}')).toEqual([]);
    expect(await one('max(ips_consumer_stopped)', (value) => value === 0)).toBe(0);
    expect(await one('sum(ips_dead_letters) or vector(0)', (value) => value === 0)).toBe(0);
    expect(await one('ips_db_connections{engine="pglite",state="total"}', (value) => value === 1)).toBe(1);
    expect(await one('sum(ips_event_store_append_batch_size_count)', (value) => value >= 5)).toBeGreaterThanOrEqual(5);
    expect(await one('min(ips_metrics_source_up)', (value) => value === 1)).toBe(1);
    expect(await one('process_resident_memory_bytes{service="platform"}', (value) => value > 0)).toBeGreaterThan(0);
  });

  it('answers every query of the Grafana dashboard (deploy/grafana/ips-platform.json), with data wherever there is any', async () => {
    const dashboard = JSON.parse(readFileSync(path.resolve(__dirname, '../../../deploy/grafana/ips-platform.json'), 'utf8')) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    // A few scrapes, so that rates have two samples to go by.
    await one('count_over_time(up{job="ips-0"}[1m])', (value) => value >= 3);
    const queries = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
    expect(queries.length).toBeGreaterThan(20);
    const empty: string[] = [];
    for (const { panel, expr } of queries) {
      const promql = expr.replaceAll('$__rate_interval', '1m').replaceAll('$service', '.*');
      if ((await prometheus.query(promql)).length === 0) empty.push(panel);
    }
    // Empty only where nothing happened: no concurrent writes, no dead letters, no figure that failed to be read.
    expect(empty).toEqual(['Concurrent writes (retries)', 'Dead letters stored', 'Scrape-time reads failing']);
  });

  it('shows the 24/7 line: a request open, then overdue and escalated once nobody took it in time', async () => {
    await world.submitAt('2026-03-02T17:00:00+01:00');
    expect(await one('ips_contact_line_requests{state="open"}', (value) => value === 1)).toBe(1);
    expect(await one('ips_contact_line_requests{state="overdue"}', (value) => value === 0)).toBe(0);
    await world.tickAt('2026-03-02T17:16:00+01:00');
    expect(await one('ips_contact_line_requests{state="escalated"}', (value) => value === 1)).toBe(1);
    expect(await one('ips_contact_line_requests{state="overdue"}', (value) => value === 1)).toBe(1);
  });
});

describeWithKafka(
  'the distributed profile as Prometheus scrapes it',
  () => {
    describeWithPrometheus('each service on its own /metrics', () => {
      jest.setTimeout(180_000);
      let harness: DistributedHarness;
      let prometheus: RunningPrometheus;
      const one = (promql: string, accept: (value: number) => boolean) => prometheus.valueOnce(promql, accept, 30_000);

      beforeAll(async () => {
        harness = await DistributedHarness.start();
        const targets = [...harness.platform.services.values()].map((service) => ({ target: new URL(service.url).host }));
        prometheus = await RunningPrometheus.start(targets);
        const caseworker = { Authorization: `Bearer ${await harness.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' })}` };
        const referral = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' };
        const { body } = await harness.http.post('/welfare-office/referrals').set(caseworker).send(referral).expect(201);
        await harness.http
          .post(`/welfare-office/participants/${body.participantId as string}/enrolment`)
          .set(caseworker)
          .send(enrolment)
          .expect(201);
        await harness.platform.settled();
      });

      afterAll(async () => {
        await prometheus?.stop();
        await harness?.stop();
      });

      it('labels every figure with the service that counted it', async () => {
        const services = harness.platform.services.size;
        expect(await one('count(up == 1)', (value) => value === services)).toBe(services);
        expect(await one('count(count by (service) (ips_http_requests_total))', (value) => value === services)).toBe(services);
        expect(await one('sum(ips_commands_total{service="welfare-office",type="ReferParticipant",outcome="ok"})', (value) => value === 1)).toBe(1);
        expect(await one('ips_outbox_messages_waiting{service="welfare-office"}', (value) => value === 0)).toBe(0);
        expect(await one('ips_db_connections{service="team-view",engine="postgres",state="total"}', (value) => value >= 1)).toBeGreaterThanOrEqual(1);
        expect(await one('count(ips_contact_line_requests{state="open"})', (value) => value === 1)).toBe(1);
        expect(await one('count(ips_contact_line_requests{service="employer",state="open"})', (value) => value === 1)).toBe(1);
      });

      it("reads the team view's consumer lag from Kafka, in messages and seconds", async () => {
        expect(await one('ips_consumer_lag_events{service="team-view",consumer="team-view"}', (value) => value === 0)).toBe(0);
        expect(await one('ips_consumer_lag_seconds{service="team-view",consumer="team-view"}', (value) => value === 0)).toBe(0);
        expect(await one('max(ips_consumer_stopped)', (value) => value === 0)).toBe(0);
      });
    });
  },
  { databaseServer: true },
);
