import { configFromEnv, gatewayRoutesFromEnv, logSettingsOf, runUntilStopped, startGateway } from '@ips/runtime';

/** The distributed profile's front door on PORT: the embedded platform's routes, forwarded to each service, and the web app. */
const config = configFromEnv();
runUntilStopped('gateway', () =>
  startGateway(gatewayRoutesFromEnv(process.env), config.port, { webClients: config.webClients ?? [], logging: logSettingsOf(config, 'gateway') }),
);
