import net from 'node:net';
import fc from 'fast-check';
import { ACCESS_POLICY, PolicyRow, PrincipalKind, TokenClaims } from '@ips/access';
import { DATE_WINDOWS, MAX_BODY_DEPTH } from '@ips/http';
import { HEALTH_DB } from '@ips/runtime';
import { SqlDriver } from '@ips/postgres';
import { contactLineWorld } from './testing/contact-line-world';
import { PlatformHarness, TestClock } from './testing/platform-harness';
import { TestPlatform, describeEachProfile } from './testing/profiles';

type Field = { type?: string; format?: string; example?: unknown; minimum?: number; maximum?: number; description?: string };
type Schema = { properties?: Record<string, Field>; required?: string[] };
type Document = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** Every event and outbox message the platform holds: the embedded database, or each agency service's own. */
async function writesOf(platform: TestPlatform): Promise<number> {
  const running =
    'services' in platform.platform
      ? [...platform.platform.services].filter(([service]) => service !== 'team-view').map(([, service]) => service)
      : [platform.platform];
  let total = 0;
  for (const service of running) {
    const [row] = await service.app
      .get<symbol, SqlDriver>(HEALTH_DB)
      .query<{ n: unknown }>('select (select count(*) from es_events) + (select count(*) from es_outbox) as n');
    total += Number(row?.n);
  }
  return total;
}

/** A value of the wrong type for a declared field: the API must refuse it (400), never write, never 5xx. */
const wrongFor = (field: Field): fc.Arbitrary<unknown> => {
  switch (field.type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.object({ maxDepth: 1 }));
    case 'number':
    case 'integer':
      return fc.oneof(fc.constantFrom('abc', '', 'twenty'), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.object({ maxDepth: 1 }));
    case 'boolean':
      return fc.oneof(fc.constantFrom('yes', 'abc'), fc.integer({ min: 2 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }));
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), fc.object({ maxDepth: 1 }));
    default:
      return fc.oneof(fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }));
  }
};

/** Numbers no field takes: past every maximum, below every minimum, finer than every unit, or no real figure at all. */
const EXTREME_NUMBERS = [1e308, -1e308, 1e21, 2 ** 53 + 2, 5e-324, -1, 123_456.789];
/** Years no date field takes: before 1900, or further ahead than any window (the probe's 0, 1800 and 9999). */
const EXTREME_YEARS = ['0000', '0001', '1800', '1899', '2100', '9999'];

const isNumberField = (field: Field): boolean => field.type === 'number' || field.type === 'integer';
/** Dates, instants and the contact line's local shift times: their examples begin with the day. */
const isDateField = (field: Field): boolean => typeof field.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(field.example);

/** Nests `depth` levels of arrays or objects. */
const nesting = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const INHERITED_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

interface Mutation {
  readonly what: string;
  /** The body as sent: JSON text. */
  readonly text: string;
  /** The answers it may get; 422 where it is well-formed but the domain refuses it. */
  readonly statuses: readonly number[];
  readonly code?: string;
  /** The field the refusal must name. */
  readonly field?: string;
}

/**
 * Property-based bad input over every write route of the access policy: from the route's valid example body, one
 * of: a required field dropped, an unknown field added (any name, inherited ones like `toString` included), a
 * declared field of the wrong type or of an extreme value (numbers past every bound, dates in year 0, 1800 or 9999),
 * a body nested deeper than the edge reads, or a body that is not an object. The answer is a 4xx problem+json, and
 * no event or outbox message is written.
 */
describe('bad input on every write route (fast-check)', () => {
  jest.setTimeout(240_000);
  let harness: PlatformHarness;
  let document: Document;
  let world: Awaited<ReturnType<typeof contactLineWorld>>;

  const writes = ACCESS_POLICY.filter((row) => row.who !== 'anyone' && !row.route.startsWith('GET '));

  const claimsFor = (row: PolicyRow): TokenClaims => {
    const kinds = row.who as readonly PrincipalKind[];
    const kind = kinds.find((candidate) => !candidate.startsWith('participant')) ?? (kinds[0] as PrincipalKind);
    const [agency, role] = kind.split('/') as [string, string];
    return {
      sub: `${role}-1`,
      agency,
      role,
      ...(agency === 'employer' ? { employerId: world.employerId } : {}),
      ...(agency === 'participant' ? { participantId: world.participantId } : {}),
    };
  };

  const schemaOf = (row: PolicyRow): Schema => {
    const [method, path] = row.route.split(' ') as [string, string];
    const ref = document.paths[path.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema?.$ref;
    return (ref ? document.components.schemas[ref.split('/').pop() as string] : undefined) ?? {};
  };

  const validBody = (schema: Schema): Record<string, unknown> => {
    const body = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, field]) => [name, field.example]));
    for (const key of ['participantId', 'employerId', 'placementId'] as const) if (key in body) body[key] = world[key];
    return body;
  };

  const urlOf = (row: PolicyRow): string =>
    (row.route.split(' ')[1] as string)
      .replace(':id', world.participantId)
      .replace(':placementId', world.placementId)
      .replace(/:[a-zA-Z]+/g, '0190a6f0-0000-7000-8000-000000000bad');

  const send = async (row: PolicyRow, text: string) => {
    const method = (row.route.split(' ')[0] as string).toLowerCase() as 'post' | 'put';
    return harness.http[method](urlOf(row))
      .set('authorization', `Bearer ${await harness.token(claimsFor(row))}`)
      .set('content-type', 'application/json')
      .send(text);
  };

  /** Sends the body and checks the answer: one of the statuses, problem+json, the code and field if given, nothing written. */
  const refused = async (row: PolicyRow, mutation: Mutation): Promise<void> => {
    const before = await writesOf(harness);
    const answer = await send(row, mutation.text);
    // Validation comes after the guard and before any handler: a caller who may use the route gets 400
    // (or 422 where well-formed but not allowed), never 401/403/404 for a bad body, never a 5xx.
    expect(mutation.statuses).toContain(answer.status);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body.status).toBe(answer.status);
    if (mutation.code) expect(answer.body.code).toBe(mutation.code);
    if (mutation.field) expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: mutation.field })]));
    expect(await writesOf(harness)).toBe(before);
  };

  beforeAll(async () => {
    harness = await PlatformHarness.start(new TestClock(new Date('2026-03-01T09:00:00.000Z')), { authFailuresPerMinute: 10_000 });
    world = await contactLineWorld(harness);
    document = (await harness.http.get('/docs-json').expect(200)).body as Document;
  });
  afterAll(() => harness.stop());

  it.each(writes.map((row) => [row.route, row] as const))('%s', async (_, row) => {
    const schema = schemaOf(row);
    const valid = validBody(schema);
    const fields = Object.entries(schema.properties ?? {});
    const required = schema.required ?? [];
    const json = (body: unknown) => JSON.stringify(body);
    const [someField = 'nested'] = Object.keys(valid);

    const mutations: fc.Arbitrary<Mutation>[] = [
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((name) => !(name in valid))
        .map((name) => ({ what: `unknown field ${name}`, text: json({ ...valid, [name]: 'x' }), statuses: [400] })),
      fc
        .oneof(fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.string(), fc.integer())
        .map((body) => ({ what: `not an object: ${json(body)}`, text: json(body), statuses: [400] })),
      // Names the DTO mapping drops silently unless the edge names them (found by the generator above).
      fc.constantFrom(...INHERITED_NAMES).map((name) => ({ what: `inherited name ${name}`, text: json({ ...valid, [name]: 'x' }), statuses: [400] })),
      fc
        .tuple(fc.integer({ min: MAX_BODY_DEPTH, max: 3_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
        .map(([depth, kind]) => ({
          what: `${kind}s ${depth + 1} deep`,
          text: json({ ...valid, [someField]: '\u0000deep' }).replace('"\\u0000deep"', nesting(depth, kind)),
          statuses: [400],
          code: 'REQUEST.TOO_DEEP',
        })),
    ];
    if (required.length > 0) {
      mutations.push(
        fc.constantFrom(...required).map((name) => ({
          what: `without ${name}`,
          text: json(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name))),
          statuses: [400, 422],
        })),
      );
    }
    if (fields.length > 0) {
      mutations.push(
        fc
          .constantFrom(...fields)
          .chain(([name, field]) =>
            wrongFor(field).map((value) => ({ what: `${name} = ${json(value)}`, text: json({ ...valid, [name]: value }), statuses: [400, 422] })),
          ),
      );
    }
    const numbers = fields.filter(([, field]) => isNumberField(field));
    if (numbers.length > 0) {
      mutations.push(
        fc
          .tuple(fc.constantFrom(...numbers), fc.constantFrom(...EXTREME_NUMBERS))
          .map(([[name], value]) => ({ what: `${name} = ${value}`, text: json({ ...valid, [name]: value }), statuses: [400], field: name })),
      );
    }
    const dates = fields.filter(([, field]) => isDateField(field));
    if (dates.length > 0) {
      mutations.push(
        fc.tuple(fc.constantFrom(...dates), fc.constantFrom(...EXTREME_YEARS)).map(([[name, field], year]) => {
          const value = `${year}${String(field.example).slice(4)}`;
          return { what: `${name} = ${value}`, text: json({ ...valid, [name]: value }), statuses: [400], field: name };
        }),
      );
    }

    await fc.assert(
      fc.asyncProperty(fc.oneof(...mutations), (mutation) => refused(row, mutation)),
      { numRuns: 16 },
    );
  });

  it('refuses a body that is not an object (null, a list, a number, a text, a boolean) on every write route', async () => {
    for (const row of writes) {
      for (const text of ['null', '[]', '42', '"text"', 'true']) await refused(row, { what: `${row.route} ${text}`, text, statuses: [400] });
    }
  });

  it('names every inherited property name as an unknown field, like any other', async () => {
    const referrals = writes.find((row) => row.route === 'POST /welfare-office/referrals') as PolicyRow;
    for (const name of INHERITED_NAMES.filter((candidate) => candidate !== '__proto__')) {
      await refused(referrals, {
        what: name,
        text: JSON.stringify({ ...validBody(schemaOf(referrals)), [name]: 'x' }),
        statuses: [400],
        code: 'REQUEST.INVALID',
        field: name,
      });
    }
  });

  it(`reads a body nested ${MAX_BODY_DEPTH} deep as any other, and refuses one level more with REQUEST.TOO_DEEP`, async () => {
    const contacts = writes.find((row) => row.route === 'POST /welfare-office/participants/:id/contacts') as PolicyRow;
    const body = (depth: number) =>
      JSON.stringify({ ...validBody(schemaOf(contacts)), note: '\u0000deep' }).replace('"\\u0000deep"', nesting(depth - 1, 'array'));
    await refused(contacts, { what: 'at the limit', text: body(MAX_BODY_DEPTH), statuses: [400], code: 'REQUEST.INVALID', field: 'note' });
    await refused(contacts, { what: 'over it', text: body(MAX_BODY_DEPTH + 1), statuses: [400], code: 'REQUEST.TOO_DEEP' });
  });

  it('refuses 2,000 levels (12 kB) on the demo sign-in, which takes no token, with 400 and no 5xx', async () => {
    const answer = await harness.http
      .post('/auth/demo-sign-in')
      .set('content-type', 'application/json')
      .send(`{"userId":${nesting(2_000, 'array')}}`);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body.code).toBe('REQUEST.TOO_DEEP');
  });

  it('refuses a consent that tells the employer but does not share with it, in words a caseworker reads', async () => {
    const consents = writes.find((row) => row.route === 'POST /welfare-office/participants/:id/consents') as PolicyRow;
    for (const shareWith of [[], ['mental-health', 'municipality']]) {
      await refused(consents, {
        what: `shareWith ${JSON.stringify(shareWith)}`,
        text: JSON.stringify({ shareWith, employerDisclosure: true }),
        statuses: [400],
        field: 'employerDisclosure',
      });
    }
    const answer = await send(consents, JSON.stringify({ shareWith: [], employerDisclosure: true }));
    expect(answer.body.errors).toEqual([
      { field: 'employerDisclosure', message: expect.stringContaining("add 'employer' to shareWith, or set employerDisclosure to false"), code: 'invalid' },
    ]);
  });

  it('bounds every number and dates every date field of every write route in the OpenAPI document', () => {
    const windows = Object.values(DATE_WINDOWS).map((window) => window.words);
    const unbounded = writes.flatMap((row) =>
      Object.entries(schemaOf(row).properties ?? {})
        .filter(
          ([, field]) =>
            (isNumberField(field) && (field.minimum === undefined || field.maximum === undefined)) ||
            (isDateField(field) && !windows.some((words) => field.description?.includes(words))),
        )
        .map(([name]) => `${row.route} ${name}`),
    );
    expect(unbounded).toEqual([]);
  });

  it('lets the valid example through on a route or two, so the suite really reaches the routes', async () => {
    const specialist = await harness.token({ sub: 'es-ingrid', agency: 'welfare-office', role: 'employment-specialist' });
    const before = await writesOf(harness);
    await harness.http
      .post(`/welfare-office/participants/${world.participantId}/contacts`)
      .set('authorization', `Bearer ${specialist}`)
      .send(validBody(schemaOf(writes.find((row) => row.route === 'POST /welfare-office/participants/:id/contacts') as PolicyRow)))
      .expect(201);
    expect(await writesOf(harness)).toBeGreaterThan(before);
  });
});

interface RawAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly body: string;
}

/** One request as raw bytes on a socket, so nothing normalises the path (no URL parser, no client encoding). */
function rawRequest(url: string, head: Buffer, body = ''): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers,
        contentType: headers['content-type'] ?? '',
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.write(Buffer.concat([head, Buffer.from(body)]));
  });
}

const requestHead = (method: string, target: string, headers: Record<string, string> = {}): Buffer =>
  Buffer.from(
    `${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`,
    'latin1',
  );

/**
 * Paths as an outside probe sends them: NUL bytes and overlong UTF-8, percent-encoded and raw, dot segments, in every
 * prefix the platform serves (the web app, /docs, the API). Never a 5xx, every refusal problem+json, the same in both
 * profiles (the gateway is Express, the services Fastify), and nothing written.
 */
describeEachProfile('raw paths with NUL bytes and overlong UTF-8', (start) => {
  jest.setTimeout(240_000);
  let platform: TestPlatform;
  let token = '';
  beforeAll(async () => {
    platform = await start();
    token = await platform.token({ sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' });
  });
  afterAll(() => platform.stop());

  /** The outside probe's findings and their kin, each with the one answer both profiles give. */
  const PROBED: readonly (readonly [string, number, string])[] = [
    ['/assets/%00', 404, 'ROUTE.NOT_FOUND'],
    ['/assets/x%00.js', 404, 'ROUTE.NOT_FOUND'],
    ['/docs/%00', 404, 'ROUTE.NOT_FOUND'],
    ['/docs/../package.json', 404, 'ROUTE.NOT_FOUND'],
    ['/docs/swagger-ui-init.js/%00', 404, 'ROUTE.NOT_FOUND'],
    ['/index.html/x', 404, 'ROUTE.NOT_FOUND'],
    ['/%c0', 400, 'REQUEST.MALFORMED_URL'],
    ['/%c0%af', 400, 'REQUEST.MALFORMED_URL'],
    ['/docs/%c0', 400, 'REQUEST.MALFORMED_URL'],
    ['/welfare-office/participants/%e0%80%af', 400, 'REQUEST.MALFORMED_URL'],
    ['/a\u0000b', 400, 'REQUEST.MALFORMED'],
    ['/\u00c0\u00af', 400, 'REQUEST.MALFORMED'],
    ['/assets/\u00c0\u00af.js', 400, 'REQUEST.MALFORMED'],
    [`/employer/contact-requests/${'a'.repeat(201)}`, 414, 'REQUEST.URL_TOO_LONG'],
    [`/${'a'.repeat(20_000)}`, 431, 'REQUEST.HEADERS_TOO_LARGE'],
  ];
  const label = (target: string): string =>
    target.length > 60 ? `${JSON.stringify(target.slice(0, 30))}… (${target.length} characters)` : JSON.stringify(target);

  it.each(PROBED.map(([target, status, code]) => ({ path: label(target), target, status, code })))(
    'GET $path answers $status $code as problem+json, with the security headers',
    async ({ target, status, code }) => {
      const answer = await rawRequest(platform.platform.url, requestHead('GET', target));
      expect(answer.status).toBe(status);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-security-policy': expect.stringContaining('default-src') });
      expect(JSON.parse(answer.body)).toMatchObject({ status, code });
    },
  );

  it('sends a request in absolute form to the service by its path only, never to the host it names', async () => {
    const answer = await rawRequest(platform.platform.url, requestHead('GET', 'http://127.0.0.1:9/team-view/board'));
    expect(answer.status).toBe(401);
    expect(answer.contentType).toContain('application/problem+json');
  });

  it('never answers 5xx nor anything but problem+json to a refused path, and writes nothing (fast-check)', async () => {
    const bad = fc.constantFrom(
      '%00',
      '\u0000',
      '%c0',
      '%c0%af',
      '%e0%80%af',
      '%f0%80%80%af',
      '\u00c0\u00af',
      '\u00e0\u0080\u00af',
      '%ff',
      '%',
      '%zz',
      '..',
      '%2e%2e',
      '%2f',
      '\\',
      ' ',
      '\t',
    );
    const segment = fc.constantFrom(
      'welfare-office',
      'referrals',
      'participants',
      'team-view',
      'board',
      'assets',
      'index.html',
      'docs',
      'docs-json',
      'auth',
      'demo-sign-in',
      'health',
      '..',
      '.',
      '',
    );
    const target = fc.tuple(fc.array(segment, { maxLength: 5 }), bad, fc.nat(), fc.boolean()).map(([segments, poison, at, glued]) => {
      const index = at % (segments.length + 1);
      const parts: string[] = [...segments];
      if (glued && parts[index] !== undefined) parts[index] = `${parts[index]}${poison}`;
      else parts.splice(index, 0, poison);
      return `/${parts.join('/')}`;
    });
    const referral = JSON.stringify({ givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02', referredBy: 'self' });
    await fc.assert(
      fc.asyncProperty(target, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'), fc.boolean(), async (path, method, asksForPage) => {
        const before = await writesOf(platform);
        const body = method === 'POST' || method === 'PUT' ? referral : '';
        const headers = {
          authorization: `Bearer ${token}`,
          ...(asksForPage ? { accept: 'text/html' } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
        };
        const answer = await rawRequest(platform.platform.url, requestHead(method, path, headers), body);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.contentType).toContain('application/problem+json');
        expect(await writesOf(platform)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
