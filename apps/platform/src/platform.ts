import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEFAULT_TOKEN_MAX_LIFETIME_HOURS, loadOrCreateSigningKey } from '@ips/access';
import { Clock, systemClock } from '@ips/kernel';
import { DemoSignInSwitch, PlatformConfig, RunningService, WebModule, agencyServices, compose, demoTokenSeconds } from '@ips/runtime';

export type RunningPlatform = RunningService;

/**
 * The embedded profile: every agency and the team view in one process, on one database (PGlite in
 * DATA_DIR, or DATABASE_URL's server), the outbox relayed to an in-process bus.
 */
export async function startPlatform(config: PlatformConfig, clock: Clock = systemClock): Promise<RunningPlatform> {
  const logger = new Logger('platform');
  // The demo sign-in: DEMO_SIGN_IN=on or off, else on while the data directory holds the demo team (npm run seed).
  const demoSwitch = new DemoSignInSwitch(config.demoSignIn ?? 'demo-team', config.dataDir, logger);
  if (demoSwitch.offBecause() === 'no-demo-team') {
    logger.log('demo sign-in is off: no demo team in this data directory (npm run seed adds one and turns it on; DEMO_SIGN_IN=on turns it on)');
  }
  const demo = {
    switch: demoSwitch,
    key: await loadOrCreateSigningKey(config.dataDir),
    tokenSeconds: demoTokenSeconds(config.tokenMaxLifetimeHours ?? DEFAULT_TOKEN_MAX_LIFETIME_HOURS),
  };
  const oidc = config.webClients ?? [];
  return compose('embedded', { agencies: agencyServices, teamView: true, modules: [WebModule.with({ oidc, demo })], web: { clients: oidc } }, config, clock);
}
