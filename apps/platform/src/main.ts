import { Logger } from '@nestjs/common';
import { configFromEnv } from '@ips/runtime';
import { startPlatform } from './platform';

async function main(): Promise<void> {
  const config = configFromEnv();
  const platform = await startPlatform(config);
  const logger = new Logger('platform');
  logger.log(
    `IPS platform (embedded) on ${platform.url.replace('127.0.0.1', 'localhost')} ` +
      `— data in ${config.dataDir}${config.databaseUrl ? ' and the PostgreSQL server at DATABASE_URL' : ''}; API docs at /docs`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    platform.close().then(
      () => process.exit(0),
      (error) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
