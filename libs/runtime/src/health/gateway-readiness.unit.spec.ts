import { GetJson, gatewayReadiness } from './gateway-readiness';

describe("the gateway's readiness: each service's, listed", () => {
  const routes = { 'welfare-office': 'http://127.0.0.1:3001', 'team-view': 'http://127.0.0.1:3006', employer: 'http://127.0.0.1:3003' };

  it('is ready when every service is, naming each one and where it is', async () => {
    const get: GetJson = async () => ({ status: 200, body: { status: 'ok' } });
    expect(await gatewayReadiness(routes, get)).toEqual({
      status: 'ok',
      services: [
        { name: 'welfare-office', url: 'http://127.0.0.1:3001', status: 'up' },
        { name: 'team-view', url: 'http://127.0.0.1:3006', status: 'up' },
        { name: 'employer', url: 'http://127.0.0.1:3003', status: 'up' },
      ],
    });
  });

  it('lists a service that is not ready with its failing checks, and one that does not answer; asks /health of one from before /health/ready', async () => {
    const stopped = { status: 'down', consumers: [{ consumer: 'team-view', state: 'stopped', problem: 'stopped: another cluster' }] };
    const get: GetJson = async (url) => {
      if (url === 'http://127.0.0.1:3006/health/ready') {
        return { status: 503, body: { status: 503, code: 'HEALTH.NOT_READY', checks: { database: { status: 'up' }, consumers: stopped } } };
      }
      if (url.startsWith('http://127.0.0.1:3003')) throw new Error('ECONNREFUSED');
      if (url === 'http://127.0.0.1:3001/health/ready') return { status: 404, body: { status: 404 } };
      return { status: 200, body: { status: 'ok' } };
    };
    expect(await gatewayReadiness(routes, get)).toEqual({
      status: 'error',
      services: [
        { name: 'welfare-office', url: 'http://127.0.0.1:3001', status: 'up' },
        { name: 'team-view', url: 'http://127.0.0.1:3006', status: 'down', failing: { consumers: stopped } },
        { name: 'employer', url: 'http://127.0.0.1:3003', status: 'down', detail: 'does not answer' },
      ],
    });
  });
});
