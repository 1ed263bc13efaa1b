import { EventContract, EventOf } from './shared-event';

const publisher = 'employer';
const audience = 'sharing-circle-and-named-employer';

export const CONTACT_REQUEST_URGENCIES = ['routine', 'urgent'] as const;

/** Who a request goes to, in escalation order: the specialist on call, the IPS supervisor, the municipal crisis service. */
export const ON_CALL_TIERS = ['employment-specialist', 'supervisor', 'crisis-service'] as const;

/**
 * The employer's message and callback phone stay in the employer service: they are personal data in
 * free text and may say anything about the participant. Other agencies learn that a request came in,
 * how urgent it is, who has it and by when it must be acknowledged.
 */
const request = {
  requestId: { rule: { kind: 'uuid' }, description: 'the contact request' },
  placementId: { rule: { kind: 'uuid' }, description: 'the placement it is about' },
  employerId: { rule: { kind: 'uuid' }, description: 'the employer who called' },
} as const;
const assignment = {
  tier: { rule: { kind: 'enum', values: ON_CALL_TIERS }, description: 'who has the request now' },
  assigneeId: { rule: { kind: 'text', maxLength: 200 }, optional: true, description: 'the worker on duty; absent when nobody was' },
  acknowledgeBy: { rule: { kind: 'instant' }, description: 'escalates when not acknowledged by then' },
} as const;

export const contactRequestReceivedV1 = {
  type: 'ContactRequestReceived',
  version: 1,
  publisher,
  audience,
  description: 'An employer called the 24/7 contact line about a placement; routed to whoever is on duty.',
  fields: {
    ...request,
    urgency: { rule: { kind: 'enum', values: CONTACT_REQUEST_URGENCIES }, description: 'as the employer put it' },
    ...assignment,
  },
} as const satisfies EventContract;

export const contactRequestEscalatedV1 = {
  type: 'ContactRequestEscalated',
  version: 1,
  publisher,
  audience,
  description:
    'Nobody acknowledged the request in time: it went to the next tier with someone on duty (supervisor, then crisis ' +
    'service); with nobody on duty above, it stayed with whoever had it (same tier and worker, a new deadline) and the ' +
    'team was told again.',
  fields: {
    ...request,
    level: {
      rule: { kind: 'number', min: 1 },
      description: 'how many times it has escalated (an escalation that stayed with its holder counts, so it may exceed 2)',
    },
    ...assignment,
  },
} as const satisfies EventContract;

export const contactRequestAcknowledgedV1 = {
  type: 'ContactRequestAcknowledged',
  version: 1,
  publisher,
  audience,
  description: 'Someone on the team took the request (who: `recordedBy`); escalation stops.',
  fields: request,
} as const satisfies EventContract;

export const contactRequestResolvedV1 = {
  type: 'ContactRequestResolved',
  version: 1,
  publisher,
  audience,
  description: 'The request was dealt with. The resolution note stays in the employer service (it may hold health information).',
  fields: request,
} as const satisfies EventContract;

export type ContactRequestReceivedV1 = EventOf<typeof contactRequestReceivedV1>;
export type ContactRequestEscalatedV1 = EventOf<typeof contactRequestEscalatedV1>;
export type ContactRequestAcknowledgedV1 = EventOf<typeof contactRequestAcknowledgedV1>;
export type ContactRequestResolvedV1 = EventOf<typeof contactRequestResolvedV1>;

export const contactLineContracts = [contactRequestReceivedV1, contactRequestEscalatedV1, contactRequestAcknowledgedV1, contactRequestResolvedV1] as const;

export type ContactLineSharedEvent = ContactRequestReceivedV1 | ContactRequestEscalatedV1 | ContactRequestAcknowledgedV1 | ContactRequestResolvedV1;
