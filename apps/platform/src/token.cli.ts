import { parseArgs } from 'node:util';
import { DEFAULT_TOKEN_MAX_LIFETIME_HOURS, describeLifetime, issueToken, lifetimeSeconds, loadOrCreateSigningKey, principalFromClaims } from '@ips/access';
import { configFromEnv } from '@ips/runtime';

const usage = `usage: npm run -s token -- --agency A --role R --sub S [--participant ID] [--employer ID] [--ttl 8h]
  agency: welfare-office | mental-health | employer | municipality | participant
  role:   caseworker | employment-specialist | clinician | supervisor | municipal-worker | employer | participant
  ttl:    how long the token lives, e.g. 15m, 8h (the default), 12h; at most TOKEN_MAX_LIFETIME_HOURS (12)`;

/** Prints one token signed with the embedded platform's key (from DATA_DIR), alone, on stdout. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string' },
      sub: { type: 'string' },
      participant: { type: 'string' },
      employer: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const claims = {
    sub: values.sub ?? '',
    agency: values.agency ?? '',
    role: values.role ?? '',
    ...(values.participant ? { participantId: values.participant } : {}),
    ...(values.employer ? { employerId: values.employer } : {}),
  };
  const principal = principalFromClaims(claims);
  if (typeof principal === 'string') throw new Error(`${principal}\n${usage}`);
  const config = configFromEnv();
  // The platform refuses a token that lives longer than its maximum: never print one.
  const max = Math.floor((config.tokenMaxLifetimeHours ?? DEFAULT_TOKEN_MAX_LIFETIME_HOURS) * 3600);
  const ttl = values.ttl === undefined ? Math.min(8 * 3600, max) : lifetimeSeconds(values.ttl);
  if (ttl === undefined) throw new Error(`--ttl ${values.ttl} is not a lifetime like 15m or 8h\n${usage}`);
  if (ttl > max) throw new Error(`--ttl ${values.ttl}: a token may live at most ${describeLifetime(max)} here (TOKEN_MAX_LIFETIME_HOURS)`);
  const key = await loadOrCreateSigningKey(config.dataDir);
  process.stdout.write(`${await issueToken(key, claims, ttl)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
