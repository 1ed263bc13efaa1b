import { Principal } from '@ips/access';
import { PersonalData } from '@ips/personal-data';
import { SqlExecutor } from '@ips/postgres';
import { Alert, alertsFrom } from '../board/alerts';
import { contactLineAlertsFrom } from '../board/contact-line-alerts';
import { ParticipantSummary } from '../participant-summary/participant-summary.evolve';
import { OpenPlanProposal, ParticipantView, VIEW_AGENCIES } from './participant-view';

/**
 * `viewFor` in SQL, on `tv_participants p` and `tv_participant_views v`: the view the consent stored for the participant
 * gives a reader of the agency in `agency` (a parameter), so the choice and the row are read in one snapshot.
 */
const theReadersView = (agency: string): string => `v.view = case when ${agency} = any(p.circle) then 'circle' else ${agency} end`;

export interface ShownParticipant {
  readonly participantId: string;
  /** The summary built from the entries the reader may see, its name opened with the participant's key. */
  readonly summary: ParticipantSummary;
  readonly alerts: readonly Alert[];
}

export interface ViewQuery {
  /** The participants to consider (the directory's ids for the reader's teams); null while no team is defined: every one. */
  readonly ids: readonly string[] | null;
  /** Only those whose record names the reader. */
  readonly namingReader?: boolean;
  /** The instant the alerts are read at. */
  readonly at: Date;
}

/**
 * The participants a staff reader is shown of `ids`, each from the stored view the consent in force at read time gives
 * the reader (decision 33): their own agency's entries, or the sharing circle's while the reader's agency is in it. A
 * participant with nothing the reader may see is left out. The cost is the number of ids asked for, not the number of
 * participants stored. Alerts are computed only for rows whose stored due day has come.
 */
export async function shownParticipants(db: SqlExecutor, personalData: PersonalData, reader: Principal, query: ViewQuery): Promise<ShownParticipant[]> {
  if (!servedByViews(reader)) return [];
  if (query.ids !== null && query.ids.length === 0) return [];
  const now = query.at.toISOString();
  const today = now.slice(0, 10);
  const params: unknown[] = [reader.agency, today];
  const where: string[] = [];
  if (query.ids !== null) where.push(`p.participant_id = any($${params.push(query.ids)}::uuid[])`);
  if (query.namingReader) where.push(`p.named_subs @> array[$${params.push(reader.sub)}::text]`);
  // Only what a list shows: the summary without the sealed birth date and contact details, the alert facts only when due.
  const rows = await db.query<{
    participant_id: string;
    summary: ParticipantSummary;
    alerts: ParticipantView['alerts'] | null;
    requests: ParticipantView['requests'] | null;
  }>(
    `select p.participant_id, (v.state->'summary') - 'birthDate' - 'contactDetails' as summary,
            case when v.due <= $2::date then v.state->'alerts' end as alerts, case when v.due <= $2::date then v.state->'requests' end as requests
       from tv_participants p
       join tv_participant_views v on v.participant_id = p.participant_id
        and ${theReadersView('$1')}
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}`,
    params,
  );
  // The name's fields are sealed as they were in the referral: opened with the participant's key, all keys in one lookup.
  const sealedNames = rows.map((row) => row.summary.name ?? {});
  const owner = new Map<object, string>(sealedNames.map((name, index) => [name, (rows[index] as { participant_id: string }).participant_id]));
  const names = await personalData.openEach(sealedNames, (name) => owner.get(name) as string);
  return rows.map((row, index) => {
    const name = row.summary.name ? (names[index] as ParticipantSummary['name']) : null;
    const alerts = [...(row.alerts ? alertsFrom(row.alerts, today) : []), ...(row.requests ? contactLineAlertsFrom(row.requests, now) : [])];
    return {
      participantId: row.participant_id,
      summary: { ...row.summary, name },
      alerts: alerts.sort((a, b) => a.since.localeCompare(b.since)),
    };
  });
}

/** The participants whose record names this staff member (by id, whatever the agency): where `scope=mine` starts. */
export async function participantsNamingSub(db: SqlExecutor, sub: string): Promise<string[]> {
  const rows = await db.query<{ participant_id: string }>('select participant_id from tv_participants where named_subs @> array[$1::text]', [sub]);
  return rows.map((row) => row.participant_id);
}

/** A staff reader's summary: the stored view's, with the participant's open proposal for their plan (null when none). */
export type StoredSummary = ParticipantSummary & { readonly openPlanProposal: OpenPlanProposal | null };

/**
 * One participant's summary for a staff reader, from the stored view the consent in force gives them (null when they
 * may see nothing of the record): one row instead of a fold of the participant's events, its personal fields (name,
 * birth date, contact details, the open plan proposal) opened with one key lookup. Null too for readers lists never
 * serve (use the fold). The open proposal is in the views that hold welfare-office entries only: a reader who may not
 * see the action plan gets null.
 */
export async function storedSummary(db: SqlExecutor, personalData: PersonalData, reader: Principal, participantId: string): Promise<StoredSummary | null> {
  const [row] = await db.query<{ summary: ParticipantSummary; plan_proposal: OpenPlanProposal | null }>(
    `select v.state->'summary' as summary, v.state->'planProposal' as plan_proposal from tv_participants p
       join tv_participant_views v on v.participant_id = p.participant_id and ${theReadersView('$2')}
      where p.participant_id = $1`,
    [participantId, reader.agency],
  );
  if (!row) return null;
  const { summary, plan_proposal: proposal } = row;
  const [top, name, contactDetails, openProposal] = await personalData.open(participantId, [
    summary,
    summary.name ?? {},
    summary.contactDetails ?? {},
    proposal ?? {},
  ]);
  return {
    ...(top as ParticipantSummary),
    name: summary.name ? (name as ParticipantSummary['name']) : null,
    contactDetails: summary.contactDetails ? (contactDetails as ParticipantSummary['contactDetails']) : null,
    openPlanProposal: proposal ? (openProposal as OpenPlanProposal) : null,
  };
}

/** Whether the stored views serve this reader (staff of the agencies lists are for). */
export const servedByViews = (reader: Principal): boolean => (VIEW_AGENCIES as readonly string[]).includes(reader.agency);
