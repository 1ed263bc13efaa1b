import {
  MunicipalContactAssignedV1,
  ParticipantEnrolledV1,
  ParticipantReferredV1,
  ParticipantReferredV2,
  ParticipantTransferredV1,
  SharedEvent,
  TeamAgency,
  TreatmentTeamLinkedV1,
  contractKey,
  teamOfReferral,
} from '@ips/contracts';
import { SqlExecutor } from '@ips/postgres';
import { dayIn } from './team-day';

/** How someone is named on a participant's record: each relation names one person at a time. */
export const NAMED_RELATIONS = ['employment-specialist', 'contact-person', 'clinician', 'municipal-contact'] as const;
export type NamedRelation = (typeof NAMED_RELATIONS)[number];

/** A participant event of a type the directory reads, in a version it was not written for (a new version). */
export class UnprojectedParticipantEventError extends Error {
  constructor(event: SharedEvent) {
    super(`the team directory has no projection for ${contractKey(event.type, event.version)}`);
    this.name = 'UnprojectedParticipantEventError';
  }
}

/** The participant event types the directory reads, with the versions it projects. */
const PROJECTED: Readonly<Record<string, readonly number[]>> = {
  ParticipantReferred: [1, 2],
  ParticipantTransferred: [1],
  ParticipantEnrolled: [1],
  TreatmentTeamLinked: [1],
  MunicipalContactAssigned: [1],
};

/** The participant event types the directory reads (any version): what a backfill picks out of an outbox. */
export const PROJECTED_PARTICIPANT_TYPES: ReadonlySet<string> = new Set(Object.keys(PROJECTED));

/**
 * Whether the directory reads this event. A known type in a version it does not know fails (and so, after the
 * consumer's attempts, becomes a dead letter with the reason) rather than being passed over: a missed transfer or
 * naming would be a wrong answer to "may this person read the record", not a gap in a figure.
 */
function reads(event: SharedEvent): boolean {
  const versions = PROJECTED[event.type];
  if (!versions) return false;
  if (!versions.includes(event.version)) throw new UnprojectedParticipantEventError(event);
  return true;
}

/**
 * The participant's team: a referral opens their first period (v1: the default team; v2: its `teamId`), from the
 * referral's day in that team's time zone (UTC while the directory does not know the team); a transfer closes the
 * period before it and opens one with `toTeamId` from its `on`. Periods are chained in the order the welfare office
 * recorded them (`occurredAt`): an event that arrives late (a replay after a later one) slots in where it belongs.
 * Applying an event again changes nothing (the period is keyed by the event). Discharge and a withdrawn referral
 * leave the team as it is: the record stays with its team.
 */
export async function projectParticipantTeam(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  if (!reads(event)) return;
  switch (event.type) {
    case 'ParticipantReferred': {
      const teamId = teamOfReferral(event as ParticipantReferredV1 | ParticipantReferredV2);
      await openTeamPeriod(tx, event, teamId, null);
      return;
    }
    case 'ParticipantTransferred': {
      const { toTeamId, on } = (event as ParticipantTransferredV1).data;
      await openTeamPeriod(tx, event, toTeamId, on);
      return;
    }
    default:
      return;
  }
}

/** Who an event names on the record, by relation. */
function namedBy(event: SharedEvent): { relation: NamedRelation; sub: string; agency: TeamAgency }[] {
  switch (event.type) {
    case 'ParticipantEnrolled': {
      const { employmentSpecialistId, contactPersonId } = (event as ParticipantEnrolledV1).data;
      return [
        { relation: 'employment-specialist', sub: employmentSpecialistId, agency: 'welfare-office' },
        { relation: 'contact-person', sub: contactPersonId, agency: 'welfare-office' },
      ];
    }
    case 'TreatmentTeamLinked':
      return [{ relation: 'clinician', sub: (event as TreatmentTeamLinkedV1).data.clinicianId, agency: 'mental-health' }];
    case 'MunicipalContactAssigned':
      return [{ relation: 'municipal-contact', sub: (event as MunicipalContactAssignedV1).data.contactPersonId, agency: 'municipality' }];
    default:
      return [];
  }
}

/**
 * The people named on the record: an enrolment names the employment specialist and the contact person (welfare
 * office), a treatment-team link the clinician (mental health), a municipal contact assignment the contact person
 * (municipality). Each is named from the event's `occurredAt` until a later event of the same relation names
 * someone (again: the later one replaces, whatever order they arrive in). Nothing else un-names: a discharge, a
 * withdrawn referral, an ended treatment or a transfer to another team leave the named people named. Applying an
 * event again changes nothing.
 */
export async function projectNamedPeople(event: SharedEvent, tx: SqlExecutor): Promise<void> {
  if (!reads(event)) return;
  for (const { relation, sub, agency } of namedBy(event)) {
    // The one named before (by `since`, then event id) is named until this one's `since`...
    await tx.query(
      `update td_named set until = $4::timestamptz
        where (event_id, relation) = (
          select event_id, relation from td_named
           where participant_id = $1 and relation = $2 and (since, event_id) < ($4::timestamptz, $3::uuid)
           order by since desc, event_id desc limit 1)`,
      [event.participantId, relation, event.id, event.occurredAt],
    );
    // ...and this one until the next one's (none: still named).
    await tx.query(
      `insert into td_named (event_id, relation, participant_id, sub, agency, since, until)
       select $1, $2, $3, $4, $5, $6::timestamptz,
         (select min(n.since) from td_named n
           where n.participant_id = $3 and n.relation = $2 and (n.since, n.event_id) > ($6::timestamptz, $1::uuid))
       on conflict (event_id, relation) do nothing`,
      [event.id, relation, event.participantId, sub, agency, event.occurredAt],
    );
  }
}

async function openTeamPeriod(tx: SqlExecutor, event: SharedEvent, teamId: string, on: string | null): Promise<void> {
  const [known] = await tx.query<{ seen: boolean; time_zone: string | null }>(
    `select exists (select 1 from td_participant_teams where period_id = $1) as seen,
       (select time_zone from td_teams where team_id = $2) as time_zone`,
    [event.id, teamId],
  );
  // Applied before: the day it was read as then stands (the team may have been defined since).
  if (known?.seen) return;
  const from = on ?? dayIn(known?.time_zone ?? 'UTC', new Date(event.occurredAt));
  // The period recorded just before this one ends where this one starts (never before its own first day: a referral
  // read in the team's zone may fall a day after a transfer the welfare office dated by the UTC day)...
  await tx.query(
    `update td_participant_teams set until_date = greatest(from_date, $3::date)
      where period_id = (
        select period_id from td_participant_teams
         where participant_id = $1 and (occurred_at, period_id) < ($4::timestamptz, $2::uuid)
         order by occurred_at desc, period_id desc limit 1)`,
    [event.participantId, event.id, from, event.occurredAt],
  );
  // ...and this one where the one recorded after it starts, if one arrived first (none: open).
  await tx.query(
    `insert into td_participant_teams (period_id, participant_id, team_id, from_date, until_date, occurred_at)
     select $1, $2, $3, $4::date,
       (select case when min(n.from_date) is null then null else greatest($4::date, min(n.from_date)) end
          from td_participant_teams n
         where n.participant_id = $2 and (n.occurred_at, n.period_id) > ($5::timestamptz, $1::uuid)),
       $5::timestamptz
     on conflict (period_id) do nothing`,
    [event.id, event.participantId, teamId, from, event.occurredAt],
  );
}
