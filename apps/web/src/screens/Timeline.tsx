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

/** One line in the reader's language for the common entries; the API's English line for the rest. Staff by display name where known. */
export function detailOf(entry: Entry, { m, t, date, label }: I18n, nameOf: (sub: string) => string = (sub) => sub): string {
  const d = entry.data;
  switch (entry.type) {
    case 'ParticipantReferred':
      return t(m.details.referredBy, { who: d['referredBy'] === 'self' ? m.details.self : text(d['referredBy']) });
    case 'ParticipantTransferred':
      // The entry names teams by id only: "another team" until the team directory gives their names.
      return t(m.details.transferred, { date: date(text(d['on'])), reason: text(d['reason']) });
    case 'ParticipantEnrolled':
      return t(m.details.enrolled, { specialist: nameOf(text(d['employmentSpecialistId'])), contact: nameOf(text(d['contactPersonId'])) });
    case 'ConsentGiven':
      return t(m.details.consent, {
        agencies: Array.isArray(d['shareWith']) ? d['shareWith'].map((a) => label('options', text(a))).join(', ') || '–' : '–',
        disclosure: d['employerDisclosure'] === true ? m.details.disclosureYes : m.details.disclosureNo,
      });
    case 'ActionPlanWritten':
      return t(m.details.actionPlan, { goals: list(d['goals']), hours: text(d['hoursPerWeek']) });
    case 'BenefitsCounsellingHeld':
    case 'IntegrationMeetingHeld':
      return t(m.details.onDate, { date: date(text(d['heldOn'])) });
    case 'ParticipantContactRecorded':
      return `${label('options', text(d['mode']))}, ${date(text(d['contactedOn']))}`;
    case 'EmployerContactMade':
      return t(m.details.employerContact, { kind: label('options', text(d['kind'])), date: date(text(d['contactedOn'])) });
    case 'RelapseRiskFlagRaised':
    case 'RelapseRiskFlagChanged':
      return t(m.details.relapse, { level: label('levels', text(d['level'])), date: date(text(d['reviewBy'])) });
    case 'PlacementStarted':
    case 'PlacementTermsChanged':
      return t(m.details.placement, { title: text(d['jobTitle']) || '', date: date(text(d['startDate']) || text(d['effectiveFrom'])), hours: text(d['hoursPerWeek']) });
    case 'PlacementEnded':
      return t(m.details.placementEnded, { date: date(text(d['endDate'])) });
    case 'FollowAlongContactMade':
      return t(m.details.followAlong, { with: label('options', text(d['with'])), date: date(text(d['contactedOn'])) });
    case 'MunicipalServiceGranted':
      return t(m.details.service, { kind: label('options', text(d['kind'])) });
    case 'TreatmentTeamLinked':
      return t(m.details.team, { team: text(d['teamName']) });
    case 'ContactRequestReceived':
      return t(m.details.contactRequest, { urgency: label('options', text(d['urgency'])) });
    default:
      return entry.summary;
  }
}

/**
 * The merged timeline, newest first, with filters by agency and type, following the live stream: new entries
 * appear at the top and are announced politely. `onEntry` lets the page refresh what depends on them.
 */
export function Timeline({ participantId, initial, onEntry, heading }: { participantId: string; initial: readonly Entry[]; onEntry?: (entry: Entry) => void; heading: string }) {
  const i18n = useI18n();
  const { m, t, label, dateTime } = i18n;
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
  const shown = entries.filter((entry) => (!agency || entry.agency === agency) && (!type || entry.type === type)).slice().reverse();

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
          {shown.map((entry) => (
            <li key={entry.eventId} className={`entry agency-${entry.agency}`} data-type={entry.type}>
              <div className="meta">
                <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
                <span className="tag">{label('agencies', entry.agency)}</span>
              </div>
              <p className="what">{label('events', entry.type)}</p>
              <p className="detail">{detailOf(entry, i18n, nameOf)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
