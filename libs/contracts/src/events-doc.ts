import { describeRule } from './schema';
import { Audience, ContractRegistry, EventContract, envelopeFields } from './shared-event';
import { TeamContractRegistry, teamContracts, teamEnvelopeFields } from './team.contracts';

const who = (contract: EventContract): string => {
  const base = 'the participant; the publishing agency; another agency while both are in the sharing circle';
  const aboutPlacement = 'employerId' in contract.fields;
  const employer: Record<Audience, string> = {
    'sharing-circle': aboutPlacement ? 'the employer named in it, if the participant chose employer disclosure' : 'never an employer (not about a placement)',
    'sharing-circle-not-employer': 'never an employer (health information)',
    'sharing-circle-and-named-employer': 'the employer named in it, always (its own requests)',
  };
  return `${base}; ${employer[contract.audience]}`;
};

const row = (name: string, spec: { rule: Parameters<typeof describeRule>[0]; optional?: boolean; personal?: boolean; description: string }) =>
  `| \`${name}\` | ${describeRule(spec.rule)}${spec.personal ? ', **personal: sealed**' : ''} | ${spec.optional ? 'no' : 'yes'} | ${spec.description} |`;

/** docs/events.md, made from the contracts themselves so it cannot drift from them. */
export function renderEventsDoc(registry: ContractRegistry, teams: TeamContractRegistry = teamContracts): string {
  const lines = [
    '# Shared participant events',
    '',
    '<!-- Generated from libs/contracts by `npm run docs:events`; a unit test fails when this file is stale. -->',
    '',
    'The published language between the agencies. Each event travels in this envelope, keyed by',
    '`participantId` (per-participant order), and is validated when published and when consumed: an event',
    'of an unknown type or version, or with wrong or extra fields, is rejected with the reason.',
    '',
    'Fields marked **personal: sealed** carry personal data (names, birth date, phone numbers, free text).',
    "They are sealed with the participant's own key before they are stored or published: the value is",
    '`enc:v1:` and base64 of an AES-256-GCM iv, tag and ciphertext (a list is sealed item by item), and a',
    'consumer accepts it in place of the plain value. Only a service with access to the key store can open',
    'it; once the participant is erased (`ParticipantErased`) nobody can, and it reads as `[erased]`.',
    '',
    '| envelope field | type | required | meaning |',
    '|---|---|---|---|',
    ...Object.entries(envelopeFields).map(([name, spec]) => row(name, spec)),
    '| `recordedBy` | `{ sub, agency, role }` | yes | who recorded it |',
    '| `data` | object | yes | the fields below, and no others |',
    '',
  ];
  const byPublisher = new Map<string, EventContract[]>();
  for (const contract of registry.all()) {
    byPublisher.set(contract.publisher, [...(byPublisher.get(contract.publisher) ?? []), contract]);
  }
  for (const [publisher, list] of byPublisher) {
    lines.push(`## Published by ${publisher}`, '');
    for (const contract of list) {
      lines.push(
        `### ${contract.type} v${contract.version}`,
        '',
        contract.description,
        '',
        `Who may see it: ${who(contract)}.`,
        '',
        '| field | type | required | meaning |',
        '|---|---|---|---|',
        ...Object.entries(contract.fields).map(([name, spec]) => row(name, spec)),
        '',
      );
    }
  }
  lines.push(
    '# Team events',
    '',
    "The programme's registry of IPS teams and their members (decision 27). Every service reads them to check",
    'access locally: staff see and write the participants of their current teams. They travel on the same bus in',
    'their own envelope, keyed by `teamId` (per-team order), never enter a participant’s timeline, and hold',
    'nothing of a participant (staff names are not sealed: they are not the participant’s data).',
    '',
    '| envelope field | type | required | meaning |',
    '|---|---|---|---|',
    ...Object.entries(teamEnvelopeFields).map(([name, spec]) => row(name, spec)),
    '| `recordedBy` | `{ sub, agency, role }` | yes | who recorded it |',
    '| `data` | object | yes | the fields below, and no others |',
    '',
  );
  for (const contract of teams.all()) {
    lines.push(
      `### ${contract.type} v${contract.version}`,
      '',
      contract.description,
      '',
      'Who may see it: every service of the platform; over the API, the team’s members and the programme’s administrators.',
      '',
      '| field | type | required | meaning |',
      '|---|---|---|---|',
      ...Object.entries(contract.fields).map(([name, spec]) => row(name, spec)),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
