import request from 'supertest';
import { TestPlatform } from './profiles';

/** An employment specialist at the welfare office referring participants and reading their team-view timelines back. */
export interface Referrals {
  /** The specialist's Authorization header. */
  auth(): { Authorization: string };
  /** Refers participant `Kari <n>` (201) and returns their id. */
  refer(n: number): Promise<string>;
  /** The participant's timeline in the team view, as a request still to be awaited (and `.expect`ed). */
  timelineOf(participantId: string): request.Test;
}

/** Referrals as specialist es-ingrid of the welfare office; the token stays good across the harness's restarts. */
export async function referrals(harness: TestPlatform): Promise<Referrals> {
  const token = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
  const auth = () => ({ Authorization: `Bearer ${token}` });
  return {
    auth,
    refer: async (n) => {
      const response = await harness.http
        .post('/welfare-office/referrals')
        .set(auth())
        .send({ givenName: `Kari ${n}`, familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'DPS Lerkendal' })
        .expect(201);
      return response.body.participantId as string;
    },
    timelineOf: (participantId) => harness.http.get(`/team-view/participants/${participantId}/timeline`).set(auth()),
  };
}
