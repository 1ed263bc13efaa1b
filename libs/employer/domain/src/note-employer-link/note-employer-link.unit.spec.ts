import { decideSpec } from '@ips/testing';
import { participantEmploymentAggregate } from '../index';
import { at, discharged, enrolled, employerId, linked, otherEmployerId, participantId } from '../testing/participant-employment.fixtures';
import { NoteEmployerLink, decideNoteEmployerLink } from './note-employer-link.decide';

const spec = decideSpec(participantEmploymentAggregate, decideNoteEmployerLink);
const noteLink = (employer = employerId, now = '2026-01-20T10:00:00.000Z'): NoteEmployerLink => ({
  type: 'NoteEmployerLink',
  data: { participantId, employerId: employer },
  metadata: at(now),
});

describe('note employer link', () => {
  describe('NotEnrolled', () => {
    it('notes the link: a fact from the welfare office, whatever arrived before it', () => {
      spec.given().when(noteLink()).then(linked());
    });
  });

  describe('Enrolled', () => {
    it('notes the link when the specialist first contacts the employer for the participant', () => {
      spec.given(enrolled).when(noteLink()).then(linked());
    });
  });

  describe('Enrolled, linked to the employer', () => {
    it('notes nothing new for a later contact with the same employer, or the same one delivered again', () => {
      spec.given(enrolled, linked()).when(noteLink(employerId, '2026-02-03T10:00:00.000Z')).then();
      spec.given(enrolled, linked()).when(noteLink()).then();
    });

    it('notes a link to another employer beside it', () => {
      const later = '2026-02-03T10:00:00.000Z';
      spec
        .given(enrolled, linked())
        .when(noteLink(otherEmployerId, later))
        .then(linked({ employerId: otherEmployerId, linkedAt: later }));
    });
  });

  describe('Discharged', () => {
    it('still notes the link: noting never refuses', () => {
      spec.given(enrolled, discharged).when(noteLink()).then(linked());
    });
  });
});
