import { ACCESS_POLICY } from './access-policy';
import { PRINCIPAL_KINDS } from './policy-row';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** docs/access-policy.md, from the table the guard enforces. */
export function renderAccessPolicyDoc(): string {
  const header = `| route | purpose | ${PRINCIPAL_KINDS.map((kind) => kind.replace('/', ' / ')).join(' | ')} | on top |`;
  const rows = ACCESS_POLICY.map((row) => {
    const marks = PRINCIPAL_KINDS.map((kind) => (row.who === 'anyone' || row.who.includes(kind) ? '✓' : ''));
    return `| \`${row.route}\` | ${cell(row.purpose)} | ${marks.join(' | ')} | ${cell(row.relation ?? '')} |`;
  });
  return [
    '# Access policy',
    '',
    '<!-- Generated from libs/access/src/policy/access-policy.ts by `npm run docs:access`; a unit test fails when this file is stale. -->',
    '',
    'Who may call which route. The auth guard enforces exactly this table: a route that is not in it is refused,',
    'a caller whose agency/role has no ✓ gets 403, a call without a valid token 401. "On top" names the check each',
    'route then makes on the participant or placement (consent at read time, own placement, self). Reads of',
    "participant data are filtered by the participant's latest consent (api-contract.md, \"Who sees what\") and",
    'every read and write is in the access log.',
    '',
    header,
    `|---|---|${PRINCIPAL_KINDS.map(() => ':-:').join('|')}|---|`,
    ...rows,
    '',
  ].join('\n');
}
