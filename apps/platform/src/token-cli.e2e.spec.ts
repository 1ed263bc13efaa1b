import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JwtVerifier, loadOrCreateSigningKey } from '@ips/access';

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

/** `npm run -s token -- …`: the token alone on stdout, one the platform accepts, and never one it would refuse. */
describe('the token CLI', () => {
  let dataDir: string;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['-r', './tools/register.js', 'apps/platform/src/token.cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, ...env },
    });
  const refusal = (args: string[], env: Record<string, string> = {}) =>
    cli(args, env).then(
      () => {
        throw new Error('the CLI printed a token');
      },
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const staff = ['--agency', 'welfare-office', '--role', 'caseworker', '--sub', 'cw-ola'];
  const lifetimeOf = (token: string): number => {
    const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { iat: number; exp: number };
    return exp - iat;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-token-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints a token of 8 hours by default, or of the lifetime asked for up to 12 hours, which the platform accepts', async () => {
    const verifier = JwtVerifier.forEmbeddedKey((await loadOrCreateSigningKey(dataDir)).publicKey);
    const { stdout } = await cli(staff);
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(lifetimeOf(token)).toBe(8 * 3600);
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
    const twelve = (await cli([...staff, '--ttl', '12h'])).stdout.trim();
    expect(lifetimeOf(twelve)).toBe(12 * 3600);
    await expect(verifier.verify(twelve)).resolves.toMatchObject({ sub: 'cw-ola' });
    expect(lifetimeOf((await cli([...staff, '--ttl', '15m'])).stdout.trim())).toBe(900);
  });

  it('refuses a lifetime the platform would refuse, or one that is none, and prints no token', async () => {
    for (const ttl of ['13h', '100y', '36500d', '0', '-1h', 'forever']) {
      const { code, stdout, stderr } = await refusal([...staff, `--ttl=${ttl}`]);
      expect({ ttl, code, stdout }).toEqual({ ttl, code: 2, stdout: '' });
      expect(stderr).toMatch(/at most 12 hours|not a lifetime/);
    }
  });

  it('follows TOKEN_MAX_LIFETIME_HOURS: its default shortens to the maximum, and more is refused', async () => {
    const verifier = JwtVerifier.forEmbeddedKey((await loadOrCreateSigningKey(dataDir)).publicKey, { maxLifetimeHours: 1 });
    const token = (await cli(staff, { TOKEN_MAX_LIFETIME_HOURS: '1' })).stdout.trim();
    expect(lifetimeOf(token)).toBe(3600);
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'cw-ola' });
    const { code, stderr } = await refusal([...staff, '--ttl', '2h'], { TOKEN_MAX_LIFETIME_HOURS: '1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/at most 1 hour here/);
  });
});
