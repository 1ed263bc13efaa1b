import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TEAM_MARKER, DemoSignInSwitch, demoTokenSeconds, holdsDemoTeam, markDemoTeam } from './demo-team';

describe('the demo sign-in switch', () => {
  let dataDir: string;
  const quiet = { warn: () => undefined };
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ips-demo-switch-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is off for a data directory without the demo team, and says it can be turned on', () => {
    const demo = new DemoSignInSwitch('demo-team', dataDir, quiet);
    expect(demo.isOn()).toBe(false);
    expect(demo.offBecause()).toBe('no-demo-team');
  });

  it('turns on as soon as the seed marks the data directory, without a new switch (a running platform)', async () => {
    const demo = new DemoSignInSwitch('demo-team', dataDir, quiet);
    expect(demo.isOn()).toBe(false);
    const file = await markDemoTeam(dataDir, { participants: 40 });
    expect(path.basename(file)).toBe(DEMO_TEAM_MARKER);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ participants: 40 });
    expect(holdsDemoTeam(dataDir)).toBe(true);
    expect(demo.isOn()).toBe(true);
    expect(demo.offBecause()).toBeUndefined();
  });

  it('is on with DEMO_SIGN_IN=on, demo team or not; off with DEMO_SIGN_IN=off, demo team or not', async () => {
    expect(new DemoSignInSwitch('on', dataDir, quiet).isOn()).toBe(true);
    expect(new DemoSignInSwitch('off', dataDir, quiet).offBecause()).toBe('switched-off');
    await markDemoTeam(dataDir);
    expect(new DemoSignInSwitch('off', dataDir, quiet).offBecause()).toBe('switched-off');
  });

  it('takes only a file as the marker', async () => {
    await markDemoTeam(path.join(dataDir, DEMO_TEAM_MARKER)); // a directory of that name
    expect(holdsDemoTeam(dataDir)).toBe(false);
    expect(holdsDemoTeam(path.join(dataDir, 'missing'))).toBe(false);
  });

  it('hands out tokens of 8 hours, or of the maximum lifetime when that is shorter', () => {
    expect([demoTokenSeconds(12), demoTokenSeconds(8), demoTokenSeconds(1), demoTokenSeconds(0.5)]).toEqual([8 * 3600, 8 * 3600, 3600, 1800]);
  });
});
