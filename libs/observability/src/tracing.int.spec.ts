import { IncomingMessage, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { contextOfTraceparent, inSpan, startSpan, startTracing, stopTracing, traceHeaders, traceparentOf, tracingEnabled } from './tracing';
import { nameServerSpan, traceHttpServer } from './tracing-http';

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
};

describe('tracing', () => {
  afterEach(() => stopTracing());

  describe('off', () => {
    it('given tracing off, when work runs in a span, then it runs as is, with no span to record and no context to pass on', async () => {
      startTracing({ enabled: false }, 'test');
      expect(tracingEnabled()).toBe(false);
      const result = await inSpan('work', {}, async (span) => {
        expect(span.isRecording()).toBe(false);
        expect(traceparentOf()).toBeUndefined();
        expect(traceHeaders()).toEqual({});
        return 42;
      });
      expect(result).toBe(42);
      expect(traceparentOf(startSpan('batch'))).toBeUndefined();
    });
  });

  describe('on, without an exporter', () => {
    it('given tracing on, when spans nest and a context travels as a traceparent, then the far side continues the same trace', async () => {
      const exporter = new InMemorySpanExporter();
      startTracing({ enabled: true }, 'test', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
      expect(traceHeaders()).toEqual({});
      const carried = await inSpan('command', {}, async () => inSpan('append', { kind: SpanKind.CLIENT }, async () => traceHeaders().traceparent));
      expect(carried).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const consumer = startSpan('apply', { kind: SpanKind.CONSUMER, parent: contextOfTraceparent(carried) });
      consumer.end();
      const [append, command, apply] = exporter.getFinishedSpans();
      expect([append?.name, command?.name, apply?.name]).toEqual(['append', 'command', 'apply']);
      expect(append?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
      expect(apply?.parentSpanContext?.spanId).toBe(append?.spanContext().spanId);
      expect(apply?.spanContext().traceId).toBe(command?.spanContext().traceId);
      expect(command?.resource.attributes['service.name']).toBe('test');
    });

    it('given a failing piece of work, when it throws in a span, then the span is marked failed and the error goes on', async () => {
      const exporter = new InMemorySpanExporter();
      startTracing({ enabled: true, serviceName: 'ips-welfare-office-oslo' }, 'welfare-office', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
      await expect(inSpan('command', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      const [span] = exporter.getFinishedSpans();
      expect(span?.status).toMatchObject({ code: 2, message: 'boom' });
      expect(span?.resource.attributes['service.name']).toBe('ips-welfare-office-oslo');
    });

    it("given an HTTP server, when a request comes with a caller's traceparent, then its server span is the caller's child and active through the body and the handler", async () => {
      const exporter = new InMemorySpanExporter();
      startTracing({ enabled: true }, 'test', { spanProcessors: [new SimpleSpanProcessor(exporter)] });
      const server = createServer(async (request, response) => {
        nameServerSpan(request.method ?? 'GET', '/things/:id');
        await bodyOf(request);
        await new Promise((resolve) => setTimeout(resolve, 5));
        response.end(trace.getActiveSpan()?.spanContext().spanId ?? 'none');
      });
      traceHttpServer(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
        const answer = await fetch(`http://127.0.0.1:${port}/things/0190a6f0-0000-7000-8000-000000000001`, {
          method: 'POST',
          headers: { traceparent: caller },
          body: 'x'.repeat(100_000),
        });
        const activeInHandler = await answer.text();
        await new Promise((resolve) => setTimeout(resolve, 20));
        const [span] = exporter.getFinishedSpans();
        expect(span).toMatchObject({ name: 'POST /things/:id', kind: SpanKind.SERVER });
        expect(span?.attributes).toMatchObject({ 'http.route': '/things/:id', 'http.response.status_code': 200 });
        expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
        expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
        expect(activeInHandler).toBe(span?.spanContext().spanId);
        await fetch(`http://127.0.0.1:${port}/health`);
        expect(exporter.getFinishedSpans()).toHaveLength(1);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('on, with an OTLP endpoint', () => {
    it('given OTEL_EXPORTER_OTLP_ENDPOINT, when tracing stops, then the buffered spans are posted to <endpoint>/v1/traces', async () => {
      const received: { url: string; body: string }[] = [];
      const collector = createServer(async (request, response) => {
        received.push({ url: request.url ?? '', body: await bodyOf(request) });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = collector.address() as AddressInfo;
        startTracing({ enabled: true, endpoint: `http://127.0.0.1:${port}/` }, 'welfare-office');
        await inSpan('command ReferParticipant', {}, async () => undefined);
        await stopTracing();
        expect(received.map((request) => request.url)).toEqual(['/v1/traces']);
        expect(received[0]?.body).toContain('command ReferParticipant');
        expect(received[0]?.body).toContain('welfare-office');
      } finally {
        await new Promise((resolve) => collector.close(resolve));
      }
    });
  });
});
