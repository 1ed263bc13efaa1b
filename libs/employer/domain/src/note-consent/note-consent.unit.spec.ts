import { decideSpec } from '@ips/testing';
import { participantEmploymentAggregate } from '../index';
import { at, disclosure, discharged, enrolled, participantId } from '../testing/participant-employment.fixtures';
import { NoteConsent, decideNoteConsent } from './note-consent.decide';

const spec = decideSpec(participantEmploymentAggregate, decideNoteConsent);
const given = '2026-01-14T10:00:00.000Z';
const later = '2026-03-01T10:00:00.000Z';
const noteConsent = (employerDisclosure: boolean, now = given): NoteConsent => ({
  type: 'NoteConsent',
  data: { participantId, employerDisclosure },
  metadata: at(now),
});

describe('note consent', () => {
  describe('NotEnrolled, no consent', () => {
    it('notes a consent that discloses to employers: consent may come before the enrolment', () => {
      spec.given().when(noteConsent(true)).then(disclosure(true, given));
    });

    it('notes nothing for a consent without disclosure or a withdrawal: employers are not told either way', () => {
      spec.given().when(noteConsent(false)).then();
    });
  });

  describe('Enrolled, consent discloses to employers', () => {
    it('notes a withdrawal, or a later consent without disclosure that replaces it', () => {
      spec.given(enrolled, disclosure(true)).when(noteConsent(false, later)).then(disclosure(false, later));
    });

    it('notes nothing new for a later consent that discloses too, or the same one delivered again', () => {
      spec.given(enrolled, disclosure(true)).when(noteConsent(true, later)).then();
      spec.given(enrolled, disclosure(true)).when(noteConsent(true)).then();
    });
  });

  describe('Enrolled, consent withdrawn', () => {
    it('notes a new consent that discloses again', () => {
      const again = '2026-04-01T10:00:00.000Z';
      spec.given(enrolled, disclosure(true), disclosure(false, later)).when(noteConsent(true, again)).then(disclosure(true, again));
    });

    it('ignores the old consent delivered again after the withdrawal: the latest is in force', () => {
      spec.given(enrolled, disclosure(true), disclosure(false, later)).when(noteConsent(true, given)).then();
    });
  });

  describe('Discharged', () => {
    it('still notes the consent: noting never refuses', () => {
      spec.given(enrolled, discharged).when(noteConsent(true)).then(disclosure(true, given));
    });
  });
});
