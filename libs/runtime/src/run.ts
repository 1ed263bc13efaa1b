import { Logger } from '@nestjs/common';
import { LogLevelName, createLogger, flushLogs, nestLoggerOf, stopTracing } from '@ips/observability';
import { logLevelFromEnv } from './config';
import { RunningService } from './compose';

/** Starts a service and stops it cleanly on SIGINT / SIGTERM; a failed start exits non-zero. `service`: its name in the logs. */
export function runUntilStopped(
  name: string,
  start: () => Promise<RunningService>,
  describe: (url: string) => string = (url) => url,
  service: string = name,
): void {
  // JSON lines through pino from the first line on (a bad LOG_LEVEL is the start's own error to report).
  Logger.overrideLogger(nestLoggerOf(createLogger({ service, level: processLogLevel() })));
  const logger = new Logger(name);
  start().then(
    (running) => {
      logger.log(`${name} on ${describe(running.url.replace('127.0.0.1', 'localhost'))}`);
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        logger.log(`${signal}: stopping`);
        running.close().then(
          // Spans still buffered go to the collector first (nothing to do when tracing is off).
          () => stopTracing().finally(() => exit(0)),
          (error: unknown) => {
            logger.error(error);
            exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      exit(1);
    },
  );
}

function processLogLevel(): LogLevelName | undefined {
  try {
    return logLevelFromEnv(process.env).logLevel;
  } catch {
    return undefined;
  }
}

/** Exits once what is still buffered for stdout is written. */
function exit(code: number): never {
  flushLogs();
  process.exit(code);
}
