/**
 * The relation rules: who may, beyond the route table's agency/role (`who`), given the caller and the record at hand.
 * Each rule is data and a pure predicate: `description` is the text people read (the route table's `relation` names
 * the rule, so docs/access-policy.md says what the code checks), the function is what the features call. The
 * features only map a failed rule to their HTTP answer (403 AUTH.FORBIDDEN, or 404 as if unknown); nothing else
 * decides who may.
 */

/** The caller as the rules need it: a Principal, or a command's actor (which may name no employer or participant). */
export interface Caller {
  readonly sub?: string;
  readonly agency: string;
  readonly role: string;
  readonly participantId?: string;
  readonly employerId?: string;
}

/** A rule as the route table names it: its text for people. */
export interface RelationRule {
  readonly description: string;
}

/** A rule: its description and its predicates (checked to have a description, kept as written). */
const relationRule = <Rule extends RelationRule>(rule: Rule): Readonly<Rule> => Object.freeze(rule);

/**
 * An employer's token: the employer agency (an employer, or the employer service itself) or the employer role. The
 * one definition every rule below uses; such a token names at most the one employer it acts for (`employerId`).
 */
export const isEmployerToken = (caller: Caller): boolean => caller.agency === 'employer' || caller.role === 'employer';

/** Staff act for any employer; an employer's token only for the employer it names (anyone else: 403 AUTH.FORBIDDEN). */
export const ACTS_FOR_EMPLOYER = relationRule({
  description: 'employer: only for itself and its own placements (else 403)',
  /** Whether the caller may act for `employerId` (a placement's employer, or the employer a new placement names). */
  may: (caller: Caller, employerId: string): boolean => !isEmployerToken(caller) || caller.employerId === employerId,
  /** Whether the caller's right depends on the employer at all: staff pass without looking the placement up. */
  appliesTo: (caller: Caller): boolean => isEmployerToken(caller),
});

/** An employer registering itself does so under the id its token names: a new id would be one it could never act for. */
export const REGISTERS_ITSELF = relationRule({
  description: 'employer: registers itself',
  /** The id the registration must take (the token's employer), or undefined when the caller may register any new one. */
  employerIdOf: (caller: Caller): string | undefined => (isEmployerToken(caller) && caller.employerId ? caller.employerId : undefined),
});

/** Who reads the 24/7 line's requests, as what: an employer (its own), the crisis service (the municipality), or team staff. */
export type LineReader = { readonly kind: 'employer'; readonly employerId: string } | { readonly kind: 'team' } | { readonly kind: 'crisis-service' };

/** A contact request as the reach rule needs it: its employer and the tier it has reached (`crisis-service` the last). */
export interface LineRequest {
  readonly employerId: string;
  readonly tier: string;
}

const LINE_REACH_EMPLOYER: RelationRule = { description: 'employer: own requests' };
const LINE_REACH_CRISIS_SERVICE: RelationRule = { description: 'crisis service: requests escalated to it' };

/**
 * The 24/7 line's reach: an employer its own requests, the crisis service those escalated to it, team staff any
 * (narrowed to their teams by work need, decision 29). A request out of reach reads as unknown (404).
 */
export const LINE_REACH = relationRule({
  description: `${LINE_REACH_EMPLOYER.description}; ${LINE_REACH_CRISIS_SERVICE.description}`,
  /** The parts of `description`, for the rows that need only one of them. */
  employer: LINE_REACH_EMPLOYER,
  crisisService: LINE_REACH_CRISIS_SERVICE,
  /** For callers the route table lets onto the line's routes (a command's actor too: it names no employer, so reaches none's). */
  readerOf: (caller: Caller): LineReader => {
    if (isEmployerToken(caller)) return { kind: 'employer', employerId: caller.employerId ?? '' };
    return caller.agency === 'municipality' ? { kind: 'crisis-service' } : { kind: 'team' };
  },
  mayReach: (reader: LineReader, request: LineRequest): boolean => {
    switch (reader.kind) {
      case 'employer':
        return request.employerId === reader.employerId;
      case 'crisis-service':
        return request.tier === 'crisis-service';
      case 'team':
        return true;
    }
  },
});

/** The line's reader for a caller (see LINE_REACH). */
export const lineReaderOf = LINE_REACH.readerOf;
/** Whether the line's reader may reach the request (see LINE_REACH). */
export const mayReach = LINE_REACH.mayReach;

/** A participant's token reads and writes only the participant it names (another participant's record: 403 AUTH.FORBIDDEN). */
export const OWN_RECORD = relationRule({
  description: 'participant: only self',
  /** False only for a participant's token naming another participant: everyone else is left to the other rules. */
  may: (caller: Caller, participantId: string): boolean => caller.agency !== 'participant' || caller.participantId === participantId,
  /** Whether the caller is the participant themselves. */
  isSelf: (caller: Caller, participantId: string): boolean => caller.agency === 'participant' && caller.participantId === participantId,
});

/** The access log (Normen): the participant their own, supervisors any participant's (anyone else: 403 AUTH.FORBIDDEN). */
export const ACCESS_LOG_READER = relationRule({
  description: `${OWN_RECORD.description}; supervisors: any participant`,
  may: (caller: Caller, participantId: string): boolean => OWN_RECORD.isSelf(caller, participantId) || caller.role === 'supervisor',
  /** A review's note is for supervisors: the participant sees that an access was reviewed, by whom and when. */
  seesReviewNotes: (caller: Caller): boolean => caller.agency !== 'participant',
});

/** The team board: an employment specialist sees their own caseload; supervisors and caseworkers all, or one they ask for. */
export const OWN_CASELOAD = relationRule({
  description: 'employment specialist: their own caseload in it',
  /** The specialist whose caseload the board shows (undefined: every specialist's). */
  specialistOf: (caller: Caller & { readonly sub: string }, asked: string | undefined): string | undefined =>
    caller.role === 'employment-specialist' ? caller.sub : asked,
});

/** A team's member period as the team rules need it. */
export interface MemberOf {
  readonly sub: string;
  readonly agency: string;
  readonly role: string;
}

/**
 * A team's supervisor: a supervisor's token whose member period on the team is in the supervisor role. They review the
 * team's emergency accesses and see its history; the directory says which periods are current.
 */
export const TEAM_SUPERVISOR = relationRule({
  description: 'a supervisor of the team (a member in the supervisor role today)',
  /** Only a supervisor's token supervises a team: anyone else needs no look-up. */
  mayBe: (caller: Caller): boolean => caller.role === 'supervisor',
  /** Whether a member period (the caller's own) makes them the team's supervisor. */
  isSupervisorPeriod: (period: Pick<MemberOf, 'role'>): boolean => period.role === 'supervisor',
});

/** Whether the caller is a supervisor among a team's current members. */
const supervises = (caller: Caller, currentMembers: readonly MemberOf[]): boolean =>
  currentMembers.some((period) => period.sub === caller.sub && period.agency === caller.agency && TEAM_SUPERVISOR.isSupervisorPeriod(period));

/** The programme's staff see every team; anyone else the teams they are on today; history for the administrator and a team's supervisors. */
export const TEAM_LIST = relationRule({
  description: "programme: every team; staff: their current teams (none: an empty list); history for the administrator and each team's supervisors",
  /** The programme's own staff (administrator, coordinator) see every team. */
  seesEveryTeam: (caller: Caller): boolean => caller.agency === 'programme',
  supervises,
  /** The team's ended periods: for the programme's administrator and the team's current supervisors. */
  seesHistory: (caller: Caller, currentMembers: readonly MemberOf[]): boolean =>
    (caller.agency === 'programme' && caller.role === 'administrator') || supervises(caller, currentMembers),
});

/** An emergency access is its holder's own: only they end it, and they never review it. */
export const GRANT_HOLDER = relationRule({
  description: "only the grant's holder",
  /** Whether the caller holds the grant (the same person: subject and agency). */
  is: (caller: { readonly sub: string; readonly agency: string }, holder: { readonly sub: string; readonly agency: string }): boolean =>
    holder.sub === caller.sub && holder.agency === caller.agency,
});

/** A route's `relation` for people: a rule's description, free text, or several of them joined with `; `. */
export type RelationText = string | RelationRule | readonly (string | RelationRule)[];

/** The text a row's `relation` reads as. */
export const describeRelation = (relation: RelationText | undefined): string => {
  if (relation === undefined) return '';
  const parts: readonly (string | RelationRule)[] = Array.isArray(relation) ? relation : [relation as string | RelationRule];
  return parts.map((part) => (typeof part === 'string' ? part : part.description)).join('; ');
};
