import { EventContract, SharedEvent } from '../shared-event';

export const participantReferredV1 = {
  type: 'ParticipantReferred',
  version: 1,
  publisher: 'welfare-office',
  audience: 'sharing-circle',
  description:
    'Someone was referred to IPS (by treatment, the welfare office or themselves). Zero exclusion: a referral is never refused.',
  fields: {
    givenName: { rule: { kind: 'text', maxLength: 200 }, description: 'personal data' },
    familyName: { rule: { kind: 'text', maxLength: 200 }, description: 'personal data' },
    birthDate: { rule: { kind: 'date' }, description: 'personal data' },
    referredBy: { rule: { kind: 'text', maxLength: 200 }, description: 'who referred: a service, a person, or `self`' },
    reason: { rule: { kind: 'text', maxLength: 2000 }, optional: true, description: 'in the referrer\'s words' },
  },
} as const satisfies EventContract;

export type ParticipantReferredV1 = SharedEvent<
  'ParticipantReferred',
  { givenName: string; familyName: string; birthDate: string; referredBy: string; reason?: string }
>;
