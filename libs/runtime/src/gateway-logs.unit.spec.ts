import { DISTRIBUTED_SERVICES } from './distributed-services';
import { GatewayRoutes, gatewayRouteOf } from './gateway';

describe("the gateway's log lines: what answered, never the path", () => {
  const routes: GatewayRoutes = Object.fromEntries(DISTRIBUTED_SERVICES.map((service, index) => [service, `http://127.0.0.1:${3001 + index}`]));

  it('names its own routes, the service a request went to, and nothing for the web app', () => {
    expect(gatewayRouteOf(routes, '/health/ready?verbose=1')).toBe('/health/ready');
    expect(gatewayRouteOf(routes, '/welfare-office/participants/0190a6f0-0000-7000-8000-00000000e001/enrolment')).toBe('forward:welfare-office');
    expect(gatewayRouteOf(routes, '/programme/outcomes?teams=a')).toBe('forward:team-view');
    expect(gatewayRouteOf(routes, '/participants/0190a6f0-0000-7000-8000-00000000e001')).toBeNull();
  });
});
