import { Attributes, Context, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** TRACING, OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME, as read by the runtime's config. */
export interface TracingSettings {
  /** Spans are made (and propagated) at all; off, every tracing call is the API's no-op. */
  readonly enabled: boolean;
  /** OTLP over HTTP: spans go to `<endpoint>/v1/traces`; without it, nowhere (tracing on with no exporter). */
  readonly endpoint?: string;
  /** The `service.name` of this process's spans; the service's own name when left out. */
  readonly serviceName?: string;
}

export interface TracingOptions {
  /** Where spans go besides the OTLP exporter (tests: a SimpleSpanProcessor over an InMemorySpanExporter). */
  readonly spanProcessors?: readonly SpanProcessor[];
}

let provider: NodeTracerProvider | null = null;

/**
 * Sets this process's tracer provider (once per process: several services in one process share it), with the W3C
 * trace-context propagator and async-local context. Off, nothing is registered: the API stays its no-op.
 */
export function startTracing(settings: TracingSettings, serviceName: string, options: TracingOptions = {}): void {
  if (!settings.enabled || provider) return;
  const spanProcessors = [
    ...(settings.endpoint ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(settings.endpoint) }))] : []),
    ...(options.spanProcessors ?? []),
  ];
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName ?? serviceName }),
    spanProcessors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
}

/** Sends what is still buffered and unregisters the provider (a process's last step, or a test's). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  if (!stopping) return;
  provider = null;
  await stopping.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

export const tracingEnabled = (): boolean => provider !== null;

/** The OTLP/HTTP signal path under a base endpoint, as the OTEL_EXPORTER_OTLP_ENDPOINT specification has it. */
const tracesUrl = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/v1/traces`;

const tracer = () => trace.getTracer('@ips/observability');

export interface SpanSettings {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The parent; the active context when left out. */
  readonly parent?: Context;
}

const NO_SPAN = trace.wrapSpanContext({ traceId: '00000000000000000000000000000000', spanId: '0000000000000000', traceFlags: 0 });

/** Runs `work` in a new active span, ended when it settles; a throw marks the span failed. Off, `work` runs as is. */
export async function inSpan<T>(name: string, settings: SpanSettings, work: (span: Span) => Promise<T>): Promise<T> {
  if (!provider) return work(NO_SPAN);
  const { parent, ...options } = settings;
  return tracer().startActiveSpan(name, options, parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span that is not made active: for work that spans several messages at once (a batch). Off, a no-op span. */
export function startSpan(name: string, settings: SpanSettings = {}): Span {
  if (!provider) return NO_SPAN;
  const { parent, ...options } = settings;
  return tracer().startSpan(name, options, parent ?? context.active());
}

export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/** The W3C `traceparent` of a span, or of the active context: what travels with a message. Off, undefined. */
export function traceparentOf(span?: Span): string | undefined {
  if (!provider) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(span ? trace.setSpan(ROOT_CONTEXT, span) : context.active(), carrier);
  return carrier['traceparent'];
}

/** Headers that carry the active context to another service over HTTP (none while tracing is off or no span is active). */
export function traceHeaders(): Record<string, string> {
  const traceparent = traceparentOf();
  return traceparent ? { traceparent } : {};
}

/** The context a `traceparent` names (a remote parent), or none. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

export { SpanKind, type Span };
