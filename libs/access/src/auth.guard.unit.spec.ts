import { ExecutionContext } from '@nestjs/common';
import { ProblemException } from '@ips/http';
import { AuthGuard } from './auth.guard';
import { Principal } from './principal';
import { TokenVerifier } from './token-verifier';
import { AccessRefusals, WorkNeed, WorkNeedRelation } from './work-need';

const PARTICIPANT = '0190a6f0-0000-7000-8000-000000000001';
const NOW = new Date('2026-03-02T09:00:00.000Z');
const caseworker: Principal = { sub: 'cw-anne', agency: 'welfare-office', role: 'caseworker' };
const specialist: Principal = { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' };
const participant: Principal = { sub: PARTICIPANT, agency: 'participant', role: 'participant', participantId: PARTICIPANT };

const verifierFor = (principal: Principal): TokenVerifier => ({ verify: async () => principal });

const contextOf = (method: string, url: string, request: { params?: Record<string, string>; body?: unknown } = {}): ExecutionContext =>
  ({
    switchToHttp: () => ({
      getRequest: () => ({ method, headers: { authorization: 'Bearer t' }, ip: '10.0.0.1', routeOptions: { url }, ...request }),
    }),
  }) as unknown as ExecutionContext;

const summaryOf = (id: string) => contextOf('GET', '/team-view/participants/:id', { params: { id } });

const workNeed = (relation: WorkNeedRelation | null) => {
  const asked: [string, string, Date][] = [];
  const port: WorkNeed = {
    relationTo: async (reader, participantId, at) => {
      asked.push([reader.sub, participantId, at]);
      return relation;
    },
  };
  return { port, asked };
};

const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return (error as ProblemException).problem;
};

const notFound = { status: 404, code: 'PARTICIPANT.NOT_FOUND', detail: 'no participant with this id that you may see' };

describe('AuthGuard: work need on the policy table’s workNeed rows', () => {
  const clock = { now: () => NOW };

  it('lets a staff caller with a relation through, asking for the route’s participant now', async () => {
    const { port, asked } = workNeed('named');
    await expect(new AuthGuard(verifierFor(caseworker), undefined, port, clock).canActivate(summaryOf(PARTICIPANT))).resolves.toBe(true);
    expect(asked).toEqual([['cw-anne', PARTICIPANT, NOW]]);
  });

  it('refuses a staff caller without one with the 404 of an unknown participant, and reports the refusal', async () => {
    const refused: [string, string, string][] = [];
    const refusals: AccessRefusals = { recordRefused: async (principal, participantId, route) => void refused.push([principal.sub, participantId, route]) };
    const guard = new AuthGuard(verifierFor(caseworker), undefined, workNeed(null).port, clock, refusals);
    expect(await problemOf(guard.canActivate(summaryOf(PARTICIPANT)))).toMatchObject(notFound);
    expect(refused).toEqual([['cw-anne', PARTICIPANT, 'GET /team-view/participants/:id']]);
  });

  it('still answers the 404 when the refusal cannot be recorded', async () => {
    const refusals: AccessRefusals = { recordRefused: async () => Promise.reject(new Error('database down')) };
    const guard = new AuthGuard(verifierFor(caseworker), undefined, workNeed(null).port, clock, refusals);
    expect(await problemOf(guard.canActivate(summaryOf(PARTICIPANT)))).toMatchObject(notFound);
  });

  it('fails closed without a WORK_NEED binding: staff get the 404 on work-need rows', async () => {
    const guard = new AuthGuard(verifierFor(caseworker));
    expect(await problemOf(guard.canActivate(summaryOf(PARTICIPANT)))).toMatchObject(notFound);
  });

  it('leaves a malformed or missing id to the route’s own 400 (not asked)', async () => {
    const { port, asked } = workNeed(null);
    const guard = new AuthGuard(verifierFor(caseworker), undefined, port, clock);
    await expect(guard.canActivate(summaryOf('not-a-uuid'))).resolves.toBe(true);
    const asSpecialist = new AuthGuard(verifierFor(specialist), undefined, port, clock);
    await expect(asSpecialist.canActivate(contextOf('POST', '/employer/placements', { body: {} }))).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('reads the body’s participantId on POST /employer/placements', async () => {
    const { port, asked } = workNeed(null);
    const guard = new AuthGuard(verifierFor(specialist), undefined, port, clock);
    const placement = contextOf('POST', '/employer/placements', { body: { participantId: PARTICIPANT, employerId: 'x' } });
    expect(await problemOf(guard.canActivate(placement))).toMatchObject(notFound);
    expect(asked.map(([, id]) => id)).toEqual([PARTICIPANT]);
  });

  it('does not ask about participants, employers or rows without work need', async () => {
    const { port, asked } = workNeed(null);
    await expect(new AuthGuard(verifierFor(participant), undefined, port, clock).canActivate(summaryOf(PARTICIPANT))).resolves.toBe(true);
    await expect(new AuthGuard(verifierFor(caseworker), undefined, port, clock).canActivate(contextOf('GET', '/team-view/board'))).resolves.toBe(true);
    expect(asked).toEqual([]);
  });
});
