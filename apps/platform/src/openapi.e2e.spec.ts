import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { policyFor } from '@ips/access';
import { describeWithKafka } from '@ips/messaging/testing';
import { DistributedHarness } from './testing/distributed-harness';
import { PlatformHarness } from './testing/platform-harness';

type Schema = {
  $ref?: string;
  example?: unknown;
  examples?: unknown;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = { name: string; in: string; example?: unknown; schema?: Schema };
type Media = { schema?: Schema; example?: unknown; examples?: unknown };
type Operation = {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
  security?: Record<string, string[]>[];
};
type Document = {
  info: { license?: { name: string } };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const ROOT = path.resolve(__dirname, '../../..');
const REDOCLY = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

type LintProblem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] };
type LintReport = { totals: { errors: number; warnings: number; ignored: number }; problems: LintProblem[] };

/** `redocly lint` with the repository's redocly.yaml (its recommended rules and the changes it names), as JSON. */
async function lint(document: unknown, name: string): Promise<LintReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ips-openapi-'));
  try {
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(document));
    const args = [REDOCLY, 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format=json', '--max-problems=10000'];
    // No telemetry and no update check: the linter makes no network calls in a test.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
    const stdout = await new Promise<string>((resolve, reject) =>
      // Exit code 1 when it finds errors: the report on stdout is what counts.
      execFile(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
        out.trim() ? resolve(out) : reject(new Error(`redocly lint gave no report: ${error?.message ?? ''}\n${err}`)),
      ),
    );
    return JSON.parse(stdout) as LintReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The problems one per line, to read in the test's failure. */
const problemsOf = (report: LintReport): string[] =>
  report.problems.map((problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`);

async function expectCleanLint(document: unknown, name: string): Promise<void> {
  const report = await lint(document, name);
  // `ignored`: nothing is hidden by an ignore file either.
  expect({ name, ...report.totals, problems: problemsOf(report) }).toEqual({ name, errors: 0, warnings: 0, ignored: 0, problems: [] });
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** The error answers an operation must document (libs/runtime/src/openapi-answers.ts states the rule). */
function expectedAnswers(method: string, route: string, operation: Operation): string[] {
  const needsToken = policyFor(method, route.replace(/\{([^}]+)\}/g, ':$1'))?.who !== 'anyone';
  const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
  const inQuery = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const existing = inPath.filter((parameter) => !(method === 'put' && route.endsWith(`{${parameter.name}}`)));
  const body = operation.requestBody !== undefined;
  return [
    ...(body || inPath.length || inQuery.length ? ['400'] : []),
    ...(needsToken ? ['401', '403', '429'] : []),
    ...(existing.length ? ['404'] : []),
    ...(WRITES.has(method) && needsToken ? ['409', '422'] : []),
    ...(body ? ['413', '415'] : []),
  ].sort();
}

/** Where a schema or one of its fields shows no example: the paths to them, empty when fully exemplified. */
function withoutExample(document: Document, schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
  if (!schema || schema.example !== undefined || schema.examples !== undefined) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    if (seen.has(name)) return [];
    return withoutExample(document, document.components.schemas[name], at, new Set([...seen, name]));
  }
  if (schema.type === 'array') return withoutExample(document, schema.items, `${at}[]`, seen);
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? [])];
  if (parts.length) return parts.flatMap((part) => withoutExample(document, part, at, seen));
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, field]) => withoutExample(document, field, `${at}.${name}`, seen));
  }
  return [at];
}

const operationsOf = (document: Document): [string, Operation][] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );

describe('the OpenAPI document at /docs-json', () => {
  let harness: PlatformHarness;
  let document: Document;

  beforeAll(async () => {
    harness = await PlatformHarness.start();
    const response = await harness.http.get('/docs-json').expect(200);
    document = response.body as Document;
  });
  afterAll(() => harness.stop());

  it('holds every fixed route of api-contract.md', () => {
    const routes = operationsOf(document).map(([route]) => route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /welfare-office/referrals',
        'POST /welfare-office/participants/{id}/enrolment',
        'POST /welfare-office/participants/{id}/consents',
        'POST /welfare-office/participants/{id}/employer-contacts',
        'POST /mental-health/participants/{id}/relapse-flags',
        'POST /mental-health/participants/{id}/relapse-flags/{flagId}/clear',
        'POST /employer/employers',
        'POST /employer/placements',
        'POST /employer/contact-requests',
        'GET /employer/contact-requests/{requestId}',
        'POST /municipality/participants/{id}/services',
        'GET /team-view/participants/{id}',
        'GET /team-view/participants/{id}/timeline',
        'GET /team-view/participants/{id}/access-log',
        'GET /team-view/board',
        'GET /team-view/outcomes',
        'GET /team-view/fidelity',
      ]),
    );
  });

  it('gives every route a summary and a documented success answer', () => {
    const lacking = operationsOf(document)
      .filter(([, operation]) => !operation.summary || !Object.keys(operation.responses).some((status) => status.startsWith('2')))
      .map(([route]) => route);
    expect(lacking).toEqual([]);
  });

  it('passes redocly lint with no error and no warning', async () => {
    await expectCleanLint(document, 'platform');
  });

  it('names where it is served and its licence', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.info.license).toEqual({ name: 'Proprietary' });
  });

  it('asks a token of every route but the public ones of the access policy', () => {
    const security = Object.fromEntries(operationsOf(document).map(([route, operation]) => [route, operation.security]));
    expect(
      Object.entries(security)
        .filter(([, requirement]) => requirement?.length === 0)
        .map(([route]) => route)
        .sort(),
    ).toEqual(['GET /auth/config', 'GET /auth/demo-users', 'GET /health', 'GET /health/live', 'GET /health/ready', 'GET /metrics', 'POST /auth/demo-sign-in']);
    for (const requirement of Object.values(security).filter((requirement) => requirement?.length)) expect(requirement).toEqual([{ bearer: [] }]);
  });

  it("documents every operation's error answers as problem+json, each with an example", () => {
    const lacking = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) => {
        const documented = Object.keys(operation.responses).filter((status) => /^[45]/.test(status));
        const missing = expectedAnswers(method, route, operation).filter((status) => !documented.includes(status));
        const unlike = documented.filter((status) => {
          const media = operation.responses[status]?.content?.['application/problem+json'];
          return media?.schema?.$ref !== '#/components/schemas/Problem' || (media.example === undefined && media.examples === undefined);
        });
        return [
          ...missing.map((status) => `${method.toUpperCase()} ${route}: no ${status}`),
          ...unlike.map((status) => `${method.toUpperCase()} ${route}: ${status} is not a Problem with an example`),
        ];
      }),
    );
    expect(lacking).toEqual([]);
    expect(document.paths['/welfare-office/referrals']?.['post']?.responses).toEqual(
      expect.objectContaining(Object.fromEntries(['400', '401', '403', '409', '413', '415', '422', '429'].map((status) => [status, expect.anything()]))),
    );
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'FieldProblem']));
  });

  it('shows an example for every request field, parameter and answer', () => {
    const lacking = operationsOf(document).flatMap(([route, operation]) => [
      ...(operation.parameters ?? [])
        .filter((parameter) => parameter.example === undefined && parameter.schema?.example === undefined)
        .map((parameter) => `${route} parameter ${parameter.name}`),
      ...Object.values(operation.requestBody?.content ?? {}).flatMap((media) =>
        media.example === undefined ? withoutExample(document, media.schema, `${route} body`) : [],
      ),
      ...Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, response]) =>
          Object.values(response.content ?? {}).flatMap((media) =>
            media.example === undefined ? withoutExample(document, media.schema, `${route} ${status}`) : [],
          ),
        ),
    ]);
    expect(lacking).toEqual([]);
  });
});

describeWithKafka(
  'the OpenAPI documents of the distributed profile',
  () => {
    jest.setTimeout(180_000);
    let harness: DistributedHarness;
    beforeAll(async () => {
      harness = await DistributedHarness.start();
    });
    afterAll(() => harness?.stop());

    it("pass redocly lint with no error and no warning: the gateway's merged document and each service's own", async () => {
      const gateway = (await harness.http.get('/docs-json').expect(200)).body as Document;
      await expectCleanLint(gateway, 'gateway');
      for (const [service, running] of harness.platform.services) {
        const answer = await fetch(`${running.url}/docs-json`);
        expect(answer.status).toBe(200);
        await expectCleanLint(await answer.json(), service);
      }
      // The gateway serves what the embedded platform serves, but the embedded profile's sign-in routes.
      expect(
        operationsOf(gateway)
          .filter(([, operation]) => operation.security?.length === 0)
          .map(([route]) => route),
      ).toEqual(['GET /health', 'GET /health/live', 'GET /health/ready']);
    });
  },
  { databaseServer: true },
);
