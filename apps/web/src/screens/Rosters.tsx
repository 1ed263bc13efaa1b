import { useState } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { Field, Form, FormSpec, bodyOf, problemText } from '../Form';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { WriteRoute, write } from '../routes';
import { Session } from '../session';
import { Team, currentMembers, useTeams } from '../teams';

interface OnCallShift {
  readonly shiftId: string;
  readonly workerId: string;
  readonly role: string;
  readonly from: string;
  readonly to: string;
  readonly fromLocal: string;
  readonly toLocal: string;
  readonly cancelled: boolean;
}

interface OnCallTeam {
  readonly teamId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly onCall: Readonly<Record<string, string | null>>;
  readonly shifts: readonly OnCallShift[];
}

interface CrisisRota {
  readonly at: string;
  readonly onDuty: readonly { workerId: string; name: string; phone: string }[];
  readonly shifts: readonly { shiftId: string; workerId: string; name: string; phone: string; from: string; to: string }[];
}

/** "2026-03-02T16:00+01:00" as the team's wall clock: "2026-03-02 16:00". */
const wallClock = (local: string): string => local.slice(0, 16).replace('T', ' ');

/** A cancel button that says what it cancels, and any refusal next to it. */
function CancelShift({ route, params, what, onDone }: { route: WriteRoute; params: Record<string, string>; what: string; onDone: () => void }) {
  const i18n = useI18n();
  const [error, setError] = useState('');
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={what}
        onClick={() =>
          void write(route, params, {}).then(onDone, (failure: Error) => setError(i18n.t(i18n.m.line.failed, { detail: problemText(i18n, failure) })))
        }
      >
        {i18n.m.line.cancelShift}
      </button>
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

/** A roster's shifts ahead: who, a detail (role or phone), from, to, and a cancel button where the reader may. */
function ShiftTable({
  detail,
  shifts,
  onDone,
}: {
  detail: string;
  shifts: readonly {
    shiftId: string;
    who: string;
    detail: string;
    from: string;
    to: string;
    cancel: { route: WriteRoute; params: Record<string, string> } | null;
  }[];
  onDone: () => void;
}) {
  const { m, t } = useI18n();
  if (shifts.length === 0) return <p>{m.line.noShifts}</p>;
  const mayCancel = shifts.some((shift) => shift.cancel !== null);
  return (
    <table className="list" tabIndex={0}>
      <thead>
        <tr>
          <th scope="col">{m.line.worker}</th>
          <th scope="col">{detail}</th>
          <th scope="col">{m.line.from}</th>
          <th scope="col">{m.line.to}</th>
          {mayCancel && <td />}
        </tr>
      </thead>
      <tbody>
        {shifts.map((shift) => (
          <tr key={shift.shiftId}>
            <td>{shift.who}</td>
            <td>{shift.detail}</td>
            <td>{shift.from}</td>
            <td>{shift.to}</td>
            {shift.cancel && (
              <td>
                <CancelShift
                  route={shift.cancel.route}
                  params={shift.cancel.params}
                  what={t(m.line.cancelShiftOf, { who: shift.who, from: shift.from })}
                  onDone={onDone}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One team's on-call for the 24/7 line: who is on now, the shifts ahead (cancel), and a new shift. */
function OnCallRoster({ team, mayEdit }: { team: Team; mayEdit: boolean }) {
  const { m, t, label } = useI18n();
  const { nameOf } = useTeams();
  const roster = useLoad(() => api<OnCallTeam>(`/employer/on-call/teams/${team.teamId}`), [team.teamId]);
  const workers = currentMembers(team)
    .filter((member) => member.agency === 'welfare-office' && (member.role === 'employment-specialist' || member.role === 'supervisor'))
    .map((member) => ({ value: member.sub, text: `${member.displayName} (${label('roles', member.role)})` }));
  const fields: Field[] = [
    { name: 'workerId', label: 'member', kind: 'select', options: workers, required: true },
    { name: 'role', label: 'memberRole', kind: 'radio', options: ['employment-specialist', 'supervisor'], initial: 'employment-specialist' },
    { name: 'from', label: 'shiftFrom', kind: 'datetime-local', required: true },
    { name: 'to', label: 'shiftTo', kind: 'datetime-local', required: true },
  ];
  const spec: FormSpec = {
    id: `on-call-${team.teamId}`,
    title: 'addShift',
    fields,
    intro: t(m.line.localTime, { zone: team.timeZone }),
    send: (values) => write('POST /employer/on-call/teams/:teamId/shifts', { teamId: team.teamId }, bodyOf(fields, values)),
  };
  const data = roster.data;
  return (
    <section className="card" aria-labelledby={`roster-${team.teamId}`}>
      <h2 id={`roster-${team.teamId}`}>{t(m.line.onCallTitle, { team: team.name })}</h2>
      <LoadState loaded={roster} />
      {data && (
        <>
          <h3>{m.line.onCallNow}</h3>
          <ul>
            {(['employment-specialist', 'supervisor'] as const).map((role) => (
              <li key={role}>
                {(m.line.tiers as Record<string, string>)[role]}: <strong>{data.onCall[role] ? nameOf(data.onCall[role] as string) : m.line.nobody}</strong>
              </li>
            ))}
          </ul>
          <h3>{m.line.shiftsAhead}</h3>
          <p className="hint">{t(m.line.localTime, { zone: data.timeZone })}</p>
          <ShiftTable
            detail={m.line.role}
            onDone={() => void roster.reload()}
            shifts={data.shifts
              .filter((shift) => !shift.cancelled)
              .map((shift) => ({
                shiftId: shift.shiftId,
                who: nameOf(shift.workerId),
                detail: label('roles', shift.role),
                from: wallClock(shift.fromLocal),
                to: wallClock(shift.toLocal),
                cancel: mayEdit
                  ? { route: 'POST /employer/on-call/teams/:teamId/shifts/:shiftId/cancel' as const, params: { teamId: team.teamId, shiftId: shift.shiftId } }
                  : null,
              }))}
          />
        </>
      )}
      {mayEdit && <Form spec={spec} level={3} onSaved={() => void roster.reload()} />}
    </section>
  );
}

/** The municipality's crisis duty: who is on now, the rota ahead (cancel), and a new shift (times in the reader's zone). */
function CrisisDutyRoster({ mayEdit }: { mayEdit: boolean }) {
  const { m, dateTime } = useI18n();
  const { membersFor } = useTeams();
  const rota = useLoad(() => api<CrisisRota>('/municipality/crisis-duty/on-duty'), []);
  const workers = membersFor(null, (member) => member.agency === 'municipality').map((member) => ({ value: member.sub, text: member.displayName }));
  const fields: Field[] = [
    workers.length > 0
      ? { name: 'workerId', label: 'member', kind: 'select', options: workers, required: true }
      : { name: 'workerId', label: 'sub', kind: 'text', required: true },
    { name: 'name', label: 'displayName', kind: 'text', required: true },
    { name: 'phone', label: 'phone', kind: 'tel', required: true },
    { name: 'from', label: 'shiftFrom', kind: 'datetime-local', required: true },
    { name: 'to', label: 'shiftTo', kind: 'datetime-local', required: true },
  ];
  // The API takes instants: a local time is read in the reader's own zone, as the browser knows it.
  const instant = (local: unknown) => (typeof local === 'string' && local ? new Date(local).toISOString() : local);
  const spec: FormSpec = {
    id: 'crisis-duty',
    title: 'addDuty',
    fields,
    intro: m.line.yourTime,
    send: (values) => {
      const body = bodyOf(fields, values);
      const named = workers.find((worker) => worker.value === body['workerId']);
      return write('POST /municipality/crisis-duty', {}, { ...body, name: body['name'] ?? named?.text, from: instant(body['from']), to: instant(body['to']) });
    },
  };
  const data = rota.data;
  return (
    <section className="card" aria-labelledby="crisis-duty-heading">
      <h2 id="crisis-duty-heading">{m.line.crisisTitle}</h2>
      <p className="hint">{m.line.crisisIntro}</p>
      <LoadState loaded={rota} />
      {data && (
        <>
          <h3>{m.line.onCallNow}</h3>
          <p>
            <strong>{data.onDuty.length === 0 ? m.line.nobody : data.onDuty.map((worker) => `${worker.name} (${worker.phone})`).join(', ')}</strong>
          </p>
          <h3>{m.line.shiftsAhead}</h3>
          <ShiftTable
            detail={m.line.phone}
            onDone={() => void rota.reload()}
            shifts={data.shifts.map((shift) => ({
              shiftId: shift.shiftId,
              who: shift.name,
              detail: shift.phone,
              from: dateTime(shift.from),
              to: dateTime(shift.to),
              cancel: mayEdit ? { route: 'POST /municipality/crisis-duty/:shiftId/cancel' as const, params: { shiftId: shift.shiftId } } : null,
            }))}
          />
        </>
      )}
      {mayEdit && <Form spec={spec} level={3} onSaved={() => void rota.reload()} />}
    </section>
  );
}

/**
 * The rosters behind the 24/7 line: each of the reader's teams' on-call (welfare office: specialists and supervisors
 * schedule, caseworkers see), and the municipality's crisis duty (its staff schedule; the welfare office sees who is on).
 */
export function Rosters({ session }: { session: Session }) {
  const { m } = useI18n();
  const { teams, ready } = useTeams();
  const { agency, role } = session.user;
  return (
    <Page title={m.line.rostersTitle}>
      {agency === 'welfare-office' && ready && teams.length === 0 && <p>{m.line.noTeams}</p>}
      {agency === 'welfare-office' && teams.map((team) => <OnCallRoster key={team.teamId} team={team} mayEdit={role !== 'caseworker'} />)}
      <CrisisDutyRoster mayEdit={agency === 'municipality'} />
    </Page>
  );
}
