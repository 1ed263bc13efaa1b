import { useCallback, useEffect, useState } from 'react';
import { Page } from '../Page';
import { ApiError, api } from '../api';
import { Field, Form, FormSpec, Values, bodyOf, post } from '../Form';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { navigate } from '../router';
import { Session } from '../session';
import { TeamMember, useTeams } from '../teams';
import { AccessLog } from './AccessLog';
import { EMERGENCY_REASON_CODES, EmergencyGrant, HeldGrant, endGrant, isOwn, storeGrant, storedGrant } from './EmergencyAccess';
import { Entry, Timeline } from './Timeline';
import {
  actionPlanForm,
  clearFlagForm,
  consentForm,
  employerContactFields,
  employerFields,
  enrolmentForm,
  followAlongFields,
  municipalServiceForm,
  participantContactForm,
  placementFields,
  relapseFlagForm,
  treatmentTeamForm,
} from './forms';

interface Placement {
  readonly placementId: string;
  readonly employerId: string;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly hoursPerWeek: number;
}

export interface Summary {
  readonly participantId: string;
  readonly phase: string;
  readonly name: { givenName: string; familyName: string } | null;
  readonly birthDate: string | null;
  readonly contactDetails: { phone?: string; email?: string } | null;
  readonly referredBy: string | null;
  readonly contacts: {
    'welfare-office'?: { employmentSpecialistId: string; contactPersonId: string };
    'mental-health'?: { teamName: string; clinicianId: string };
    municipality?: { contactPersonId: string };
    employer?: { employerId: string };
  };
  readonly relapseRisk: { flagId: string; level: string; reviewBy: string } | null;
  readonly placement: Placement | null;
  readonly otherActivePlacements: readonly Placement[];
  readonly daysSinceEnrolment: number | null;
  readonly basedOn: readonly string[];
  /** The participant's current IPS team (the default team's id before teams were defined). */
  readonly teamId?: string | null;
}

/** The employer directory (GET /employer/employers), for the welfare office's job-development forms. */
const employerDirectory = async (): Promise<{ id: string; name: string }[]> =>
  (await api<{ employers: { employerId: string; name: string; organisationNumber: string }[] }>('/employer/employers?limit=500')).employers.map(
    (employer) => ({ id: employer.employerId, name: `${employer.name} (${employer.organisationNumber})` }),
  );

async function employerOf(values: Values): Promise<string> {
  if (values['employerId'] && values['employerId'] !== 'new') return String(values['employerId']);
  const name = String(values['employerName'] ?? '').trim();
  const answer = (await post('/employer/employers', { name, organisationNumber: String(values['organisationNumber'] ?? '').trim() })) as { employerId: string };
  return answer.employerId;
}

export function ParticipantPage({ session, participantId }: { session: Session; participantId: string }) {
  const i18n = useI18n();
  const { m, t, label, date, time } = i18n;
  const teams = useTeams();
  const summary = useLoad(() => api<Summary>(`/team-view/participants/${participantId}`), [participantId]);
  const timeline = useLoad(async () => (await api<{ entries: Entry[] }>(`/team-view/participants/${participantId}/timeline`)).entries, [participantId]);
  const reloadSummary = summary.reload;
  const onEntry = useCallback(() => void reloadSummary(), [reloadSummary]);
  const notFound = (summary.error as ApiError | null)?.status === 404;
  const s = notFound ? null : summary.data;

  // Emergency access (decision 30): a reader outside the participant's team who reads the record reads it through a
  // grant of theirs (this tab's, or one on their list), or is named on it. Through a grant: a banner, and no forms.
  const [held, setHeld] = useState<HeldGrant | null>(() => storedGrant(session.user, participantId));
  const [checked, setChecked] = useState(false);
  const [endError, setEndError] = useState('');
  const onTeam = s !== null && teams.teams.some((team) => team.teamId === s.teamId);
  const loaded = s !== null;
  useEffect(() => {
    if (!loaded || !teams.ready || onTeam || held) return;
    let cancelled = false;
    api<{ grants: EmergencyGrant[] }>('/team-view/emergency-access').then(
      ({ grants }) => {
        if (cancelled) return;
        const mine = grants.find((grant) => grant.participantId === participantId && grant.status === 'in-force' && isOwn(grant, session.user));
        if (mine) setHeld({ grantId: mine.grantId, participantId, until: mine.until });
        setChecked(true);
      },
      () => !cancelled && setChecked(true),
    );
    return () => {
      cancelled = true;
    };
  }, [loaded, teams.ready, onTeam, held, participantId, session.user]);
  // Refused: whatever this tab held for the participant has ended or expired.
  useEffect(() => {
    if (!notFound) return;
    storeGrant(session.user, participantId, null);
    setHeld(null);
  }, [notFound, session.user, participantId]);
  const emergency = loaded && !onTeam ? held : null;
  const reloadAll = () => Promise.all([summary.reload(), timeline.reload()]);
  const granted = async (grant: HeldGrant) => {
    storeGrant(session.user, participantId, grant);
    setHeld(grant);
    setEndError('');
    await reloadAll();
  };
  const endNow = async (grant: HeldGrant) => {
    setEndError('');
    try {
      await endGrant(grant.grantId);
    } catch (error) {
      setEndError(t(m.emergency.endFailed, { detail: (error as Error).message }));
      return;
    }
    // Read again first (now 404: the offer), then forget the grant, so the forms never show in between.
    await reloadAll();
    storeGrant(session.user, participantId, null);
    setHeld(null);
  };

  if (notFound) {
    return (
      <Page title={m.participant.summary}>
        <p role="alert">{m.participant.notFound}</p>
        <EmergencyOffer participantId={participantId} onGranted={granted} />
        <BackLink />
      </Page>
    );
  }
  const name = s?.name ? `${s.name.givenName} ${s.name.familyName}` : m.caseload.noName;
  return (
    <Page title={s ? name : m.app.loading}>
      <BackLink />
      <LoadState loaded={summary} />
      {emergency && (
        <div className="banner emergency-banner" data-testid="emergency-banner">
          <p role="status">{t(m.emergency.banner, { time: time(emergency.until) })}</p>
          <button type="button" onClick={() => void endNow(emergency)}>
            {m.emergency.end}
          </button>
          {endError && (
            <p className="error" role="alert">
              {endError}
            </p>
          )}
        </div>
      )}
      {s?.relapseRisk && (
        <div className={`banner level-${s.relapseRisk.level}`} role="alert" data-testid="relapse-banner">
          {t(m.participant.relapseBanner, { level: label('levels', s.relapseRisk.level), date: date(s.relapseRisk.reviewBy) })}
        </div>
      )}
      {s && (
        <div className="columns">
          <section aria-labelledby="summary-heading" className="card">
            <h2 id="summary-heading">{m.participant.summary}</h2>
            <dl className="facts">
              <dt>{m.participant.phase}</dt>
              <dd>{label('phases', s.phase)}</dd>
              {s.birthDate && (
                <>
                  <dt>{m.participant.birthDate}</dt>
                  <dd>{date(s.birthDate)}</dd>
                </>
              )}
              {s.referredBy && (
                <>
                  <dt>{m.participant.referredBy}</dt>
                  <dd>{s.referredBy === 'self' ? m.details.self : s.referredBy}</dd>
                </>
              )}
              {s.contactDetails?.phone && (
                <>
                  <dt>{m.participant.phone}</dt>
                  <dd>{s.contactDetails.phone}</dd>
                </>
              )}
              {s.contactDetails?.email && (
                <>
                  <dt>{m.participant.email}</dt>
                  <dd>{s.contactDetails.email}</dd>
                </>
              )}
              <dt>{m.participant.job}</dt>
              <dd>{s.placement ? t(m.participant.jobLine, { title: s.placement.jobTitle, date: date(s.placement.startDate), hours: s.placement.hoursPerWeek }) : m.participant.noJob}</dd>
              {s.daysSinceEnrolment !== null && (
                <>
                  <dt>{m.participant.daysSinceEnrolment}</dt>
                  <dd>{s.daysSinceEnrolment}</dd>
                </>
              )}
            </dl>
            <p className="hint">{t(m.participant.basedOn, { agencies: s.basedOn.map((agency) => label('agencies', agency)).join(', ') })}</p>
          </section>
          <Contacts summary={s} />
        </div>
      )}
      <LoadState loaded={timeline} />
      {timeline.data && <Timeline participantId={participantId} initial={timeline.data} onEntry={onEntry} heading={m.participant.timeline} />}
      {s && !emergency && (onTeam || checked) && <Forms session={session} summary={s} onSaved={() => void summary.reload()} />}
      {s && session.user.role === 'supervisor' && <AccessLog participantId={participantId} heading={m.participant.accessLog} />}
    </Page>
  );
}

/**
 * Instead of only "not found": staff may open the record in an emergency, with a reason, for a few hours (decision 30).
 * The API answers an unknown participant, and one the reader works with already, with a problem shown at the form.
 */
function EmergencyOffer({ participantId, onGranted }: { participantId: string; onGranted: (grant: HeldGrant) => Promise<void> }) {
  const { m, label } = useI18n();
  const fields: Field[] = [
    {
      name: 'reasonCode',
      label: 'reasonCode',
      kind: 'select',
      required: true,
      options: EMERGENCY_REASON_CODES.map((code) => ({ value: code, text: label('emergencyReasons', code) })),
    },
    { name: 'reason', label: 'emergencyReason', kind: 'textarea', required: true },
  ];
  const spec: FormSpec = {
    id: 'emergency-access',
    title: 'emergencyAccess',
    fields,
    submitLabel: m.emergency.open,
    send: async (values) => {
      const answer = (await post(`/team-view/participants/${participantId}/emergency-access`, bodyOf(fields, values))) as unknown as HeldGrant;
      await onGranted({ grantId: answer.grantId, participantId, until: answer.until });
      return answer;
    },
  };
  return (
    <section className="emergency-offer" aria-labelledby="emergency-offer-heading">
      <h2 id="emergency-offer-heading">{m.emergency.offerTitle}</h2>
      <p className="warning">{m.emergency.offerWarning}</p>
      <Form spec={spec} level={3} />
    </section>
  );
}

function BackLink() {
  const { m } = useI18n();
  return (
    <p>
      <a
        href="/"
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
      >
        ← {m.participant.back}
      </a>
    </p>
  );
}

function Contacts({ summary }: { summary: Summary }) {
  const { m, t, label } = useI18n();
  const { nameOf, teams } = useTeams();
  const c = summary.contacts;
  const team = teams.find((known) => known.teamId === summary.teamId);
  const rows: [string, string, string][] = [
    ...(c['welfare-office']
      ? ([
          ['welfare-office', m.participant.employmentSpecialist, nameOf(c['welfare-office'].employmentSpecialistId)],
          ['welfare-office', m.participant.contactPerson, nameOf(c['welfare-office'].contactPersonId)],
        ] as [string, string, string][])
      : []),
    ...(c['mental-health']
      ? ([
          ['mental-health', m.participant.treatmentTeam, c['mental-health'].teamName],
          ['mental-health', m.participant.clinician, nameOf(c['mental-health'].clinicianId)],
        ] as [string, string, string][])
      : []),
    ...(c.municipality ? ([['municipality', m.participant.municipalContact, nameOf(c.municipality.contactPersonId)]] as [string, string, string][]) : []),
    ...(c.employer ? ([['employer', m.participant.employerId, c.employer.employerId]] as [string, string, string][]) : []),
  ];
  return (
    <section aria-labelledby="contacts-heading" className="card">
      <h2 id="contacts-heading">{m.participant.contacts}</h2>
      {team && <p>{t(m.participant.team, { team: team.name })}</p>}
      {rows.length === 0 ? (
        <p>{m.participant.noContacts}</p>
      ) : (
        <table className="contacts">
          <tbody>
            {rows.map(([agency, role, who]) => (
              <tr key={`${agency}-${role}`}>
                <th scope="row">
                  {label('agencies', agency)}: {role}
                </th>
                <td>{who}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The forms this reader's agency and role may send (the access policy decides; the server checks again). */
function Forms({ session, summary, onSaved }: { session: Session; summary: Summary; onSaved: () => void }) {
  const { m, date, label } = useI18n();
  const teams = useTeams();
  // The staff a form names are the participant's team's members (free text while no team is defined).
  const people = (filter: (member: TeamMember) => boolean) =>
    teams.membersFor(summary.teamId, filter).map((member) => ({ value: member.sub, text: `${member.displayName} (${label('roles', member.role)})` }));
  const specialists = people((member) => member.agency === 'welfare-office' && member.role === 'employment-specialist');
  // The roles the API asks of each (422 TEAM.NOT_A_MEMBER otherwise): a caseworker is the contact person.
  const contactPeople = people((member) => member.agency === 'welfare-office' && member.role === 'caseworker');
  const clinicians = people((member) => member.agency === 'mental-health' && member.role === 'clinician');
  const { agency, role, sub } = session.user;
  const id = summary.participantId;
  const base = `/${agency}/participants/${id}`;
  const simple = (spec: Omit<FormSpec, 'send'>, path: string): FormSpec => ({ ...spec, send: (values) => post(`${base}/${path}`, bodyOf(spec.fields, values)) });
  const placements = [summary.placement, ...summary.otherActivePlacements]
    .filter((placement): placement is Placement => placement !== null)
    .map((placement) => ({ value: placement.placementId, text: `${placement.jobTitle} (${date(placement.startDate)})` }));
  const directory = useLoad(async () => (agency === 'welfare-office' ? employerDirectory() : []), [agency]);
  const employers = directory.data ?? [];
  /** A form that may register a new employer: the directory is read again after it. */
  const withDirectory = (send: FormSpec['send']): FormSpec['send'] => async (values) => {
    const answer = await send(values);
    await directory.reload();
    return answer;
  };
  const forms: FormSpec[] = [];

  if (agency === 'welfare-office') {
    forms.push(simple(enrolmentForm(sub, specialists, contactPeople), 'enrolment'), simple(consentForm, 'consents'), simple(actionPlanForm, 'action-plans'), simple(participantContactForm, 'contacts'));
    const employerContact = [...employerFields(employers, m.forms.newEmployer), ...employerContactFields];
    forms.push({
      id: 'employer-contact',
      title: 'employerContact',
      fields: employerContact,
      send: withDirectory(async (values) => {
        const employerId = await employerOf(values);
        const body = bodyOf(employerContactFields, values);
        return post(`${base}/employer-contacts`, { ...body, employerId });
      }),
    });
    if (role !== 'caseworker') {
      forms.push({
        id: 'placement',
        title: 'placement',
        fields: [...employerFields(employers, m.forms.newEmployer), ...placementFields],
        send: withDirectory(async (values) => post('/employer/placements', { participantId: id, employerId: await employerOf(values), ...bodyOf(placementFields, values) })),
      });
      if (placements.length > 0) {
        const fields = followAlongFields(placements);
        forms.push({
          id: 'follow-along',
          title: 'followAlong',
          fields,
          send: (values) => {
            const { placementId, ...body } = bodyOf(fields, values);
            return post(`/employer/participants/${id}/placements/${String(placementId)}/follow-along-contacts`, body);
          },
        });
      }
    }
  }
  if (agency === 'mental-health') {
    forms.push(simple(treatmentTeamForm(sub, clinicians), 'treatment-team'), simple(relapseFlagForm, 'relapse-flags'));
    if (summary.relapseRisk) forms.push(simple(clearFlagForm, `relapse-flags/${summary.relapseRisk.flagId}/clear`));
  }
  if (agency === 'municipality') forms.push(simple(municipalServiceForm, 'services'));
  if (forms.length === 0 || !teams.ready) return null;
  return (
    <section aria-labelledby="record-heading" className="forms">
      <h2 id="record-heading">{m.participant.record}</h2>
      <div className="form-grid">
        {forms.map((spec) => (
          <Form key={`${spec.id}-${spec.fields.map((field) => field.kind).join()}`} spec={spec} onSaved={onSaved} level={3} />
        ))}
      </div>
    </section>
  );
}
