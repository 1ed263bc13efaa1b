import pino, { DestinationStream, Logger as PinoRoot } from 'pino';
import { activeTraceId, requestAgency } from './logging-http';

export * from './logging-nest';
export * from './logging-http';

/** LOG_LEVEL's values, pino's levels; `silent` logs nothing. */
export const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** Under Jest only warnings and errors, as before: request lines would bury the test report. */
export const defaultLogLevel = (): LogLevelName => (process.env['JEST_WORKER_ID'] ? 'warn' : 'info');

/** Where log lines go instead of stdout (tests capture them): any pino destination. */
export type LogDestination = DestinationStream;

export interface LogSettings {
  /** Which service writes: `platform` (embedded), the agency, `team-view`, `gateway`. On every line. */
  readonly service: string;
  /** LOG_LEVEL; `defaultLogLevel()` when left out. */
  readonly level?: LogLevelName;
  /** Where the lines go (tests capture them); else stdout, human-readable when it is a terminal and pino-pretty is installed. */
  readonly destination?: DestinationStream;
}

/**
 * Never on a line, whoever logs what: tokens, cookies and the fields that name a person. The request and response
 * lines never carry headers or bodies at all (logging-http.ts); this is the net under every other line.
 */
export const REDACTED_PATHS: readonly string[] = [
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
  'clientSecret',
  'givenName',
  'familyName',
  'birthDate',
  'callbackPhone',
  'phone',
  'email',
]
  .flatMap((key) => [key, `*.${key}`, `*.*.${key}`])
  .concat(['req.headers', 'res.headers', 'body', '*.body', '*.headers["set-cookie"]']);

let stdout: DestinationStream | null = null;

/** One stdout stream per process, shared by every logger in it: pretty on a terminal (if pino-pretty is there), JSON lines otherwise. */
function processStdout(): DestinationStream {
  if (stdout) return stdout;
  stdout = (process.stdout.isTTY ? prettyStream() : null) ?? pino.destination({ dest: 1, sync: false });
  return stdout;
}

/** pino-pretty is a dev dependency: an image built without it logs JSON. */
function prettyStream(): DestinationStream | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: false });
  } catch {
    return null;
  }
}

/** Writes what is still buffered for stdout (before `process.exit`). */
export function flushLogs(): void {
  const stream = stdout as (DestinationStream & { flushSync?: () => void }) | null;
  try {
    stream?.flushSync?.();
  } catch {
    // not yet open, or nothing to flush
  }
}

/** A service's root logger: JSON lines with `service`, the trace and the caller's agency where known, tokens and personal fields redacted. */
export function createLogger(settings: LogSettings): PinoRoot {
  return pino(
    {
      level: settings.level ?? defaultLogLevel(),
      base: { service: settings.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      mixin: () => {
        const traceId = activeTraceId();
        const agency = requestAgency();
        return { ...(traceId ? { traceId } : {}), ...(agency ? { agency } : {}) };
      },
    },
    settings.destination ?? processStdout(),
  );
}
