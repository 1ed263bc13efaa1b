import { UseCaseCommand } from '@ips/command-pipeline';
import { Command, DomainError } from '@ips/kernel';
import { ParticipantErrors, ReferParticipant } from '@ips/welfare-office/domain';

/** What the referrer sends: the team named (none: the default team, while no team is defined), and whether a possible duplicate was checked. */
export type Referral = Omit<ReferParticipant['data'], 'teamId'> & { readonly teamId?: string; readonly confirmNotDuplicate: boolean };

/** refer-participant: someone is referred to IPS, to a team; never refused for symptoms, use, history or readiness. */
export class ReferParticipantCommand extends UseCaseCommand<Command<'ReferParticipant', Referral>> {
  readonly type = 'ReferParticipant';
}

export const DUPLICATE_DETAIL =
  'someone with the same name and birth date is already referred in one of your teams; open their record, or send the referral again with confirmNotDuplicate: true';

/** The refusal of a possible duplicate: someone with the same name and birth date is already referred in one of the referrer's teams. */
export interface PossibleDuplicate extends DomainError {
  /** Those participants, oldest id first: never one of a team the referrer is not on. */
  readonly duplicates: readonly string[];
}

export const isPossibleDuplicate = (error: DomainError): error is PossibleDuplicate =>
  error.code === ParticipantErrors.possibleDuplicate && 'duplicates' in error && Array.isArray(error.duplicates);
