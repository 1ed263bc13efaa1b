import { parseArgs } from 'node:util';
import { issueToken, loadOrCreateSigningKey, principalFromClaims } from '@ips/access';
import { configFromEnv } from '@ips/runtime';

const usage = `usage: npm run -s token -- --agency A --role R --sub S [--participant ID] [--employer ID] [--ttl 8h]
  agency: welfare-office | mental-health | employer | municipality | participant
  role:   caseworker | employment-specialist | clinician | supervisor | municipal-worker | employer | participant`;

/** Prints one token signed with the embedded platform's key (from DATA_DIR), alone, on stdout. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string' },
      sub: { type: 'string' },
      participant: { type: 'string' },
      employer: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
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
  const key = await loadOrCreateSigningKey(configFromEnv().dataDir);
  process.stdout.write(`${await issueToken(key, claims, values.ttl)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
