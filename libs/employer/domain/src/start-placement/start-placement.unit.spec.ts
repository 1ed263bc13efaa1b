import { decideSpec } from '@ips/testing';
import { fold } from '@ips/utils';
import { ParticipantEmploymentErrors, participantEmploymentAggregate } from '../index';
import {
  at,
  discharged,
  employerId,
  ended,
  enrolled,
  minimumHourlyWage,
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
const { notCompetitive, invalidHours, wageBelowMinimum } = ParticipantEmploymentErrors;

describe('start placement', () => {
  describe('NotEnrolled', () => {
    it('refuses: placements start only for enrolled participants', () => {
      spec.given().when(startPlacement()).thenRefused(ParticipantEmploymentErrors.participantNotEnrolled, 'conflict');
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
      spec
        .given(enrolled, started())
        .when(startPlacement())
        .thenRefused(ParticipantEmploymentErrors.placementAlreadyStarted, 'conflict');
    });

    it('refuses an employer that is not registered', () => {
      spec
        .given(enrolled)
        .when(startPlacement({ employerRegistered: false }))
        .thenRefused(ParticipantEmploymentErrors.employerNotFound, 'not-found');
    });

    it.each(['sheltered', 'unpaid-trial'] as const)('rejects %s work: IPS places only in competitive jobs', (type) => {
      spec.given(enrolled).when(startPlacement({ employmentType: type })).thenRefused(notCompetitive, 'rejected');
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
      spec
        .given(enrolled, discharged)
        .when(startPlacement())
        .thenRefused(ParticipantEmploymentErrors.participantNotEnrolled, 'conflict');
    });
  });
});
