import { ACCESS_POLICY } from './access-policy';
import { PRINCIPAL_KINDS, WorkNeedSource } from './policy-row';
import { describeRelation } from './relations';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

const WORK_NEED_CELL: Readonly<Record<WorkNeedSource | 'none', string>> = {
  'path-id': 'staff: `:id`',
  'body-participantId': 'staff: body `participantId`',
  none: '',
};

/** docs/access-policy.md, from the table the guard enforces. */
export function renderAccessPolicyDoc(): string {
  const header = `| route | purpose | ${PRINCIPAL_KINDS.map((kind) => kind.replace('/', ' / ')).join(' | ')} | work need | on top |`;
  const rows = ACCESS_POLICY.map((row) => {
    const marks = PRINCIPAL_KINDS.map((kind) => (row.who === 'anyone' || row.who.includes(kind) ? '✓' : ''));
    return `| \`${row.route}\` | ${cell(row.purpose)} | ${marks.join(' | ')} | ${WORK_NEED_CELL[row.workNeed ?? 'none']}${row.emergencyAccess ? ' or emergency access' : ''} | ${cell(describeRelation(row.relation))} |`;
  });
  return [
    '# Access policy',
    '',
    '<!-- Generated from libs/access/src/policy/access-policy.ts by `npm run docs:access`; a unit test fails when this file is stale. -->',
    '',
    'Who may call which route. The auth guard enforces exactly this table: a route that is not in it is refused,',
    'a caller whose agency/role has no ✓ gets 403, a call without a valid token 401. "On top" names the check each',
    'route then makes on the participant or placement (consent at read time, own placement, self). Reads of',
    'participant data are filtered by the participant\'s latest consent (api-contract.md, "Who sees what") and',
    'every read and write is in the access log.',
    '',
    '"Work need" marks the routes where the guard itself checks the participant for staff (a team agency\'s staff',
    "roles): the caller must be a member of the participant's current IPS team or named on the record, at the",
    'time of the call; on the rows marked "or emergency access", an emergency access of theirs in force counts too',
    "(decision 30: the team view's reads of one participant, never a write); otherwise 404",
    "PARTICIPANT.NOT_FOUND, exactly as for an unknown participant. The participant id is the path's `:id` or",
    "the body's `participantId`; a malformed one is left to the route's own 400. While no team is defined,",
    'every staff member is a member of the one team the deployment is (architecture decisions 27 and 28).',
    '',
    header,
    `|---|---|${PRINCIPAL_KINDS.map(() => ':-:').join('|')}|---|---|`,
    ...rows,
    '',
  ].join('\n');
}
