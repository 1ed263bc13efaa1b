import { policyFor } from './policy-lookup';

describe('the policy row for a request', () => {
  it('is the row of its method and mounted path', () => {
    expect(policyFor('GET', '/team-view/board')?.route).toBe('GET /team-view/board');
    expect(policyFor('post', '/welfare-office/referrals')?.route).toBe('POST /welfare-office/referrals');
  });

  it('is the GET row for HEAD, which mirrors the GET (same callers, same checks)', () => {
    expect(policyFor('HEAD', '/team-view/participants/:id')).toBe(policyFor('GET', '/team-view/participants/:id'));
    expect(policyFor('head', '/health')?.who).toBe('anyone');
  });

  it('is none for a route or method the table leaves out, HEAD of a write route included', () => {
    expect(policyFor('GET', '/nowhere')).toBeUndefined();
    expect(policyFor('DELETE', '/team-view/board')).toBeUndefined();
    expect(policyFor('HEAD', '/welfare-office/referrals')).toBeUndefined();
    expect(policyFor('OPTIONS', '/team-view/board')).toBeUndefined();
  });
});
