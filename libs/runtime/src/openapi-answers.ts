import type {
  ContentObject,
  ExamplesObject,
  HeadersObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { policyFor } from '@ips/access';
import { problemType, titleFor } from '@ips/http';

/**
 * The error answers of every operation, added to the document SwaggerModule builds from the controllers, so that
 * 61 routes need no repeated decorators and a new route is documented the same way (api-contract.md: problem+json;
 * decision 14: the edge; decision 15: the access policy table). Which answers an operation gets:
 *
 * - 401, 403, 429: it needs a token, i.e. its row in the access policy is not `who: 'anyone'` (a route missing from
 *   the table needs one too: the guard refuses it). 429 is the guard's limit on failed authentications per address.
 * - 400: it has a request body, a path parameter or a query parameter (the validation pipe, the UUID pipe, the
 *   route's own checks). 413 and 415: it has a request body (the edge's 64 kB limit; JSON only).
 * - 404: it has a path parameter naming something that must exist (every one but the last segment of a PUT, which
 *   names what the PUT creates or replaces). A participant outside the caller's reach answers as an unknown one.
 * - 409 and 422: it is a write (POST, PUT, PATCH, DELETE) that needs a token: writes are decided on the record's
 *   current state, and a decider may refuse as a conflict (409; also STREAM.CONCURRENT_WRITE when another process kept
 *   saving the same record) or by a rule (422).
 *
 * What a controller documents itself (its codes, its examples) is kept; the generic text is added where the
 * controller says nothing, or appended where the answer also comes from the edge or the guard. Every error answer
 * (4xx, and the 5xx a controller documents) is `application/problem+json` with the shared `Problem` schema and an
 * example. Public operations get `security: []`; the document gets `servers` and its licence.
 */

const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/Problem';
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** A stable error code as the platform writes them, e.g. `PARTICIPANT.ALREADY_ENROLLED`. */
const CODE = /\b([A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)\b/;

interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

const problem = (status: string, code: string, detail: string, errors?: Problem['errors']): Problem => ({
  type: problemType(code),
  title: titleFor(Number(status)),
  status: Number(status),
  detail,
  code,
  ...(errors ? { errors } : {}),
});

export const PROBLEM_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem details, as every error answer carries them (application/problem+json), plus `code`, stable for ' +
      'machines, and `errors`, one entry per refused field of a 400.',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', description: '`urn:ips:problem:` and the code', example: 'urn:ips:problem:REQUEST.INVALID' },
      title: { type: 'string', description: 'the same for every answer of this status', example: 'Bad request' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
      detail: { type: 'string', description: 'what went wrong, in plain words', example: 'the request has invalid or unknown fields' },
      code: { type: 'string', description: 'stable: clients and tests rely on it', example: 'REQUEST.INVALID' },
      errors: { type: 'array', description: 'each refused field (400 only)', items: { $ref: '#/components/schemas/FieldProblem' } },
      instance: { type: 'string', description: 'the path the request was sent to', example: '/welfare-office/referrals' },
    },
  },
  FieldProblem: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'the field, dotted for nested ones (`contacts.0.phone`)', example: 'birthDate' },
      message: { type: 'string', example: 'birthDate must be a valid ISO 8601 date string' },
    },
  },
};

/** package.json says UNLICENSED: no licence is granted, so no licence text to link to (redocly.yaml: info-license-strict). */
const LICENSE = { name: 'Proprietary' };

const RETRY_AFTER: HeadersObject = {
  'Retry-After': { description: 'seconds to wait before sending it again', schema: { type: 'integer', example: 42 } },
};

/** What an operation takes and needs, read from the document and the access policy table. */
interface Shape {
  readonly needsToken: boolean;
  readonly write: boolean;
  readonly body: boolean;
  readonly pathParameters: readonly ParameterObject[];
  /** The path parameters naming something that must already exist. */
  readonly existing: readonly ParameterObject[];
  readonly queryParameters: readonly ParameterObject[];
}

/** One generic answer: its description, what is added to the route's own, and its example. */
interface Answer {
  readonly description: string;
  /** What the edge or the guard answers on every such route: added to the route's own description of this status. */
  readonly also?: string;
  readonly example: Problem;
  /** When the example is only an illustration of the shape, said in its summary. */
  readonly illustration?: string;
  readonly headers?: HeadersObject;
}

const isReference = (value: unknown): value is ReferenceObject => typeof value === 'object' && value !== null && '$ref' in value;

function shapeOf(method: string, path: string, operation: OperationObject): Shape {
  const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !isReference(parameter));
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const lastSegment = path.split('/').at(-1);
  const existing = pathParameters.filter((parameter) => !(method === 'put' && lastSegment === `{${parameter.name}}`));
  const row = policyFor(method, path.replace(/\{([^}]+)\}/g, ':$1'));
  const needsToken = row?.who !== 'anyone';
  return {
    needsToken,
    write: WRITES.has(method) && needsToken,
    body: operation.requestBody !== undefined,
    pathParameters,
    existing,
    queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
  };
}

const isUuid = (parameter: ParameterObject): boolean => !isReference(parameter.schema) && parameter.schema?.format === 'uuid';

function badRequest(shape: Shape): Answer {
  const causes = [
    ...(shape.body
      ? [
          'REQUEST.INVALID: a body field is missing, invalid or not a known field (each one in `errors`)',
          'REQUEST.MALFORMED_JSON: the body is not JSON',
          'REQUEST.INVALID: the body is null, a list, a number or a text instead of a JSON object',
          'REQUEST.TOO_DEEP: the body nests objects or arrays more than 32 levels deep',
        ]
      : []),
    ...(shape.pathParameters.some(isUuid) ? ['REQUEST.INVALID_ID: an id in the path is not a UUID'] : []),
    ...(shape.pathParameters.some((parameter) => !isUuid(parameter)) ? ['REQUEST.INVALID: a path parameter is not one of its values'] : []),
    ...(shape.queryParameters.length ? ['REQUEST.INVALID or REQUEST.INVALID_QUERY: a query parameter is invalid or not a known one'] : []),
  ];
  const [query] = shape.queryParameters;
  const [firstPath] = shape.pathParameters;
  const example = shape.body
    ? problem('400', 'REQUEST.INVALID', 'the request has invalid or unknown fields', [{ field: 'nickname', message: 'is not a known field' }])
    : firstPath && isUuid(firstPath)
      ? problem('400', 'REQUEST.INVALID_ID', 'the id in the path is not a UUID')
      : firstPath
        ? problem('400', 'REQUEST.INVALID', `${firstPath.name} is not one of its values`, [{ field: firstPath.name, message: 'is not one of its values' }])
        : problem('400', 'REQUEST.INVALID', 'the request has invalid or unknown fields', [
            { field: query?.name ?? 'query', message: `${query?.name ?? 'the parameter'} has an invalid value` },
          ]);
  const description = `Bad input. ${causes.join('; ')}.`;
  return { description, also: description, example };
}

function notFound(shape: Shape): Answer {
  const participant = shape.existing.some((parameter) => parameter.name === 'id');
  const others = shape.existing.filter((parameter) => parameter.name !== 'id').map((parameter) => `\`${parameter.name}\``);
  return participant
    ? {
        description:
          'PARTICIPANT.NOT_FOUND: no participant with this id that the caller may see (one outside their reach answers as an unknown one)' +
          (others.length ? `, or nothing known by ${others.join(', ')}.` : '.'),
        example: problem('404', 'PARTICIPANT.NOT_FOUND', 'no participant with this id that you may see'),
      }
    : {
        description: `Nothing known by ${others.join(', ')} that the caller may see; \`code\` names what.`,
        example: problem('404', 'PLACEMENT.NOT_FOUND', 'no such placement'),
        illustration: 'The shape of the answer (this code is one of a route with a placement id; each kind of record has its own)',
      };
}

const ANSWERS: Readonly<Record<string, (shape: Shape) => Answer | undefined>> = {
  '400': (shape) => (shape.body || shape.pathParameters.length > 0 || shape.queryParameters.length > 0 ? badRequest(shape) : undefined),
  '401': (shape) =>
    shape.needsToken
      ? {
          description:
            'No token (AUTH.TOKEN_MISSING), or a token refused: expired, not yet valid, badly signed, from an unknown issuer or for ' +
            'another audience (AUTH.TOKEN_EXPIRED, AUTH.TOKEN_BAD_SIGNATURE, …; `detail` says which).',
          example: problem('401', 'AUTH.TOKEN_MISSING', 'send Authorization: Bearer <token>'),
          also: 'AUTH.TOKEN_MISSING or AUTH.TOKEN_*: no token, or a token refused (`detail` says why).',
        }
      : undefined,
  '403': (shape) =>
    shape.needsToken
      ? {
          description: "AUTH.FORBIDDEN: the token's agency and role may not call this route (the access policy, docs/access-policy.md).",
          also: "AUTH.FORBIDDEN: the token's agency and role may not call this route.",
          example: problem('403', 'AUTH.FORBIDDEN', 'your agency or role may not do this'),
        }
      : undefined,
  '404': (shape) => (shape.existing.length > 0 ? notFound(shape) : undefined),
  '409': (shape) =>
    shape.write
      ? {
          description:
            'The request clashes with the current state of the record (the route names its codes where it has its own), or ' +
            'STREAM.CONCURRENT_WRITE: another process kept saving the same record and nothing was stored; send it again after Retry-After.',
          also: 'STREAM.CONCURRENT_WRITE: another process kept saving the same record and nothing was stored; send it again after Retry-After.',
          example: problem(
            '409',
            'STREAM.CONCURRENT_WRITE',
            'someone else was saving to this record at the same moment and nothing of yours was stored; please send it again',
          ),
          headers: RETRY_AFTER,
        }
      : undefined,
  '413': (shape) =>
    shape.body
      ? {
          description: 'REQUEST.BODY_TOO_LARGE: the body is over 64 kB.',
          example: problem('413', 'REQUEST.BODY_TOO_LARGE', 'Request body is too large'),
        }
      : undefined,
  '415': (shape) =>
    shape.body
      ? {
          description: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json.',
          example: problem('415', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type: text/plain'),
        }
      : undefined,
  '422': (shape) =>
    shape.write
      ? {
          description: 'A rule refuses the request in the current state of the record; `code` names the rule.',
          example: problem('422', 'DATE.IN_FUTURE', 'contactedOn is in the future'),
          illustration: "The shape of a rule's refusal (this code is one of a route that takes a date; each rule has its own code)",
        }
      : undefined,
  '429': (shape) =>
    shape.needsToken
      ? {
          description: 'AUTH.TOO_MANY_FAILURES: too many failed authentications from this address in the last minute; try again after Retry-After.',
          also: 'AUTH.TOO_MANY_FAILURES: too many failed authentications from this address in the last minute.',
          example: problem('429', 'AUTH.TOO_MANY_FAILURES', 'too many failed authentications from this address; try again in 42 s'),
          headers: RETRY_AFTER,
        }
      : undefined,
};

/** What an example says when the route names a code but not its words. */
const NEUTRAL_DETAILS: Readonly<Record<string, string>> = {
  '400': 'the request has invalid or unknown fields',
  '403': 'you may not do this',
  '404': 'nothing with this id that you may see',
  '409': 'this clashes with the current state of the record',
  '422': 'a rule does not allow this in the current state of the record',
  '429': 'too many requests; try again later',
  '503': 'not ready to serve',
};

/** The example of an answer the route documents in words only: its first code, and the words after `CODE:` if any. */
function exampleFromDescription(status: string, description: string, fallback: Problem): Problem {
  const code = description.match(CODE)?.[1];
  if (!code) return fallback;
  const words = description.match(new RegExp(`${code.replace('.', '\\.')}:\\s*([^\\n]+)`))?.[1]?.trim();
  const neutral = code === fallback.code ? fallback.detail : (NEUTRAL_DETAILS[status] ?? titleFor(Number(status)));
  return problem(status, code, words || neutral);
}

const hasExample = (content: ContentObject | undefined): boolean =>
  Object.values(content ?? {}).some((media) => media.example !== undefined || media.examples !== undefined);

/** An error answer: the route's own words and example first, problem+json with the Problem schema, an example always. */
function completeAnswer(status: string, own: ResponseObject | undefined, generic: Answer | undefined): ResponseObject {
  const ownWords = own?.description?.trim() ?? '';
  const description = !ownWords
    ? (generic?.description ?? titleFor(Number(status)))
    : generic?.also && !ownWords.includes(generic.also.match(CODE)?.[1] ?? generic.also)
      ? `${ownWords}\n\n${generic.also}`
      : ownWords;
  const media = own?.content?.[PROBLEM_JSON] ?? {};
  const fallback = generic?.example ?? problem(status, `HTTP.${status}`, titleFor(Number(status)));
  const examples: { example?: unknown; examples?: ExamplesObject } = hasExample(own?.content)
    ? { example: media.example ?? Object.values(own?.content ?? {}).find((other) => other.example !== undefined)?.example, examples: media.examples }
    : ownWords && CODE.test(ownWords)
      ? { example: exampleFromDescription(status, ownWords, fallback) }
      : generic?.illustration
        ? { examples: { illustration: { summary: generic.illustration, value: fallback } } }
        : { example: fallback };
  const headers = { ...(generic?.headers ?? {}), ...(own?.headers ?? {}) };
  return {
    ...own,
    description,
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      ...own?.content,
      [PROBLEM_JSON]: {
        ...media,
        schema: media.schema ?? { $ref: PROBLEM_REF },
        ...(examples.example !== undefined ? { example: examples.example } : {}),
        ...(examples.examples !== undefined ? { examples: examples.examples } : {}),
      },
    },
  };
}

function completeOperation(method: string, path: string, operation: OperationObject, bearer: string): OperationObject {
  const shape = shapeOf(method, path, operation);
  const responses: OperationObject['responses'] = { ...operation.responses };
  for (const [status, answerFor] of Object.entries(ANSWERS)) {
    const own = responses[status];
    if (isReference(own)) continue;
    const generic = answerFor(shape);
    if (generic || own) responses[status] = completeAnswer(status, own, generic);
  }
  for (const [status, own] of Object.entries(responses)) {
    if (/^[45]\d\d$/.test(status) && !ANSWERS[status] && own && !isReference(own)) responses[status] = completeAnswer(status, own, undefined);
  }
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return { ...operation, security: shape.needsToken ? (operation.security ?? [{ [bearer]: [] }]) : [], responses: sorted };
}

/** The document as served at /docs-json: every operation's error answers, public routes, servers and licence. */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemes = document.components?.securitySchemes ?? {};
  const bearer = Object.entries(schemes).find(([, scheme]) => !isReference(scheme) && scheme.type === 'http' && scheme.scheme === 'bearer')?.[0] ?? 'bearer';
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) =>
          (METHODS as readonly string[]).includes(key) ? [key, completeOperation(key, path, value as OperationObject, bearer)] : [key, value],
        ),
      ),
    ]),
  );
  return {
    ...document,
    info: {
      ...document.info,
      license: document.info.license ?? LICENSE,
    },
    servers: document.servers?.length ? document.servers : [{ url: '/', description: 'where this document is served from' }],
    security: document.security ?? [{ [bearer]: [] }],
    paths,
    components: { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } },
  };
}
