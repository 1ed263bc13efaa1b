import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from '@ips/observability';
import { PlatformHarness } from './testing/platform-harness';

/** Decision 41 (traces) in the embedded profile: the same chain of spans, the in-process bus in place of Kafka. */
describe('traces in the embedded platform', () => {
  const exporter = new InMemorySpanExporter();
  let platform: PlatformHarness;

  beforeAll(async () => {
    startTracing({ enabled: true }, 'platform', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
    platform = await PlatformHarness.start();
  });
  afterAll(async () => {
    await platform?.stop();
    await stopTracing();
  });

  it('given a referral, when the team view has applied it, then request, command, append, publish and projection are one trace, each the child of the one before', async () => {
    const token = await platform.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    exporter.reset();
    await platform.http
      .post('/welfare-office/referrals')
      .set({ Authorization: `Bearer ${token}` })
      .send({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' })
      .expect(201);
    await platform.platform.settled();

    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan | undefined): ReadableSpan | undefined => byId.get(span?.parentSpanContext?.spanId ?? '');
    const projection = spans.find((span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.consumer.group.name'] === 'team-view');
    const publish = parentOf(projection);
    const append = parentOf(publish);
    const command = parentOf(append);
    const server = parentOf(command);
    expect([projection, publish, append, command, server].map((span) => span?.name)).toEqual([
      expect.stringMatching(/^apply ParticipantReferred\.v\d+$/),
      expect.stringMatching(/^publish ParticipantReferred\.v\d+$/),
      'event-store append',
      'command ReferParticipant',
      'POST /welfare-office/referrals',
    ]);
    expect(new Set([projection, publish, append, command, server].map((span) => span?.spanContext().traceId)).size).toBe(1);
    expect(server?.parentSpanContext).toBeUndefined();
  });
});
