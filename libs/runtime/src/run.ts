import { Logger } from '@nestjs/common';
import { RunningService } from './services';

/** Starts a service and stops it cleanly on SIGINT / SIGTERM; a failed start exits non-zero. */
export function runUntilStopped(name: string, start: () => Promise<RunningService>, describe: (url: string) => string = (url) => url): void {
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
          () => process.exit(0),
          (error: unknown) => {
            logger.error(error);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
