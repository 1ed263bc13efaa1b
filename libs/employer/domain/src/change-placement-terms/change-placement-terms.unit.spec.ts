import { decideSpec } from '@ips/testing';
import { ParticipantEmploymentErrors, PlacementTermsChanged, participantEmploymentAggregate } from '../index';
import {
  at,
  employerId,
  ended,
  enrolled,
  minimumHourlyWage,
  otherPlacementId,
  participantId,
  placementId,
  started,
} from '../testing/participant-employment.fixtures';
import { ChangePlacementTerms, decideChangePlacementTerms } from './change-placement-terms.decide';

const spec = decideSpec(participantEmploymentAggregate, decideChangePlacementTerms);
const changeTerms = (data: Partial<ChangePlacementTerms['data']> = {}): ChangePlacementTerms => ({
  type: 'ChangePlacementTerms',
  data: {
    participantId,
    placementId,
    effectiveFrom: '2026-04-01',
    hoursPerWeek: 30,
    hourlyWage: 240,
    minimumHourlyWage,
    ...data,
  },
  metadata: at('2026-03-20T11:00:00.000Z'),
});
const termsChanged = (data: Partial<PlacementTermsChanged['data']> = {}): PlacementTermsChanged => ({
  type: 'PlacementTermsChanged',
  data: {
    participantId,
    placementId,
    employerId,
    effectiveFrom: '2026-04-01',
    hoursPerWeek: 30,
    hourlyWage: 240,
    recordedAt: '2026-03-20T11:00:00.000Z',
    ...data,
  },
});

describe('change placement terms', () => {
  describe('NotEnrolled', () => {
    it('refuses: there is no placement', () => {
      spec.given().when(changeTerms()).thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });
  });

  describe('Enrolled', () => {
    it('records new hours and wage from a date', () => {
      spec.given(enrolled, started()).when(changeTerms()).then(termsChanged());
    });

    it('records a change of hours alone', () => {
      spec
        .given(enrolled, started())
        .when(changeTerms({ hoursPerWeek: 25, hourlyWage: 230 }))
        .then(termsChanged({ hoursPerWeek: 25, hourlyWage: 230 }));
    });

    it('refuses terms that are already the current ones', () => {
      spec
        .given(enrolled, started())
        .when(changeTerms({ hoursPerWeek: 20, hourlyWage: 230 }))
        .thenRefused(ParticipantEmploymentErrors.termsUnchanged, 'conflict');
    });

    it('compares with the latest terms, not the first ones', () => {
      spec
        .given(enrolled, started(), termsChanged())
        .when(changeTerms({ hoursPerWeek: 20, hourlyWage: 230 }))
        .then(termsChanged({ hoursPerWeek: 20, hourlyWage: 230 }));
      spec.given(enrolled, started(), termsChanged()).when(changeTerms()).thenRefused(ParticipantEmploymentErrors.termsUnchanged, 'conflict');
    });

    it('rejects a wage below the configured minimum', () => {
      spec
        .given(enrolled, started())
        .when(changeTerms({ hourlyWage: 150 }))
        .thenRefused(ParticipantEmploymentErrors.wageBelowMinimum, 'rejected');
    });

    it.each([[0], [61]])('rejects %d hours a week', (hoursPerWeek) => {
      spec.given(enrolled, started()).when(changeTerms({ hoursPerWeek })).thenRefused(ParticipantEmploymentErrors.invalidHours, 'rejected');
    });

    it('refuses an unknown placement', () => {
      spec
        .given(enrolled, started())
        .when(changeTerms({ placementId: otherPlacementId }))
        .thenRefused(ParticipantEmploymentErrors.placementNotFound, 'not-found');
    });

    it('refuses a placement that has ended', () => {
      spec.given(enrolled, started(), ended()).when(changeTerms()).thenRefused(ParticipantEmploymentErrors.placementEnded, 'conflict');
    });
  });
});
