import { api } from './api';

/**
 * Every route the web app writes through, as docs/access-policy.md names it: the app calls a write route only through
 * `write`, so this list is what it calls, and a test holds it to the policy's table (each route left out says why).
 */
export const WRITE_ROUTES = [
  'POST /auth/demo-sign-in',
  'POST /welfare-office/referrals',
  'POST /welfare-office/participants/:id/transfer',
  'POST /welfare-office/participants/:id/enrolment',
  'POST /welfare-office/participants/:id/referral-withdrawal',
  'POST /welfare-office/participants/:id/consents',
  'POST /welfare-office/participants/:id/consent-withdrawal',
  'POST /welfare-office/participants/:id/career-profile',
  'PUT /welfare-office/participants/:id/career-profile',
  'POST /welfare-office/participants/:id/action-plans',
  'POST /welfare-office/participants/:id/action-plan-proposals',
  'POST /welfare-office/participants/:id/benefits-counselling',
  'POST /welfare-office/participants/:id/employer-contacts',
  'POST /welfare-office/participants/:id/contacts',
  'POST /welfare-office/participants/:id/discharge',
  'PUT /welfare-office/participants/:id/contact-details',
  'POST /welfare-office/participants/:id/erasure',
  'POST /mental-health/participants/:id/treatment-team',
  'POST /mental-health/participants/:id/integration-meetings',
  'POST /mental-health/participants/:id/relapse-flags',
  'POST /mental-health/participants/:id/relapse-flags/:flagId/changes',
  'POST /mental-health/participants/:id/relapse-flags/:flagId/clear',
  'POST /mental-health/participants/:id/treatment-end',
  'POST /employer/employers',
  'POST /employer/placements',
  'POST /employer/participants/:id/placements/:placementId/follow-along-contacts',
  'POST /employer/participants/:id/placements/:placementId/terms',
  'POST /employer/participants/:id/placements/:placementId/end',
  'POST /employer/contact-requests',
  'POST /employer/contact-requests/:requestId/acknowledge',
  'POST /employer/contact-requests/:requestId/resolve',
  'POST /employer/on-call/teams/:teamId/shifts',
  'POST /employer/on-call/teams/:teamId/shifts/:shiftId/cancel',
  'POST /municipality/participants/:id/services',
  'POST /municipality/participants/:id/services/:serviceId/end',
  'POST /municipality/participants/:id/contact-person',
  'POST /municipality/crisis-duty',
  'POST /municipality/crisis-duty/:shiftId/cancel',
  'POST /team-view/fidelity/reviews',
  'PUT /team-view/fidelity/reviews/:reviewId/items/:item',
  'POST /team-view/fidelity/reviews/:reviewId/completion',
  'PUT /programme/teams/:teamId',
  'POST /programme/teams/:teamId/members',
  'POST /programme/teams/:teamId/members/:sub/end',
  'POST /team-view/participants/:id/emergency-access',
  'POST /team-view/emergency-access/:grantId/end',
  'POST /team-view/emergency-access/:grantId/review',
] as const;

export type WriteRoute = (typeof WRITE_ROUTES)[number];

/** The route's path with its parameters filled in (each one encoded); a parameter left out is a bug, not a request. */
export function pathOf(route: WriteRoute, params: Readonly<Record<string, string>> = {}): string {
  const template = route.slice(route.indexOf(' ') + 1);
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`${route}: no ${name}`);
    return encodeURIComponent(value);
  });
}

/** Sends a write: the route's method and path, its parameters filled in, the body as JSON. */
export function write<T = Record<string, unknown>>(route: WriteRoute, params: Readonly<Record<string, string>>, body: unknown): Promise<T> {
  return api<T>(pathOf(route, params), { method: route.slice(0, route.indexOf(' ')), body });
}
