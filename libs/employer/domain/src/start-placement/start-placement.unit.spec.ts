import { decideSpec } from '@ips/testing';
import { fold } from '@ips/kernel';
import { ParticipantEmploymentErrors, ParticipantEmploymentEvent, participantEmploymentAggregate } from '../index';
import {
  asEmployer,
  at,
  disclosure,
  discharged,
  employerId,
  ended,
  enrolled,
  linked,
  minimumHourlyWage,
  otherEmployerId,
  otherPlacementId,
  participantId,
  placementId,
  started,
} from '../testing/participant-employment.fixtures';
import { StartPlacement, decideStartPlacement } from './start-placement.decide';

const spec = decideSpec(participantEmploymentAggregate, decideStartPlacement);
const startPlacement = (data: Partial<StartPlacement['data']> = {}): StartPlacement => ({
  type: 'StartPlacement',
  data: {
    participantId,
    placementId,
    employerId,
    employerRegistered: true,
    jobTitle: 'Warehouse assistant',
    startDate: '2026-02-02',
    hoursPerWeek: 20,
    hourlyWage: 230,
    employmentType: 'competitive',
    minimumHourlyWage,
    ...data,
  },
  metadata: at('2026-01-28T13:00:00.000Z'),
});
/** The same job start, sent with the employer's own token. */
const byEmployer = (data: Partial<StartPlacement['data']> = {}): StartPlacement => ({
  ...startPlacement(data),
  metadata: asEmployer('2026-01-28T13:00:00.000Z'),
});
const { notCompetitive, invalidHours, wageBelowMinimum, participantNotFound } = ParticipantEmploymentErrors;
/** What an employer is told for every participant it may not record a job for. */
const notFoundForEmployer = { code: participantNotFound, kind: 'not-found', message: 'no participant with this id that you may see' };
const refusalFor = (history: ParticipantEmploymentEvent[], command = byEmployer()) =>
  decideStartPlacement(command, fold(participantEmploymentAggregate, history));

describe('start placement', () => {
  describe('NotEnrolled', () => {
    it('refuses: placements start only for enrolled participants', () => {
      spec.given().when(startPlacement()).thenRefused(ParticipantEmploymentErrors.participantNotEnrolled, 'conflict');
    });

    it('answers an employer as for an unknown participant, linked and disclosed or not: it must not learn who is in IPS', () => {
      spec.given().when(byEmployer()).thenRefused(participantNotFound, 'not-found');
      spec.given(linked(), disclosure(true)).when(byEmployer()).thenRefused(participantNotFound, 'not-found');
    });
  });

  describe('Enrolled', () => {
    it('starts a competitive job', () => {
      spec.given(enrolled).when(startPlacement()).then(started());
    });

    it('accepts a wage exactly at the minimum', () => {
      spec
        .given(enrolled)
        .when(startPlacement({ hourlyWage: minimumHourlyWage }))
        .then(started({ hourlyWage: minimumHourlyWage }));
    });

    it('starts a second job alongside the first: people hold more than one', () => {
      spec
        .given(enrolled, started())
        .when(startPlacement({ placementId: otherPlacementId, hoursPerWeek: 8 }))
        .then(started({ placementId: otherPlacementId, hoursPerWeek: 8 }));
    });

    it('refuses the same placement twice', () => {
      spec.given(enrolled, started()).when(startPlacement()).thenRefused(ParticipantEmploymentErrors.placementAlreadyStarted, 'conflict');
    });

    it('refuses an employer that is not registered', () => {
      spec
        .given(enrolled)
        .when(startPlacement({ employerRegistered: false }))
        .thenRefused(ParticipantEmploymentErrors.employerNotFound, 'not-found');
    });

    it.each(['sheltered', 'unpaid-trial'] as const)('rejects %s work: IPS places only in competitive jobs', (type) => {
      spec
        .given(enrolled)
        .when(startPlacement({ employmentType: type }))
        .thenRefused(notCompetitive, 'rejected');
    });

    it('rejects a wage below the configured minimum', () => {
      spec
        .given(enrolled)
        .when(startPlacement({ hourlyWage: minimumHourlyWage - 0.5 }))
        .thenRefused(wageBelowMinimum, 'rejected');
    });

    it.each([[0], [-4], [0.5], [61]])('rejects %d hours a week', (hoursPerWeek) => {
      spec.given(enrolled).when(startPlacement({ hoursPerWeek })).thenRefused(invalidHours, 'rejected');
    });
  });

  describe('Enrolled, linked to the employer, consent discloses to employers', () => {
    const history = [enrolled, disclosure(true), linked()];

    it('lets the employer record the job start', () => {
      spec
        .given(...history)
        .when(byEmployer())
        .then(started());
    });

    it('holds the employer to the same rules as staff', () => {
      spec
        .given(...history)
        .when(byEmployer({ hourlyWage: minimumHourlyWage - 1 }))
        .thenRefused(wageBelowMinimum, 'rejected');
      spec
        .given(...history)
        .when(byEmployer({ employerRegistered: false }))
        .thenRefused(ParticipantEmploymentErrors.employerNotFound);
    });

    it('refuses another employer the team did not link, as for an unknown participant', () => {
      spec
        .given(...history)
        .when(byEmployer({ employerId: otherEmployerId }))
        .thenRefused(participantNotFound, 'not-found');
    });
  });

  describe('Enrolled, linked to the employer, consent without disclosure to employers', () => {
    it('refuses the employer as for an unknown participant', () => {
      spec.given(enrolled, disclosure(false), linked()).when(byEmployer()).thenRefused(participantNotFound, 'not-found');
      spec.given(enrolled, linked()).when(byEmployer()).thenRefused(participantNotFound, 'not-found');
    });

    it('lets the employment specialist record the job start as ever', () => {
      spec.given(enrolled, linked()).when(startPlacement()).then(started());
    });
  });

  describe('Enrolled, linked to the employer, consent withdrawn', () => {
    it('refuses the employer as for an unknown participant', () => {
      spec
        .given(enrolled, disclosure(true), linked(), disclosure(false, '2026-01-25T10:00:00.000Z'))
        .when(byEmployer())
        .thenRefused(participantNotFound, 'not-found');
    });
  });

  describe('Enrolled, consent discloses to employers, the employer not linked', () => {
    it('refuses the employer as for an unknown participant', () => {
      spec.given(enrolled, disclosure(true)).when(byEmployer()).thenRefused(participantNotFound, 'not-found');
      spec
        .given(enrolled, disclosure(true), linked({ employerId: otherEmployerId }))
        .when(byEmployer())
        .thenRefused(participantNotFound, 'not-found');
    });

    it('lets the employment specialist record the job start as ever', () => {
      spec.given(enrolled).when(startPlacement()).then(started());
    });
  });

  describe('whatever the state, for an employer', () => {
    it('is one and the same refusal, so nothing tells the cases apart', () => {
      const refusals = [
        refusalFor([]),
        refusalFor([linked(), disclosure(true)]),
        refusalFor([enrolled]),
        refusalFor([enrolled, linked()]),
        refusalFor([enrolled, disclosure(true)]),
        refusalFor([enrolled, disclosure(true), linked(), disclosure(false, '2026-01-25T10:00:00.000Z')]),
        refusalFor([enrolled, disclosure(true), linked()], byEmployer({ employerId: otherEmployerId })),
        refusalFor([enrolled, disclosure(true), linked(), discharged]),
        // Checked before anything else: an employer's wrong wage tells it nothing about a participant it may not see.
        refusalFor([enrolled], byEmployer({ hourlyWage: 0, employmentType: 'sheltered' })),
      ];
      for (const refusal of refusals) expect(refusal).toEqual({ ok: false, error: notFoundForEmployer });
    });
  });

  describe('Enrolled, after a job ended', () => {
    it('keeps the participant enrolled: a job loss is not a discharge', () => {
      expect(fold(participantEmploymentAggregate, [enrolled, started(), ended()]).status).toBe('Enrolled');
    });

    it('starts the next job', () => {
      spec
        .given(enrolled, started(), ended())
        .when(startPlacement({ placementId: otherPlacementId, startDate: '2026-06-15' }))
        .then(started({ placementId: otherPlacementId, startDate: '2026-06-15' }));
    });
  });

  describe('Discharged', () => {
    it('refuses: the participant has left IPS', () => {
      spec.given(enrolled, discharged).when(startPlacement()).thenRefused(ParticipantEmploymentErrors.participantNotEnrolled, 'conflict');
    });

    it('answers an employer linked under a disclosing consent as for an unknown participant', () => {
      spec.given(enrolled, disclosure(true), linked(), discharged).when(byEmployer()).thenRefused(participantNotFound, 'not-found');
    });
  });
});
