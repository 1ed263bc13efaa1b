import { GRANT_HOLDER } from '@ips/access';
import { Aggregate, Command, Decision, DomainEvent, accept, refuse } from '@ips/kernel';

/**
 * Emergency access ("break the glass", decision 30): staff with no relation to a participant open that one record for
 * a limited time, with a reason. Grants are events in the team view's own store, one stream per participant: what the
 * auth guard asks on every read of someone outside their work need is one short stream, and a grant is decided
 * against that participant's other grants. The record's holder may end it early; a supervisor of the team the
 * participant was on reviews it, once, with a note.
 */

/** Why the glass was broken: a short list a supervisor can count, the words in `reason`. */
export const EMERGENCY_REASON_CODES = ['urgent-care', 'covering-colleague', 'contact-line', 'other'] as const;
export type EmergencyReasonCode = (typeof EMERGENCY_REASON_CODES)[number];

export const EMERGENCY_REASON_TEXT: Readonly<Record<EmergencyReasonCode, string>> = {
  'urgent-care': "a risk to the participant's health or safety that cannot wait for their team",
  'covering-colleague': 'covering for an absent member of their team',
  'contact-line': "an employer's call on the 24/7 line about them",
  other: 'another reason, said in the text',
};

/** How long a grant lasts when its end is left out (EMERGENCY_ACCESS_HOURS), and the longest one may ask for. */
export const DEFAULT_EMERGENCY_ACCESS_HOURS = 4;
export const MAX_EMERGENCY_ACCESS_HOURS = 24;
export const EMERGENCY_REASON_MAX_LENGTH = 500;
export const EMERGENCY_NOTE_MAX_LENGTH = 1000;

export interface Holder {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
}

interface GrantedData {
  readonly grantId: string;
  readonly participantId: string;
  /** The participant's team when the glass was broken (null: a participant no team held): its supervisors review it. */
  readonly teamId: string | null;
  readonly holder: Holder;
  readonly reasonCode: EmergencyReasonCode;
  readonly reason: string;
  readonly grantedAt: string;
  readonly until: string;
}
export type EmergencyAccessGranted = DomainEvent<'EmergencyAccessGranted', GrantedData>;
export type EmergencyAccessEnded = DomainEvent<'EmergencyAccessEnded', { readonly grantId: string; readonly participantId: string; readonly endedAt: string }>;
export type EmergencyAccessReviewed = DomainEvent<
  'EmergencyAccessReviewed',
  { readonly grantId: string; readonly participantId: string; readonly reviewedBy: Holder; readonly note: string; readonly at: string }
>;
export type EmergencyAccessEvent = EmergencyAccessGranted | EmergencyAccessEnded | EmergencyAccessReviewed;

/** A grant as it stands: what was granted, whether its holder ended it, and its review. */
export interface EmergencyGrant extends GrantedData {
  readonly endedAt: string | null;
  readonly review: { readonly by: Holder; readonly note: string; readonly at: string } | null;
}

/** One participant's grants, by id, in the order they were made. */
export type EmergencyGrants = ReadonlyMap<string, EmergencyGrant>;

export const emergencyAccessAggregate: Aggregate<EmergencyGrants, EmergencyAccessEvent> = {
  category: 'team-view.emergency-access',
  initialState: new Map(),
  evolve: (grants, event) => {
    const next = new Map(grants);
    const grant = grants.get(event.data.grantId);
    switch (event.type) {
      case 'EmergencyAccessGranted':
        next.set(event.data.grantId, { ...event.data, endedAt: null, review: null });
        break;
      case 'EmergencyAccessEnded':
        if (grant) next.set(grant.grantId, { ...grant, endedAt: event.data.endedAt });
        break;
      case 'EmergencyAccessReviewed':
        if (grant) next.set(grant.grantId, { ...grant, review: { by: event.data.reviewedBy, note: event.data.note, at: event.data.at } });
        break;
    }
    return next;
  },
};

/** A grant opens the record from its start until it expires or its holder ends it, whichever is first. */
export const isInForce = (grant: EmergencyGrant, at: Date): boolean => {
  const end = grant.endedAt !== null && grant.endedAt < grant.until ? grant.endedAt : grant.until;
  return Date.parse(grant.grantedAt) <= at.getTime() && at.getTime() < Date.parse(end);
};

export type GrantStatus = 'in-force' | 'ended' | 'expired';

export const statusOf = (grant: EmergencyGrant, at: Date): GrantStatus =>
  isInForce(grant, at) ? 'in-force' : grant.endedAt !== null && grant.endedAt < grant.until ? 'ended' : 'expired';

/** The holder's grant in force at `at`, if any (a person is one `sub` at one agency). */
export const grantInForce = (grants: EmergencyGrants, holder: Pick<Holder, 'sub' | 'agency'>, at: Date): EmergencyGrant | null =>
  [...grants.values()].find((grant) => GRANT_HOLDER.is(holder, grant.holder) && isInForce(grant, at)) ?? null;

export const EmergencyAccessErrors = {
  notFound: 'EMERGENCY_ACCESS.NOT_FOUND',
  notNeeded: 'EMERGENCY_ACCESS.NOT_NEEDED',
  alreadyOpen: 'EMERGENCY_ACCESS.ALREADY_OPEN',
  untilNotAhead: 'EMERGENCY_ACCESS.UNTIL_NOT_AHEAD',
  tooLong: 'EMERGENCY_ACCESS.TOO_LONG',
  ended: 'EMERGENCY_ACCESS.ENDED',
  alreadyReviewed: 'EMERGENCY_ACCESS.ALREADY_REVIEWED',
  ownGrant: 'EMERGENCY_ACCESS.OWN_GRANT',
} as const;

export type GrantEmergencyAccess = Command<
  'GrantEmergencyAccess',
  {
    readonly grantId: string;
    readonly participantId: string;
    readonly teamId: string | null;
    readonly reasonCode: EmergencyReasonCode;
    readonly reason: string;
    /** The end asked for; null: `defaultHours` from now. */
    readonly until: string | null;
    readonly defaultHours: number;
    /** The reader's relation to the participant now, from the team directory: a grant is for those with none. */
    readonly relation: 'member' | 'named' | null;
  }
>;
export type EndEmergencyAccess = Command<'EndEmergencyAccess', { readonly grantId: string }>;
export type ReviewEmergencyAccess = Command<'ReviewEmergencyAccess', { readonly grantId: string; readonly note: string }>;

const HOUR_MS = 3_600_000;

/**
 * grant-emergency-access: a grant is for someone with no relation to the participant, ends ahead of now and within 24
 * hours, and is one at a time per person and participant.
 */
export function decideGrantEmergencyAccess(command: GrantEmergencyAccess, grants: EmergencyGrants): Decision<EmergencyAccessEvent> {
  const { grantId, participantId, teamId, reasonCode, reason, defaultHours, relation } = command.data;
  const { actor, now } = command.metadata;
  if (relation !== null) {
    return refuse(
      'conflict',
      EmergencyAccessErrors.notNeeded,
      `you work with this participant already (${relation === 'member' ? 'a member of their team' : 'named on their record'}): open the record as usual`,
    );
  }
  const start = Date.parse(now);
  const until = command.data.until ?? new Date(start + defaultHours * HOUR_MS).toISOString();
  if (Date.parse(until) <= start)
    return refuse('rejected', EmergencyAccessErrors.untilNotAhead, 'until must be ahead of now: emergency access starts now and cannot end in the past');
  if (Date.parse(until) - start > MAX_EMERGENCY_ACCESS_HOURS * HOUR_MS) {
    return refuse('rejected', EmergencyAccessErrors.tooLong, `emergency access lasts at most ${MAX_EMERGENCY_ACCESS_HOURS} hours; ask again when it ends`);
  }
  const open = grantInForce(grants, actor, new Date(start));
  if (open)
    return refuse('conflict', EmergencyAccessErrors.alreadyOpen, `your emergency access ${open.grantId} to this record is in force until ${open.until}`);
  return accept({
    type: 'EmergencyAccessGranted',
    data: { grantId, participantId, teamId, holder: { sub: actor.sub, agency: actor.agency, role: actor.role }, reasonCode, reason, grantedAt: now, until },
  });
}

/** end-emergency-access: only the holder ends a grant, and only while it is in force; anyone else is told there is no such grant. */
export function decideEndEmergencyAccess(command: EndEmergencyAccess, grants: EmergencyGrants): Decision<EmergencyAccessEvent> {
  const grant = grants.get(command.data.grantId);
  const { actor, now } = command.metadata;
  if (!grant || !GRANT_HOLDER.is(actor, grant.holder)) {
    return refuse('not-found', EmergencyAccessErrors.notFound, 'no emergency access of yours with this id');
  }
  if (!isInForce(grant, new Date(now)))
    return refuse('conflict', EmergencyAccessErrors.ended, `this emergency access is ${statusOf(grant, new Date(now))} already`);
  return accept({ type: 'EmergencyAccessEnded', data: { grantId: grant.grantId, participantId: grant.participantId, endedAt: now } });
}

/**
 * review-emergency-access: a supervisor of the grant's team (the command handler asks the directory; anyone else is
 * answered 404 before) marks it reviewed, once; not their own.
 */
export function decideReviewEmergencyAccess(command: ReviewEmergencyAccess, grants: EmergencyGrants): Decision<EmergencyAccessEvent> {
  const grant = grants.get(command.data.grantId);
  const { actor, now } = command.metadata;
  if (!grant) return refuse('not-found', EmergencyAccessErrors.notFound, 'no emergency access with this id to review');
  if (GRANT_HOLDER.is(actor, grant.holder)) {
    return refuse('rejected', EmergencyAccessErrors.ownGrant, 'another supervisor of the team reviews your own emergency access');
  }
  if (grant.review) return refuse('conflict', EmergencyAccessErrors.alreadyReviewed, `reviewed on ${grant.review.at.slice(0, 10)} already`);
  return accept({
    type: 'EmergencyAccessReviewed',
    data: {
      grantId: grant.grantId,
      participantId: grant.participantId,
      reviewedBy: { sub: actor.sub, agency: actor.agency, role: actor.role },
      note: command.data.note,
      at: now,
    },
  });
}
