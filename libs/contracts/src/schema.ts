import { isSealed } from './sealed';

/** Field rules for shared events: plain data, so the same table validates messages and writes docs/events.md. */
export type FieldRule =
  | { readonly kind: 'uuid' }
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'date' }
  | { readonly kind: 'instant' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'list'; readonly of: FieldRule; readonly maxItems: number };

export interface FieldSpec {
  readonly rule: FieldRule;
  readonly optional?: boolean;
  readonly description: string;
  /**
   * Personal data (names, birth date, phone numbers, free text): sealed with the participant's key from the
   * moment it is written, so erasing the key erases the value everywhere. A list is sealed item by item.
   */
  readonly personal?: boolean;
}

export type Fields = Readonly<Record<string, FieldSpec>>;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const isRealDate = (value: string): boolean => {
  const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value.slice(0, 10);
};

function checkRule(rule: FieldRule, value: unknown): string | null {
  switch (rule.kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'must be a UUID';
    case 'text':
      return typeof value === 'string' && value.length <= rule.maxLength ? null : `must be text of at most ${rule.maxLength} characters`;
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isRealDate(value) ? null : 'must be a date YYYY-MM-DD';
    case 'instant':
      return typeof value === 'string' && INSTANT.test(value) && isRealDate(value) ? null : 'must be an ISO-8601 UTC instant';
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? null : `must be one of ${rule.values.join(', ')}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min}`;
      if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}`;
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'list': {
      if (!Array.isArray(value) || value.length > rule.maxItems) return `must be a list of at most ${rule.maxItems}`;
      const problems = value.map((item) => checkRule(rule.of, item)).filter((problem) => problem !== null);
      return problems.length > 0 ? `items ${problems[0]}` : null;
    }
  }
}

/** A personal field holds its plain value (checked by the rule) or a sealed one (opaque here). */
function checkPersonal(rule: FieldRule, value: unknown): string | null {
  if (isSealed(value)) return null;
  if (rule.kind === 'list' && Array.isArray(value) && value.length <= rule.maxItems) {
    const problems = value.map((item) => (isSealed(item) ? null : checkRule(rule.of, item))).filter((problem) => problem !== null);
    return problems.length > 0 ? `items ${problems[0]}` : null;
  }
  return checkRule(rule, value);
}

/** Every problem with `value` against `fields`; unknown fields are problems too. */
export function validateFields(fields: Fields, value: unknown, prefix = ''): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: prefix || '(root)', message: 'must be an object' }];
  }
  const record = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const field = `${prefix}${name}`;
    const present = record[name] !== undefined && record[name] !== null;
    if (!present) {
      if (!spec.optional) errors.push({ field, message: 'is required' });
      continue;
    }
    const problem = spec.personal ? checkPersonal(spec.rule, record[name]) : checkRule(spec.rule, record[name]);
    if (problem) errors.push({ field, message: problem });
  }
  for (const name of Object.keys(record)) {
    if (!(name in fields)) errors.push({ field: `${prefix}${name}`, message: 'is not part of the contract' });
  }
  return errors;
}

export function describeRule(rule: FieldRule): string {
  switch (rule.kind) {
    case 'uuid':
      return 'UUID';
    case 'text':
      return `text (≤ ${rule.maxLength})`;
    case 'date':
      return 'date `YYYY-MM-DD`';
    case 'instant':
      return 'instant (ISO-8601 UTC)';
    case 'enum':
      return rule.values.map((value) => `\`${value}\``).join(' \\| ');
    case 'number':
      return `number${rule.min !== undefined ? ` ≥ ${rule.min}` : ''}${rule.max !== undefined ? ` ≤ ${rule.max}` : ''}`;
    case 'boolean':
      return 'boolean';
    case 'list':
      return `list (≤ ${rule.maxItems}) of ${describeRule(rule.of)}`;
  }
}

/** The TypeScript type a rule admits, so event types are derived from the contract, never written twice. */
export type RuleType<R> = R extends { kind: 'uuid' | 'text' | 'date' | 'instant' }
  ? string
  : R extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : R extends { kind: 'number' }
      ? number
      : R extends { kind: 'boolean' }
        ? boolean
        : R extends { kind: 'list'; of: infer O }
          ? RuleType<O>[]
          : never;

export type DataOf<F extends Fields> = {
  readonly [K in keyof F as F[K]['optional'] extends true ? never : K]: RuleType<F[K]['rule']>;
} & {
  readonly [K in keyof F as F[K]['optional'] extends true ? K : never]?: RuleType<F[K]['rule']>;
};
