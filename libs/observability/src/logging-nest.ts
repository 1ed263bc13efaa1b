import { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import type { Logger as PinoRoot } from 'pino';

/**
 * nestjs-pino's PinoLogger, bound to one service's root logger. nestjs-pino keeps the first root it sees for the whole
 * process; bound here, each app writes through its own (several services start in one test process). Inside a request
 * the request's logger (its ids) is used, as nestjs-pino does.
 */
class ServicePinoLogger extends PinoLogger {
  constructor(private readonly root: PinoRoot) {
    super({ pinoHttp: { logger: root } });
  }

  override get logger(): PinoRoot {
    return storage.getStore()?.logger ?? this.root;
  }
}

/** Nest's account of each module, controller and route as it starts: some hundred lines, `debug` rather than `info`. */
const START_UP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

class ServiceNestLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_UP_DETAIL.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

/** Nest's logger for an app (`NestFactory.create(…, { logger })`): every `new Logger(context)` line goes to pino. */
export const nestLoggerOf = (root: PinoRoot): LoggerService => new ServiceNestLogger(new ServicePinoLogger(root), {});
