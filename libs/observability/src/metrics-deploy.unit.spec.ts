import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ServiceMetrics } from './metrics';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const referenced = (text: string): string[] => [...new Set(text.match(/\b(?:ips|process|nodejs)_[a-z0-9_]+/g) ?? [])];

/** Every series name a scrape can hold: histograms' `_bucket`, `_sum` and `_count` too. */
async function exposed(): Promise<{ all: Set<string>; own: string[] }> {
  const metrics = new ServiceMetrics('test');
  const text = await metrics.render();
  metrics.close();
  const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({ name: name as string, type: type as string }));
  const all = new Set(types.flatMap(({ name, type }) => (type === 'histogram' ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`] : [name])));
  return { all, own: types.map(({ name }) => name).filter((name) => name.startsWith('ips_')) };
}

describe('the figures the deploy files and docs/operations.md name', () => {
  it.each(['deploy/grafana/ips-platform.json', 'deploy/prometheus/alerts.yml', 'docs/operations.md'])(
    '%s names only figures a service exposes',
    async (file) => {
      const { all } = await exposed();
      expect(referenced(read(file)).filter((name) => !all.has(name))).toEqual([]);
    },
  );

  it('the dashboard shows, and docs/operations.md explains, every ips_ figure', async () => {
    const { own } = await exposed();
    const dashboard = referenced(read('deploy/grafana/ips-platform.json')).map((name) => name.replace(/_(bucket|sum|count)$/, ''));
    expect(own.filter((name) => !dashboard.includes(name))).toEqual([]);
    expect(own.filter((name) => !read('docs/operations.md').includes(`\`${name}\``))).toEqual([]);
  });

  it('labels Node’s own figures with the service scraped, whichever service of the process asks', async () => {
    const [first, second] = [new ServiceMetrics('welfare-office'), new ServiceMetrics('team-view')];
    const [a, b] = await Promise.all([first.render(), second.render()]);
    expect(a).toMatch(/^process_cpu_user_seconds_total\{service="welfare-office"\} /m);
    expect(b).toMatch(/^process_cpu_user_seconds_total\{service="team-view"\} /m);
    expect(b).not.toContain('service="welfare-office"');
    first.close();
    second.close();
  });
});
