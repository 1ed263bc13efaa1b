import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describeWithKafka } from '@ips/messaging/testing';
import { startTracing, stopTracing } from '@ips/observability';
import { serviceDatabaseUrl } from '@ips/runtime';
import { Client } from 'pg';
import { DistributedHarness } from './testing/distributed-harness';

const until = async <T>(find: () => T | undefined, what: () => string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what()} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const traced = (spans: readonly ReadableSpan[]): string =>
  spans
    .map((span) => `${span.name} [${span.spanContext().traceId.slice(0, 8)} ${span.spanContext().spanId} < ${span.parentSpanContext?.spanId ?? '-'}]`)
    .join(', ');

/**
 * Decision 41 (traces): one command is one trace, from the HTTP request through the command, the append (whose context
 * is stored with the outbox message), the relay's publish, Kafka (a `traceparent` header) and the team view's projection.
 * Every service runs in this process, so they share the in-memory exporter.
 */
describeWithKafka(
  'traces in the distributed profile',
  () => {
    jest.setTimeout(180_000);
    const exporter = new InMemorySpanExporter();
    let harness: DistributedHarness;
    let token: string;

    beforeAll(async () => {
      startTracing({ enabled: true }, 'ips-test', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
      harness = await DistributedHarness.start();
      token = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    });
    /** The trace context stored with the welfare office's latest outbox message. */
    const lastOutboxTraceparent = async (): Promise<string | null> => {
      const client = new Client({ connectionString: serviceDatabaseUrl(harness.config.databaseUrl, 'welfare-office', harness.databaseSuffix) });
      await client.connect();
      try {
        const { rows } = await client.query<{ trace_parent: string | null }>('select trace_parent from es_outbox order by position desc limit 1');
        return rows[0]?.trace_parent ?? null;
      } finally {
        await client.end();
      }
    };

    afterAll(async () => {
      await harness?.stop();
      await stopTracing();
    });

    it("given a caller's traceparent, when a referral is posted, then the request, command, append, publish and the team view's projection are one trace, parent to child across Kafka", async () => {
      await harness.platform.settled();
      exporter.reset();
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const callerSpanId = '00f067aa0ba902b7';
      await harness.http
        .post('/welfare-office/referrals')
        .set({ Authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${callerSpanId}-01` })
        .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' })
        .expect(201);
      await harness.platform.settled();

      const inTrace = (): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
      const projection = await until(
        () =>
          inTrace().find(
            (span) =>
              span.kind === SpanKind.CONSUMER &&
              span.attributes['messaging.consumer.group.name'] === 'team-view' &&
              String(span.attributes['ips.message.type']).startsWith('ParticipantReferred.v'),
          ),
        () => `team view's span of ParticipantReferred in trace ${traceId}; traced: ${traced(exporter.getFinishedSpans())}`,
      );
      const spans = inTrace();
      const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));

      const publish = byId.get(parentOf(projection) ?? '') as ReadableSpan;
      expect(publish).toMatchObject({ name: `publish ${String(projection.attributes['ips.message.type'])}`, kind: SpanKind.PRODUCER });
      expect(projection.parentSpanContext?.isRemote).toBe(true);

      const append = byId.get(parentOf(publish) ?? '') as ReadableSpan;
      expect(append).toMatchObject({ name: 'event-store append', kind: SpanKind.CLIENT });
      expect(append.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'ips.stream.category': expect.stringMatching(/^welfare-office\./) });

      // Stored with the outbox message in the append's transaction: a relay that starts later, elsewhere, continues it.
      expect(await lastOutboxTraceparent()).toBe(`00-${traceId}-${append.spanContext().spanId}-01`);

      const command = byId.get(parentOf(append) ?? '') as ReadableSpan;
      expect(command).toMatchObject({ name: 'command ReferParticipant' });
      expect(command.attributes).toMatchObject({ 'ips.command.type': 'ReferParticipant', 'ips.command.outcome': 'accepted' });

      // The command span's parent is the welfare office's server span (Nest's guards and pipes run between, untraced).
      const server = byId.get(parentOf(command) ?? '') as ReadableSpan;
      expect(server).toMatchObject({ name: 'POST /welfare-office/referrals', kind: SpanKind.SERVER });
      expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/welfare-office/referrals', 'http.response.status_code': 201 });
      expect(parentOf(server)).toBe(callerSpanId);

      // Nothing that names a participant leaves in a span: route templates and stream categories only.
      const participantId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
      for (const span of [server, command, append]) {
        expect(span.name).not.toMatch(participantId);
        expect(Object.values(span.attributes).join(' ')).not.toMatch(participantId);
      }
    });

    it("given an enrolment, when the mental-health service reacts to it with a command of its own, then that command continues the enrolment's trace", async () => {
      const participantId = (
        await harness.http
          .post('/welfare-office/referrals')
          .set({ Authorization: `Bearer ${token}` })
          .send({ givenName: 'Per', familyName: 'Hansen', birthDate: '1988-05-06', referredBy: 'self' })
          .expect(201)
      ).body.participantId as string;
      await harness.platform.settled();
      exporter.reset();
      const traceId = 'a3ce929d0e0e47364bf92f3577b34da6';
      await harness.http
        .post(`/welfare-office/participants/${participantId}/enrolment`)
        .set({ Authorization: `Bearer ${token}`, traceparent: `00-${traceId}-b7ad6b7169203331-01` })
        .send({ employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' })
        .expect(201);
      await harness.platform.settled();

      const inTrace = (): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      const noted = await until(
        () => inTrace().find((span) => span.name === 'command NoteEnrolment' && span.attributes['ips.stream.category'] === 'mental-health.participant-care'),
        () => `mental health's NoteEnrolment in trace ${traceId}; traced: ${traced(exporter.getFinishedSpans())}`,
      );
      const byId = new Map(inTrace().map((span) => [span.spanContext().spanId, span]));
      const reaction = byId.get(noted.parentSpanContext?.spanId ?? '') as ReadableSpan;
      expect(reaction).toMatchObject({ kind: SpanKind.CONSUMER, attributes: expect.objectContaining({ 'messaging.consumer.group.name': 'mental-health' }) });
      expect(reaction.name).toMatch(/^react to ParticipantEnrolled\.v\d+$/);
      const publish = byId.get(reaction.parentSpanContext?.spanId ?? '') as ReadableSpan;
      expect(publish).toMatchObject({ kind: SpanKind.PRODUCER });
      expect(publish.name).toMatch(/^publish ParticipantEnrolled\.v\d+$/);
    });

    it('when tracing stops, then nothing is traced and nothing carries a trace context', async () => {
      await stopTracing();
      exporter.reset();
      await harness.http
        .post('/welfare-office/referrals')
        .set({ Authorization: `Bearer ${token}` })
        .send({ givenName: 'Ola', familyName: 'Nordmann', birthDate: '1990-01-02', referredBy: 'self' })
        .expect(201);
      await harness.platform.settled();
      expect(exporter.getFinishedSpans()).toEqual([]);
      expect(await lastOutboxTraceparent()).toBeNull();
    });
  },
  { databaseServer: true },
);
