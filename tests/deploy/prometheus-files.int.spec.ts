import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Debian's promtool, from the same package as Prometheus (`apt-get install -y prometheus`), or PROMTOOL_PATH. */
const PROMTOOL = process.env['PROMTOOL_PATH'] ?? '/usr/bin/promtool';
const folder = path.resolve(__dirname, '../../deploy/prometheus');
const promtool = (...args: string[]) => spawnSync(PROMTOOL, args, { cwd: folder, encoding: 'utf8' });
const available = spawnSync(PROMTOOL, ['--version'], { stdio: 'ignore' }).status === 0;

const suite = (): void => {
  it.each([
    ['check config', 'prometheus.yml'],
    ['check rules', 'alerts.yml'],
    ['test rules', 'alerts.test.yml'],
  ])('promtool %s %s succeeds', (command, file) => {
    const run = promtool(...command.split(' '), file);
    expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });
};

/** deploy/prometheus as Prometheus reads it: the scrape config, the alert rules, and each alert firing in its test. */
if (available) {
  describe('deploy/prometheus', suite);
} else if (process.env['CI']) {
  describe('deploy/prometheus', () => {
    it('needs promtool', () => {
      throw new Error(`CI must run this suite; missing: ${PROMTOOL} (apt-get install -y prometheus)`);
    });
  });
} else {
  describe.skip(`deploy/prometheus (skipped: needs ${PROMTOOL}, apt-get install -y prometheus)`, suite);
}
