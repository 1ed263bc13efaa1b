import { GATEWAY_PREFIXES, GatewayRoutes, gatewayTargetOf } from './gateway';
import { DISTRIBUTED_SERVICES } from './distributed-services';

describe('the gateway: which service answers a path', () => {
  const routes: GatewayRoutes = Object.fromEntries(DISTRIBUTED_SERVICES.map((service, index) => [service, `http://127.0.0.1:${3001 + index}`]));

  it('sends the figures across teams to the team view, though their first segment is the programme', () => {
    // Given the routes of every service, when a coordinator asks for the outcomes or the fidelity figures
    for (const path of ['/programme/outcomes', '/programme/outcomes/', '/programme/fidelity']) {
      // then the team view answers
      expect(gatewayTargetOf(routes, path)).toBe(routes['team-view']);
    }
  });

  it('sends everything else by its first segment, the programme’s teams included', () => {
    expect(gatewayTargetOf(routes, '/programme/teams')).toBe(routes['programme']);
    expect(gatewayTargetOf(routes, '/programme/teams/0192f3a0-7b1c-7d2e-8f3a-4b5c6d7e8f90/members')).toBe(routes['programme']);
    // A longer prefix matches whole segments only.
    expect(gatewayTargetOf(routes, '/programme/outcomes-archive')).toBe(routes['programme']);
    expect(gatewayTargetOf(routes, '/team-view/outcomes')).toBe(routes['team-view']);
    expect(gatewayTargetOf(routes, '/welfare-office/referrals')).toBe(routes['welfare-office']);
    expect(gatewayTargetOf(routes, '/nowhere')).toBeUndefined();
    expect(gatewayTargetOf(routes, '/')).toBeUndefined();
  });

  it('names only services the gateway has routes for', () => {
    for (const service of Object.values(GATEWAY_PREFIXES)) expect(DISTRIBUTED_SERVICES).toContain(service);
  });
});
