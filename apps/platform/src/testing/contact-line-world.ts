import { randomUUID } from 'node:crypto';
import { ContactRequestEscalations, NotificationDeliveries } from '@ips/employer/feature';
import { TestPlatform } from './profiles';

const CLAIMS = {
  caseworker: { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' },
  specialist: { sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' },
  supervisor: { sub: 'sup-siri', agency: 'welfare-office', role: 'supervisor' },
  municipality: { sub: 'mw-lise', agency: 'municipality', role: 'municipal-worker' },
} as const;

/**
 * An enrolled participant (specialist es-ingrid) placed at an employer, an on-call team in Oslo with
 * es-per by day, es-ingrid in the evening and sup-siri all night, and the municipality's crisis duty at night.
 */
export async function contactLineWorld(harness: TestPlatform) {
  // The employer service's own app: the platform itself, or behind the gateway in the distributed profile.
  const employer = () => ('services' in harness.platform ? (harness.platform.services.get('employer') ?? harness.platform) : harness.platform).app;
  const tokens: Record<string, string> = {};
  for (const [who, claims] of Object.entries(CLAIMS)) tokens[who] = await harness.token(claims);
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (route: string, body: object, who: string) => harness.http.post(route).set(auth(who)).send(body);
  const get = (route: string, who: string) => harness.http.get(route).set(auth(who));

  const referral = { givenName: 'Ola', familyName: 'Nordmann', birthDate: '1990-05-01', referredBy: 'self' };
  const participantId: string = (await post('/welfare-office/referrals', referral, 'caseworker').expect(201)).body.participantId;
  await post(
    `/welfare-office/participants/${participantId}/enrolment`,
    { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' },
    'caseworker',
  ).expect(201);
  await harness.platform.settled(); // the employer service notes the enrolment from the bus
  const employerId: string = (await post('/employer/employers', { name: 'Nidar AS', organisationNumber: '912345678' }, 'specialist').expect(201)).body
    .employerId;
  const job = { participantId, employerId, jobTitle: 'Packer', startDate: '2026-03-02', hoursPerWeek: 20, hourlyWage: 230 };
  const placementId: string = (await post('/employer/placements', job, 'specialist').expect(201)).body.placementId;
  tokens['hr'] = await harness.token({ sub: 'hr-kari', agency: 'employer', role: 'employer', employerId });
  tokens['otherEmployer'] = await harness.token({ sub: 'hr-nils', agency: 'employer', role: 'employer', employerId: randomUUID() });
  tokens['participant'] = await harness.token({ sub: 'ola', agency: 'participant', role: 'participant', participantId });

  const team = `/employer/on-call/teams/${randomUUID()}`;
  await harness.http
    .put(team)
    .set(auth('supervisor'))
    .send({ name: 'IPS Trondheim', timeZone: 'Europe/Oslo', employmentSpecialistIds: ['es-ingrid'] })
    .expect(200);
  const shift = (workerId: string, role: string, from: string, to: string) => post(`${team}/shifts`, { workerId, role, from, to }, 'supervisor').expect(201);
  await shift('es-per', 'employment-specialist', '2026-03-02T08:00', '2026-03-02T16:00');
  await shift('es-ingrid', 'employment-specialist', '2026-03-02T16:00', '2026-03-02T23:00');
  await shift('sup-siri', 'supervisor', '2026-03-02T16:00', '2026-03-03T08:00');
  const crisisDuty = { workerId: 'mw-per', name: 'Per Lund', phone: '+4798765432', from: '2026-03-02T16:00:00+01:00', to: '2026-03-03T08:00:00+01:00' };
  await post('/municipality/crisis-duty', crisisDuty, 'municipality').expect(201);

  return {
    participantId,
    employerId,
    placementId,
    post,
    get,
    submitAt: async (instant: string, who = 'hr'): Promise<string> => {
      harness.clock.set(instant);
      const body = { placementId, message: 'Ola collapsed at work and was taken home.', urgency: 'urgent', callbackPhone: '+4791234567' };
      return (await post('/employer/contact-requests', body, who).expect(202)).body.requestId as string;
    },
    /** The worker also polls by itself; a tick makes it look now. Assertions read the request, whoever escalated it. */
    tickAt: async (instant: string): Promise<void> => {
      harness.clock.set(instant);
      await employer().get(ContactRequestEscalations).tick();
    },
    deliver: () => employer().get(NotificationDeliveries).tick(),
    view: async (requestId: string) => (await get(`/employer/contact-requests/${requestId}`, 'supervisor').expect(200)).body,
    /** Requests a test left open would escalate in the next one, which moves the clock again. */
    resolveOpen: async (): Promise<void> => {
      const open = (await get('/employer/contact-requests?status=open&limit=200', 'supervisor').expect(200)).body.requests;
      for (const { requestId } of open) await post(`/employer/contact-requests/${requestId}/resolve`, { note: 'test over' }, 'supervisor').expect(201);
    },
  };
}
