import { randomUUID } from 'node:crypto';
import { PgliteDriver } from '@ips/postgres';
import { welfareOfficeEvent } from '@ips/messaging/testing';
import { createTeamViewConsumer, rebuildTeamViewReadModels } from './team-view.projector';

const event = welfareOfficeEvent;

describe('team-view read models rebuilt from the timeline', () => {
  let db: PgliteDriver;
  const caseload = () => db.query('select participant_id, employment_specialist_id, enrolled_at, discharged_at from tv_caseload order by participant_id');

  beforeEach(async () => {
    db = await PgliteDriver.open();
  });
  afterEach(() => db.close());

  it('gives the same caseload as the live projection, after the derived tables were lost or went wrong', async () => {
    const consumer = await createTeamViewConsumer(db);
    const [kari, ola] = [randomUUID(), randomUUID()];
    const events = [
      event(kari, 0, 'ParticipantEnrolled', { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }),
      event(ola, 1, 'ParticipantEnrolled', { employmentSpecialistId: 'es-per', contactPersonId: 'cw-ola' }),
      event(ola, 2, 'ParticipantEnrolled', { employmentSpecialistId: 'es-ingrid', contactPersonId: 'cw-ola' }),
      event(kari, 3, 'ParticipantDischarged', { reason: 'steady-employment' }),
    ];
    let position = 0;
    for (const shared of events) {
      await consumer.handle({
        message: { id: shared.id, key: shared.participantId, type: `${shared.type}.v1`, payload: shared, source: 'welfare-office' },
        cursor: { stream: 'outbox:test', position: ++position },
      });
    }
    const live = await caseload();
    expect(live).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ participant_id: kari, discharged_at: expect.anything() }),
        expect.objectContaining({ participant_id: ola, employment_specialist_id: 'es-ingrid', discharged_at: null }),
      ]),
    );

    await db.exec(`delete from tv_caseload where participant_id = '${kari}'; update tv_caseload set employment_specialist_id = 'wrong'`);
    expect(await rebuildTeamViewReadModels(db)).toBe(4);
    expect(await caseload()).toEqual(live);
  });
});
