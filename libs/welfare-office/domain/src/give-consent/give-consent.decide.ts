import { Command, Decision, accept, refuse } from '@ips/kernel';
import { ParticipantErrors } from '../participant/participant.errors';
import { ConsentGiven, ParticipantEvent } from '../participant/participant.events';
import { ParticipantState } from '../participant/participant.state';

export type GiveConsent = Command<'GiveConsent', Omit<ConsentGiven['data'], 'at'>>;

/**
 * Employer disclosure lets the employer see entries about its placements: that is sharing with the employer, so a
 * consent that discloses to an employer the participant does not share with says yes and no at once.
 */
export const disclosesWithoutSharing = (consent: Pick<GiveConsent['data'], 'shareWith' | 'employerDisclosure'>): boolean =>
  consent.employerDisclosure && !consent.shareWith.includes('employer');

export const DISCLOSURE_WITHOUT_EMPLOYER =
  "the employer can only be told if the record is shared with the employer: add 'employer' to shareWith, or set employerDisclosure to false";

/** give-consent: the participant decides who shares their record; a new consent replaces the last one. */
export function decideGiveConsent(command: GiveConsent, state: ParticipantState): Decision<ParticipantEvent> {
  if (state.status === 'Unknown') return refuse('not-found', ParticipantErrors.notFound, 'no participant with this id that you may see');
  if (disclosesWithoutSharing(command.data)) return refuse('rejected', ParticipantErrors.disclosureWithoutEmployer, DISCLOSURE_WITHOUT_EMPLOYER);
  const shareWith = [...new Set(command.data.shareWith)].filter((agency) => agency !== 'welfare-office');
  return accept({ type: 'ConsentGiven', data: { ...command.data, shareWith, at: command.metadata.now } });
}
