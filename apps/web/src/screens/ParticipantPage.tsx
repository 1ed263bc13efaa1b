import { useCallback, useEffect, useState } from 'react';
import { Page } from '../Page';
import { ApiError, api } from '../api';
import { Field, Form, FormSpec, Values, bodyOf } from '../Form';
import { useI18n } from '../i18n';
import { changesFeed, names, useReloadOn } from '../feeds';
import { LoadState, Loaded, useLoad } from '../load';
import { navigate } from '../router';
import { WriteRoute, write } from '../routes';
import { Session } from '../session';
import { TeamMember, useTeams } from '../teams';
import { AccessLog } from './AccessLog';
import { EMERGENCY_REASON_CODES, EmergencyGrant, HeldGrant, endGrant, isOwn, storeGrant, storedGrant } from './EmergencyAccess';
import { Entry, Timeline } from './Timeline';
import {
  DISCHARGE_REASONS,
  JOB_END_REASONS,
  actionPlanForm,
  benefitsCounsellingForm,
  careerProfileForm,
  changeFlagForm,
  clearFlagForm,
  consentForm,
  consentWithdrawalForm,
  contactDetailsForm,
  dischargeForm,
  employerContactFields,
  employerFields,
  enrolmentForm,
  erasureForm,
  followAlongFields,
  integrationMeetingForm,
  jobEndForm,
  municipalContactPersonForm,
  municipalServiceForm,
  participantContactForm,
  placementFields,
  placementTermsForm,
  relapseFlagForm,
  serviceEndForm,
  transferForm,
  treatmentEndForm,
  treatmentTeamForm,
  withdrawReferralForm,
} from './forms';
import { InForce, inForceOf } from '../record';

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
  (await api<{ employers: { employerId: string; name: string; organisationNumber: string }[] }>('/employer/employers?limit=500')).employers.map((employer) => ({
    id: employer.employerId,
    name: `${employer.name} (${employer.organisationNumber})`,
  }));

async function employerOf(values: Values): Promise<string> {
  if (values['employerId'] && values['employerId'] !== 'new') return String(values['employerId']);
  const name = String(values['employerName'] ?? '').trim();
  const answer = await write<{ employerId: string }>(
    'POST /employer/employers',
    {},
    { name, organisationNumber: String(values['organisationNumber'] ?? '').trim() },
  );
  return answer.employerId;
}

export function ParticipantPage({ session, participantId }: { session: Session; participantId: string }) {
  const i18n = useI18n();
  const { m, t, label, date, time } = i18n;
  const teams = useTeams();
  const summary = useLoad(() => api<Summary>(`/team-view/participants/${participantId}`), [participantId]);
  const timeline = useLoad(async () => (await api<{ entries: Entry[] }>(`/team-view/participants/${participantId}/timeline`)).entries, [participantId]);
  // The welfare office reads the employer directory: employers by name on the timeline and in the forms.
  const directory = useLoad(async () => (session.user.agency === 'welfare-office' ? employerDirectory() : []), [session.user.agency]);
  const employerName = useCallback((id: string) => directory.data?.find((employer) => employer.id === id)?.name ?? null, [directory.data]);
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
  const reloadAll = useCallback(() => Promise.all([summary.reload(), timeline.reload()]), [summary.reload, timeline.reload]);
  // A change the reader's stream of entries may not carry (a consent that narrows or widens what they see): read again.
  useReloadOn(changesFeed, reloadAll, names(participantId), isStaff(session.user.agency));
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
              <dd>
                {s.placement
                  ? t(m.participant.jobLine, { title: s.placement.jobTitle, date: date(s.placement.startDate), hours: s.placement.hoursPerWeek })
                  : m.participant.noJob}
              </dd>
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
      {timeline.data && (
        <Timeline participantId={participantId} initial={timeline.data} onEntry={onEntry} heading={m.participant.timeline} employerName={employerName} />
      )}
      {s && timeline.data && !emergency && (onTeam || checked) && (
        <Forms session={session} summary={s} inForce={inForceOf(timeline.data)} directory={directory} onSaved={() => void reloadAll()} />
      )}
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
      const answer = await write<HeldGrant>('POST /team-view/participants/:id/emergency-access', { id: participantId }, bodyOf(fields, values));
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

const isStaff = (agency: string) => ['welfare-office', 'mental-health', 'municipality'].includes(agency);

/** The phases in which a participant is on the team's caseload (enrolled, not discharged). */
const ACTIVE = ['enrolled', 'job-search', 'employed', 'follow-along'];

/**
 * The forms this reader's agency and role may send (the access policy decides; the server checks again), each only
 * while it applies to the participant's phase. Forms that replace state open with what is in force.
 */
function Forms({
  session,
  summary,
  inForce,
  directory,
  onSaved,
}: {
  session: Session;
  summary: Summary;
  inForce: InForce;
  directory: Loaded<{ id: string; name: string }[]>;
  onSaved: () => void;
}) {
  const i18n = useI18n();
  const { m, t, date, label } = i18n;
  const teams = useTeams();
  // The staff a form names are the participant's team's members (free text while no team is defined).
  const people = (filter: (member: TeamMember) => boolean) =>
    teams.membersFor(summary.teamId, filter).map((member) => ({ value: member.sub, text: `${member.displayName} (${label('roles', member.role)})` }));
  const specialists = people((member) => member.agency === 'welfare-office' && member.role === 'employment-specialist');
  // The roles the API asks of each (422 TEAM.NOT_A_MEMBER otherwise): a caseworker is the contact person.
  const contactPeople = people((member) => member.agency === 'welfare-office' && member.role === 'caseworker');
  const clinicians = people((member) => member.agency === 'mental-health' && member.role === 'clinician');
  const municipalPeople = people((member) => member.agency === 'municipality');
  const everyone = people(() => true);
  const { agency, role, sub } = session.user;
  const id = summary.participantId;
  const simple = (spec: Omit<FormSpec, 'send'>, route: WriteRoute, params: Record<string, string> = {}): FormSpec => ({
    ...spec,
    send: (values) => write(route, { id, ...params }, bodyOf(spec.fields, values)),
  });
  const placements = [summary.placement, ...summary.otherActivePlacements]
    .filter((placement): placement is Placement => placement !== null)
    .map((placement) => ({ value: placement.placementId, text: `${placement.jobTitle} (${date(placement.startDate)})` }));
  const employers = directory.data ?? [];
  /** A form that may register a new employer: the directory is read again after it. */
  const withDirectory =
    (send: FormSpec['send']): FormSpec['send'] =>
    async (values) => {
      const answer = await send(values);
      await directory.reload();
      return answer;
    };
  const { phase } = summary;
  const active = ACTIVE.includes(phase);
  const forms: FormSpec[] = [];
  const reasons = (values: readonly string[]) => values.map((value) => ({ value, text: label('reasons', value) }));
  const agencies = (list: readonly string[]) => list.map((one) => label('agencies', one)).join(', ');

  if (agency === 'welfare-office') {
    const onTeams = teams.teams.filter((team) => team.teamId !== summary.teamId).map((team) => ({ value: team.teamId, text: team.name }));
    if (phase === 'referred') {
      forms.push(
        simple(enrolmentForm(sub, specialists, contactPeople), 'POST /welfare-office/participants/:id/enrolment'),
        simple(withdrawReferralForm, 'POST /welfare-office/participants/:id/referral-withdrawal'),
      );
    }
    if (phase === 'referred' || active) {
      const consent = consentForm(inForce.consent);
      forms.push({
        ...simple(consent, 'POST /welfare-office/participants/:id/consents'),
        intro: inForce.consent ? t(m.forms.consentInForce, { agencies: agencies(inForce.consent.shareWith) || m.forms.nobody }) : m.forms.noConsentYet,
        confirm: (values) => {
          if (!inForce.consent) return null;
          const next = (values['shareWith'] as string[]) ?? [];
          const stopping = inForce.consent.shareWith.filter((one) => !next.includes(one));
          const untold = inForce.consent.employerDisclosure && values['employerDisclosure'] !== true;
          if (stopping.length === 0 && !untold) return null;
          return [
            stopping.length > 0 ? t(m.forms.narrowing, { agencies: agencies(stopping) }) : '',
            untold ? m.forms.narrowingDisclosure : '',
            m.forms.narrowingAsk,
          ]
            .filter(Boolean)
            .join(' ');
        },
      });
      if (inForce.consent) {
        forms.push({
          ...simple(consentWithdrawalForm, 'POST /welfare-office/participants/:id/consent-withdrawal'),
          confirm: () => t(m.forms.withdrawConsentConfirm, { agencies: agencies(inForce.consent?.shareWith ?? []) || m.forms.nobody }),
        });
      }
    }
    if (active) {
      const planSpec = simple(actionPlanForm(inForce.proposal ?? inForce.plan), 'POST /welfare-office/participants/:id/action-plans');
      forms.push(
        inForce.proposal
          ? {
              ...planSpec,
              intro: t(m.forms.fromProposal, { date: date(inForce.proposal.proposedAt) }),
              send: (values) =>
                write(
                  'POST /welfare-office/participants/:id/action-plans',
                  { id },
                  { ...bodyOf(planSpec.fields, values), proposalId: inForce.proposal?.proposalId },
                ),
            }
          : planSpec,
        inForce.careerProfile
          ? simple(careerProfileForm(inForce.careerProfile), 'PUT /welfare-office/participants/:id/career-profile')
          : simple(careerProfileForm(null), 'POST /welfare-office/participants/:id/career-profile'),
        simple(participantContactForm, 'POST /welfare-office/participants/:id/contacts'),
        simple(benefitsCounsellingForm, 'POST /welfare-office/participants/:id/benefits-counselling'),
      );
      // Only those who may register an employer are offered a new one (a caseworker picks from the directory).
      const mayRegister = role !== 'caseworker';
      const known = employerFields(employers, m.forms.newEmployer, mayRegister);
      forms.push({
        id: 'employer-contact',
        title: 'employerContact',
        fields: [...known, ...employerContactFields],
        send: withDirectory(async (values) => {
          const employerId = await employerOf(values);
          return write('POST /welfare-office/participants/:id/employer-contacts', { id }, { ...bodyOf(employerContactFields, values), employerId });
        }),
      });
      if (role !== 'caseworker') {
        forms.push({
          id: 'placement',
          title: 'placement',
          fields: [...known, ...placementFields],
          send: withDirectory(async (values) =>
            write('POST /employer/placements', {}, { participantId: id, employerId: await employerOf(values), ...bodyOf(placementFields, values) }),
          ),
        });
        if (placements.length > 0) {
          const onPlacement = (values: Values) => ({ id, placementId: String(values['placementId'] ?? '') });
          const without = (fields: readonly Field[], values: Values) => {
            const { placementId: _chosen, ...body } = bodyOf(fields, values);
            return body;
          };
          const followAlong = followAlongFields(placements);
          const terms = placementTermsForm(placements);
          const end = jobEndForm(placements, reasons(JOB_END_REASONS));
          forms.push(
            {
              id: 'follow-along',
              title: 'followAlong',
              fields: followAlong,
              send: (values) =>
                write('POST /employer/participants/:id/placements/:placementId/follow-along-contacts', onPlacement(values), without(followAlong, values)),
            },
            {
              ...terms,
              send: (values) => write('POST /employer/participants/:id/placements/:placementId/terms', onPlacement(values), without(terms.fields, values)),
            },
            {
              ...end,
              send: (values) => write('POST /employer/participants/:id/placements/:placementId/end', onPlacement(values), without(end.fields, values)),
            },
          );
        }
      }
      forms.push({
        ...simple(dischargeForm(reasons(DISCHARGE_REASONS)), 'POST /welfare-office/participants/:id/discharge'),
        confirm: () => m.forms.dischargeConfirm,
      });
    }
    if (phase === 'referred' || active) {
      forms.push(simple(contactDetailsForm(summary.contactDetails), 'PUT /welfare-office/participants/:id/contact-details'));
      if (onTeams.length > 0) forms.push(simple(transferForm(onTeams), 'POST /welfare-office/participants/:id/transfer'));
    }
    if (role === 'supervisor')
      forms.push({
        ...simple(erasureForm, 'POST /welfare-office/participants/:id/erasure'),
        intro: m.forms.erasureIntro,
        submitLabel: m.forms.erase,
        confirm: () => m.forms.erasureConfirm,
      });
  }
  if (agency === 'mental-health' && (phase === 'referred' || active)) {
    const linked = summary.contacts['mental-health'] !== undefined && !inForce.treatmentEnded;
    if (!linked) forms.push(simple(treatmentTeamForm(sub, clinicians), 'POST /mental-health/participants/:id/treatment-team'));
    if (summary.relapseRisk) {
      const flag = summary.relapseRisk;
      forms.push(
        simple(
          changeFlagForm({ level: flag.level, actions: inForce.flagActions[flag.flagId] ?? [] }),
          'POST /mental-health/participants/:id/relapse-flags/:flagId/changes',
          { flagId: flag.flagId },
        ),
        simple(clearFlagForm, 'POST /mental-health/participants/:id/relapse-flags/:flagId/clear', { flagId: flag.flagId }),
      );
    } else {
      forms.push(simple(relapseFlagForm, 'POST /mental-health/participants/:id/relapse-flags'));
    }
    forms.push(simple(integrationMeetingForm(everyone), 'POST /mental-health/participants/:id/integration-meetings'));
    if (linked) forms.push(simple(treatmentEndForm, 'POST /mental-health/participants/:id/treatment-end'));
  }
  if (agency === 'municipality' && (phase === 'referred' || active)) {
    forms.push(
      simple(municipalContactPersonForm(municipalPeople, sub), 'POST /municipality/participants/:id/contact-person'),
      simple(municipalServiceForm, 'POST /municipality/participants/:id/services'),
    );
    const services = inForce.services.map((service) => ({ value: service.serviceId, text: label('options', service.kind) }));
    if (services.length > 0) {
      const end = serviceEndForm(services);
      forms.push({
        ...end,
        send: (values) => {
          const { serviceId, ...body } = bodyOf(end.fields, values);
          return write('POST /municipality/participants/:id/services/:serviceId/end', { id, serviceId: String(serviceId) }, body);
        },
      });
    }
  }
  // The forms wait for what their fields are made of (the teams' members, the employer directory): shown before, their
  // fields would change under a fast typist and what they typed be lost.
  const directoryRead = directory.data !== null || directory.error !== null;
  if (forms.length === 0 || !teams.ready || !directoryRead) return null;
  return (
    <section aria-labelledby="record-heading" className="forms">
      <h2 id="record-heading">{m.participant.record}</h2>
      <p className="hint">{t(m.forms.forPhase, { phase: label('phases', phase) })}</p>
      <div className="form-grid">
        {forms.map((spec) => (
          <Form
            key={`${spec.id}-${spec.fields.map((field) => `${field.kind}${'initial' in field ? JSON.stringify(field.initial) : ''}`).join()}`}
            spec={spec}
            onSaved={onSaved}
            level={3}
          />
        ))}
      </div>
    </section>
  );
}
