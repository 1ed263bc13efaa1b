import { randomUUID } from 'node:crypto';
import { TokenClaims } from '@ips/access';
import { FeatureTestApp } from '@ips/command-pipeline/testing';
import { employerReaction } from '../noted-facts.reaction';

export interface Placement {
  readonly participantId: string;
  readonly employerId: string;
  readonly placementId: string;
}

/** Arranges participants, employers and placements in a feature test app the way users and the bus would. */
export function employerWorld(app: FeatureTestApp) {
  const token = (claims: TokenClaims) => app.token(claims);
  const staff = (sub = 'es-ingrid', role: TokenClaims['role'] = 'employment-specialist') => token({ sub, agency: 'welfare-office', role });
  const employer = (employerId: string, sub = 'hr-kari') => token({ sub, agency: 'employer', role: 'employer', employerId });
  const send = (method: 'post' | 'put', route: string, body: object, bearer: string) =>
    app.http()[method](route).set('Authorization', `Bearer ${bearer}`).send(body);
  const post = (route: string, body: object, bearer: string) => send('post', route, body, bearer);
  const get = (route: string, bearer: string) => app.http().get(route).set('Authorization', `Bearer ${bearer}`);

  /** The welfare office's enrolment, as the bus would deliver it to the employer service. */
  const enrolled = async (employmentSpecialistId = 'es-ingrid'): Promise<string> => {
    const participantId = randomUUID();
    const command = employerReaction.react({
      id: randomUUID(),
      type: 'ParticipantEnrolled',
      version: 1,
      source: 'welfare-office',
      participantId,
      occurredAt: '2026-02-02T10:00:00.000Z',
      recordedBy: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
      data: { employmentSpecialistId, contactPersonId: 'cw-ola' },
    });
    if (!command) throw new Error('no reaction to ParticipantEnrolled');
    const outcome = await app.commands.execute(command);
    if (!outcome.ok) throw new Error(outcome.error.code);
    return participantId;
  };

  const placement = async (employmentSpecialistId = 'es-ingrid'): Promise<Placement> => {
    const participantId = await enrolled(employmentSpecialistId);
    const specialist = await staff(employmentSpecialistId);
    const registered = await post('/employer/employers', { name: 'Trondheim Lager AS', organisationNumber: '912345678' }, specialist);
    const employerId = registered.body.employerId as string;
    const started = await post(
      '/employer/placements',
      { participantId, employerId, jobTitle: 'Warehouse assistant', startDate: '2026-02-16', hoursPerWeek: 20, hourlyWage: 230 },
      specialist,
    );
    if (started.status !== 201) throw new Error(`placement not started: ${JSON.stringify(started.body)}`);
    return { participantId, employerId, placementId: started.body.placementId as string };
  };

  const request = (placementId: string, overrides: object = {}) => ({
    placementId,
    message: 'Ola has not turned up today and does not answer his phone.',
    urgency: 'urgent',
    callbackPhone: '+47 912 34 567',
    ...overrides,
  });

  const put = (route: string, body: object, bearer: string) => send('put', route, body, bearer);
  return { token, staff, employer, post, put, get, enrolled, placement, request };
}
