import { Page } from '../Page';
import { Form, Values, bodyOf } from '../Form';
import { write } from '../routes';
import { useI18n } from '../i18n';
import { Session } from '../session';
import { TEAM_ROLES, Team, currentMembers, newTeamId, useTeams } from '../teams';
import { addMemberForm, defineTeamForm, endMemberForm } from './forms';

/**
 * The IPS teams: the programme's administrator defines teams and names their supervisors; a team's supervisor adds
 * and ends the other members; everyone else on a team sees who is on it (the coordinator: every team). The API
 * decides again: a problem it answers is shown in the form.
 */
export function Teams({ session }: { session: Session }) {
  const { m } = useI18n();
  const teams = useTeams();
  const { agency, role } = session.user;
  const administrator = agency === 'programme' && role === 'administrator';
  const intro = administrator ? m.teams.introAdministrator : agency === 'programme' ? m.teams.introCoordinator : m.teams.introStaff;

  return (
    <Page title={m.teams.title}>
      <p className="lead">{intro}</p>
      {administrator && (
        <Form
          spec={{
            ...defineTeamForm,
            problemFields: { 'TEAM.INVALID_TIME_ZONE': 'timeZone' },
            send: async (values) => {
              await write('PUT /programme/teams/:teamId', { teamId: newTeamId() }, bodyOf(defineTeamForm.fields, values));
              await teams.reload();
            },
          }}
        />
      )}
      {teams.ready && teams.teams.length === 0 && <p>{administrator || agency === 'programme' ? m.teams.noneDefined : m.teams.noneOfMine}</p>}
      {teams.teams.map((team) => (
        <TeamCard key={team.teamId} team={team} administrator={administrator} manages={teams.manages(team)} reload={teams.reload} />
      ))}
    </Page>
  );
}

function TeamCard({ team, administrator, manages, reload }: { team: Team; administrator: boolean; manages: boolean; reload: () => Promise<void> }) {
  const { m, t, label, date } = useI18n();
  const headingId = `team-${team.teamId}`;
  const members = currentMembers(team);
  // Only the administrator names supervisors; a supervisor adds the team's other roles.
  const roles = Object.entries(TEAM_ROLES).flatMap(([agency, agencyRoles]) =>
    agencyRoles
      .filter((memberRole) => administrator || memberRole !== 'supervisor')
      .map((memberRole) => ({ value: `${agency}/${memberRole}`, text: `${label('agencies', agency)}: ${label('roles', memberRole)}` })),
  );
  const add = addMemberForm(team.teamId, roles);
  const end = endMemberForm(
    team.teamId,
    members.map((member) => ({ value: member.sub, text: `${member.displayName} (${label('roles', member.role)}, ${label('agencies', member.agency)})` })),
  );
  const sendMember = async (values: Values) => {
    const { role: agencyRole, ...body } = bodyOf(add.fields, values);
    const [agency, memberRole] = String(agencyRole ?? '').split('/');
    await write('POST /programme/teams/:teamId/members', { teamId: team.teamId }, { ...body, agency, role: memberRole });
    await reload();
  };
  const sendEnd = async (values: Values) => {
    const { sub, ...body } = bodyOf(end.fields, values);
    await write('POST /programme/teams/:teamId/members/:sub/end', { teamId: team.teamId, sub: String(sub ?? '') }, body);
    await reload();
  };

  return (
    <section className="card" aria-labelledby={headingId} data-team={team.name}>
      <h2 id={headingId}>{team.name}</h2>
      <p>{t(m.teams.facts, { municipality: team.municipality, timeZone: team.timeZone })}</p>
      {members.length === 0 ? (
        <p>{m.teams.noMembers}</p>
      ) : (
        <table className="list">
          <caption className="visually-hidden">{t(m.teams.membersOf, { team: team.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{m.teams.name}</th>
              <th scope="col">{m.teams.role}</th>
              <th scope="col">{m.teams.agency}</th>
              <th scope="col">{m.teams.login}</th>
              <th scope="col">{m.teams.from}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={`${member.sub}-${member.from}`}>
                <th scope="row">{member.displayName}</th>
                <td>{label('roles', member.role)}</td>
                <td>{label('agencies', member.agency)}</td>
                <td>
                  <code>{member.sub}</code>
                </td>
                <td>{date(member.from)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manages && (
        <div className="form-grid">
          <Form
            level={3}
            spec={{
              ...add,
              problemFields: {
                'TEAM.MEMBER_ALREADY_ADDED': 'sub',
                'TEAM.FROM_OUT_OF_RANGE': 'from',
                'TEAM.ROLE_NOT_OF_AGENCY': 'role',
                'TEAM.SUPERVISOR_BY_ADMINISTRATOR': 'role',
              },
              send: sendMember,
            }}
          />
          {members.length > 0 && (
            <Form
              level={3}
              spec={{
                ...end,
                problemFields: {
                  'TEAM.END_BEFORE_START': 'on',
                  'TEAM.END_TOO_FAR_BACK': 'on',
                  'TEAM.MEMBER_NOT_FOUND': 'sub',
                  'TEAM.SUPERVISOR_BY_ADMINISTRATOR': 'sub',
                },
                send: sendEnd,
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
