import { UseCaseCommand } from '@ips/command-pipeline';
import { EscalateContactRequest, OnCallTier } from '@ips/employer/domain';
import { Command } from '@ips/kernel';

type DueEscalation = Omit<EscalateContactRequest['data'], 'onDuty' | 'acknowledgeWithin'> & {
  /** Whose team's on-call the request goes to (the deadline's row has it). */
  readonly participantId: string;
  /** The lowest tier to look for someone on duty in: the one above the request's. */
  readonly nextTier: OnCallTier;
};

/** escalate-contact-request: nobody acknowledged the request in time, so the line passes it to the next tier on duty. */
export class EscalateContactRequestCommand extends UseCaseCommand<Command<'EscalateContactRequest', DueEscalation>> {
  readonly type = 'EscalateContactRequest';
}
