import { useEffect, useId, useMemo, useState } from 'react';
import { I18n, useI18n } from '../i18n';
import { follow } from '../sse';
import { useTeams } from '../teams';

export interface Entry {
  readonly eventId: string;
  readonly type: string;
  readonly agency: string;
  readonly occurredAt: string;
  readonly summary: string;
  readonly data: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).join(', ') : '');

/** What an entry says in the reader's language: its main line, and the details below it (notes, actions, decisions). */
export interface EntryDetail {
  readonly line: string;
  readonly more: readonly string[];
}

/** The date the user gave for what happened (a contact's day, a job's first day), where the entry has one. */
const HAPPENED_ON = ['contactedOn', 'heldOn', 'startDate', 'endDate', 'effectiveFrom', 'on', 'endedOn', 'grantedFrom'];
export function happenedOn(entry: Entry): string | null {
  for (const field of HAPPENED_ON) {
    const value = entry.data[field];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  }
  return null;
}

/** Oldest first by when it happened (the date given, else when recorded), then by when recorded. */
export const byWhenItHappened = (entries: readonly Entry[]): Entry[] =>
  [...entries].sort(
    (a, b) =>
      (happenedOn(a) ?? a.occurredAt.slice(0, 10)).localeCompare(happenedOn(b) ?? b.occurredAt.slice(0, 10)) || a.occurredAt.localeCompare(b.occurredAt),
  );

/**
 * An entry in the reader's language for the common types (the API's English line for the rest), with what matters
 * below it: names (staff by display name, employers by name where the reader may know them), notes, agreed actions.
 */
export function detailOf(
  entry: Entry,
  { m, t, date, label }: I18n,
  nameOf: (sub: string) => string = (sub) => sub,
  employerName: (id: string) => string | null = () => null,
): EntryDetail {
  const d = entry.data;
  const more: string[] = [];
  const note = text(d['note']);
  if (note) more.push(t(m.details.note, { note }));
  const line = (value: string): EntryDetail => ({ line: value, more });
  const employer = (id: unknown) => employerName(text(id));
  switch (entry.type) {
    case 'ParticipantReferred':
      return line(t(m.details.referredBy, { who: d['referredBy'] === 'self' ? m.details.self : text(d['referredBy']) }));
    case 'ParticipantTransferred':
      // The entry names teams by id only: "another team" until the team directory gives their names.
      return line(t(m.details.transferred, { date: date(text(d['on'])), reason: text(d['reason']) }));
    case 'ParticipantEnrolled':
      return line(t(m.details.enrolled, { specialist: nameOf(text(d['employmentSpecialistId'])), contact: nameOf(text(d['contactPersonId'])) }));
    case 'ConsentGiven':
      return line(
        t(m.details.consent, {
          agencies: Array.isArray(d['shareWith']) ? d['shareWith'].map((a) => label('options', text(a))).join(', ') || '–' : '–',
          disclosure: d['employerDisclosure'] === true ? m.details.disclosureYes : m.details.disclosureNo,
        }),
      );
    case 'ActionPlanWritten':
    case 'ActionPlanProposed':
      if (list(d['jobPreferences'])) more.unshift(t(m.details.jobPreferences, { list: list(d['jobPreferences']) }));
      if (list(d['supportsWanted'])) more.unshift(t(m.details.supportsWanted, { list: list(d['supportsWanted']) }));
      if (entry.type === 'ActionPlanWritten' && d['proposalId']) more.unshift(m.details.fromProposal);
      return line(t(m.details.actionPlan, { goals: list(d['goals']), hours: text(d['hoursPerWeek']) }));
    case 'CareerProfileCreated':
    case 'CareerProfileUpdated':
      return line(t(m.details.careerProfile, { strengths: list(d['strengths']) || '–', interests: list(d['interests']) || '–' }));
    case 'BenefitsCounsellingHeld':
      return line(`${date(text(d['heldOn']))}: ${list(d['topics'])}`);
    case 'IntegrationMeetingHeld':
      if (list(d['decisions'])) more.unshift(t(m.details.decisions, { list: list(d['decisions']) }));
      return line(
        t(m.details.meeting, {
          date: date(text(d['heldOn'])),
          who: (Array.isArray(d['attendees']) ? d['attendees'].map((a) => nameOf(text(a))) : []).join(', ') || '–',
        }),
      );
    case 'ParticipantContactRecorded':
      return line(
        `${label('options', text(d['mode']))}, ${date(text(d['contactedOn']))}${d['inCommunity'] === true ? `, ${m.details.inCommunity}` : d['inCommunity'] === false ? `, ${m.details.atOffice}` : ''}`,
      );
    case 'EmployerContactMade': {
      const name = employer(d['employerId']);
      return line(
        name
          ? t(m.details.employerContactWith, { kind: label('options', text(d['kind'])), employer: name, date: date(text(d['contactedOn'])) })
          : t(m.details.employerContact, { kind: label('options', text(d['kind'])), date: date(text(d['contactedOn'])) }),
      );
    }
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged':
      if (list(d['actions'])) more.unshift(t(m.details.actions, { list: list(d['actions']) }));
      return line(t(m.details.relapse, { level: label('levels', text(d['level'])), date: date(text(d['reviewBy'])) }));
    case 'PlacementStarted':
    case 'PlacementTermsChanged': {
      const name = employer(d['employerId']);
      const values = { title: text(d['jobTitle']) || '', date: date(text(d['startDate']) || text(d['effectiveFrom'])), hours: text(d['hoursPerWeek']) };
      if (entry.type === 'PlacementTermsChanged') return line(t(m.details.terms, { date: values.date, hours: values.hours, wage: text(d['hourlyWage']) }));
      return line(name ? t(m.details.placementAt, { ...values, employer: name }) : t(m.details.placement, values));
    }
    case 'PlacementEnded':
      return line(`${t(m.details.placementEnded, { date: date(text(d['endDate'])) })}${d['reason'] ? ` (${label('reasons', text(d['reason']))})` : ''}`);
    case 'ParticipantDischarged':
      return line(label('reasons', text(d['reason'])));
    case 'FollowAlongContactMade':
      return line(t(m.details.followAlong, { with: label('followWith', text(d['with'])), date: date(text(d['contactedOn'])) }));
    case 'MunicipalServiceGranted':
      return line(t(m.details.service, { kind: label('options', text(d['kind'])) }));
    case 'TreatmentTeamLinked':
      return line(t(m.details.team, { team: text(d['teamName']) }));
    case 'ContactRequestReceived':
    case 'ContactRequestEscalated': {
      const holder = d['assigneeId'] ? nameOf(text(d['assigneeId'])) : ((m.line.tiers as Record<string, string>)[text(d['tier'])] ?? text(d['tier']));
      const name = employer(d['employerId']);
      return line(t(m.details.contactRequestTo, { urgency: label('options', text(d['urgency'])), who: holder, employer: name ?? m.line.anEmployer }));
    }
    default:
      return line(entry.summary);
  }
}

/**
 * The merged timeline, newest first, with filters by agency and type, following the live stream: new entries
 * appear at the top and are announced politely. `onEntry` lets the page refresh what depends on them.
 */
export function Timeline({
  participantId,
  initial,
  onEntry,
  heading,
  employerName,
}: {
  participantId: string;
  initial: readonly Entry[];
  onEntry?: (entry: Entry) => void;
  heading: string;
  /** An employer's name by id, where the reader may read the employer directory. */
  employerName?: (id: string) => string | null;
}) {
  const i18n = useI18n();
  const { m, t, label, date, dateTime } = i18n;
  const { nameOf } = useTeams();
  const id = useId();
  const [entries, setEntries] = useState<readonly Entry[]>(initial);
  const [agency, setAgency] = useState('');
  const [type, setType] = useState('');
  const [live, setLive] = useState<'connecting' | 'open' | 'closed'>('connecting');
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => setEntries(initial), [initial]);
  useEffect(
    () =>
      follow(`/team-view/participants/${participantId}/stream`, {
        onOpen: () => setLive('open'),
        onClosed: () => setLive('closed'),
        onMessage: (event, data) => {
          if (event !== 'timeline-entry') return;
          const entry = data as Entry;
          setEntries((current) => (current.some((known) => known.eventId === entry.eventId) ? current : [...current, entry]));
          onEntry?.(entry);
        },
      }),
    [participantId, onEntry],
  );
  useEffect(() => {
    const last = entries[entries.length - 1];
    if (last && !initial.includes(last)) setAnnouncement(t(m.participant.newEntry, { what: label('events', last.type) }));
  }, [entries, initial, t, m, label]);

  const agencies = useMemo(() => [...new Set(entries.map((entry) => entry.agency))].sort(), [entries]);
  const types = useMemo(() => [...new Set(entries.map((entry) => entry.type))].sort(), [entries]);
  const shown = byWhenItHappened(entries.filter((entry) => (!agency || entry.agency === agency) && (!type || entry.type === type))).reverse();

  return (
    <section aria-labelledby={`${id}-heading`} className="timeline">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className={`live ${live}`}>{live === 'closed' ? m.participant.offline : m.participant.live}</p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <fieldset className="filters">
        <legend>{m.participant.filters}</legend>
        <label>
          {m.participant.agency}{' '}
          <select value={agency} onChange={(event) => setAgency(event.target.value)}>
            <option value="">{m.participant.all}</option>
            {agencies.map((value) => (
              <option key={value} value={value}>
                {label('agencies', value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.participant.type}{' '}
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">{m.participant.all}</option>
            {types.map((value) => (
              <option key={value} value={value}>
                {label('events', value)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {shown.length === 0 ? (
        <p>{m.participant.noEntries}</p>
      ) : (
        <ol className="entries">
          {shown.map((entry) => {
            const detail = detailOf(entry, i18n, nameOf, employerName);
            const on = happenedOn(entry);
            return (
              <li key={entry.eventId} className={`entry agency-${entry.agency}`} data-type={entry.type}>
                <div className="meta">
                  <time dateTime={on ?? entry.occurredAt} title={t(m.participant.recordedAt, { time: dateTime(entry.occurredAt) })}>
                    {on ? date(on) : dateTime(entry.occurredAt)}
                  </time>
                  <span className="tag">{label('agencies', entry.agency)}</span>
                </div>
                <p className="what">{label('events', entry.type)}</p>
                <p className="detail">{detail.line}</p>
                {detail.more.length > 0 && (
                  <ul className="more">
                    {detail.more.map((more) => (
                      <li key={more}>{more}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
