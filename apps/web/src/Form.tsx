import { FormEvent, useId, useState } from 'react';
import { ApiError } from './api';
import { I18n, Messages, useI18n } from './i18n';

/** A label of the forms' table (every entry but the problems by status). */
type FieldLabel = Exclude<keyof Messages['forms'], 'byStatus'>;

export type Field =
  | {
      readonly name: string;
      readonly label: FieldLabel;
      readonly kind: 'text' | 'date' | 'textarea' | 'tel' | 'email' | 'datetime-local';
      readonly required?: boolean;
      readonly initial?: string;
    }
  | {
      readonly name: string;
      readonly label: FieldLabel;
      readonly kind: 'number';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly step?: number;
      readonly initial?: string;
    }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'lines'; readonly required?: boolean; readonly initial?: string }
  | {
      readonly name: string;
      readonly label: FieldLabel;
      readonly kind: 'select';
      readonly options: readonly { value: string; text: string }[];
      readonly required?: boolean;
      readonly initial?: string;
    }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'radio'; readonly options: readonly string[]; readonly initial?: string }
  | {
      readonly name: string;
      readonly label: FieldLabel;
      readonly kind: 'checkboxes';
      readonly options: readonly (string | { readonly value: string; readonly text: string })[];
      readonly initial?: readonly string[];
    }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'checkbox'; readonly initial?: boolean };

export type Values = Record<string, string | boolean | string[]>;

export interface FormSpec {
  readonly id: string;
  readonly title: FieldLabel;
  readonly fields: readonly Field[];
  readonly submitLabel?: string;
  /** Sends the form; a problem+json answer is shown next to the fields it names. */
  readonly send: (values: Values) => Promise<unknown>;
  /** Problems (by code) that are about one field although the API names none, e.g. an unknown time zone: shown at it. */
  readonly problemFields?: Readonly<Record<string, string>>;
  /** A question to answer before sending (what the change will do, e.g. who stops seeing what), or null: send at once. */
  readonly confirm?: (values: Values) => string | null;
  /** A line under the title: what the form does, or what is in force now. */
  readonly intro?: string;
}

const initialValues = (fields: readonly Field[]): Values =>
  Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind === 'checkbox'
        ? (field.initial ?? false)
        : field.kind === 'checkboxes'
          ? [...(field.initial ?? [])]
          : field.initial !== undefined
            ? field.initial
            : '',
    ]),
  );

/** Whether a field holds nothing yet. */
const isEmpty = (value: Values[string] | undefined): boolean =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');

/**
 * Thrown by a form's `send` when the API asks the user to decide first (a possible duplicate): the form shows the
 * question, with links to look at, and sends `retry` on "yes".
 */
export class AskFirst extends Error {
  constructor(
    readonly question: string,
    readonly retry: () => Promise<unknown>,
    readonly links: readonly { readonly href: string; readonly text: string }[] = [],
  ) {
    super(question);
  }
}

/** A problem the API answered, in the reader's language: its code's words when the catalogue has them, else by status. */
export function problemText({ m, t, label }: I18n, error: Error): string {
  if (!(error instanceof ApiError)) return t(m.forms.unreachable, { detail: error.message });
  if (label('problems', error.code) !== error.code) return label('problems', error.code);
  if (error.fieldErrors.length > 0) return m.forms.checkFields;
  const byStatus = (m.forms.byStatus as Record<string, string>)[String(error.status)];
  return byStatus ?? t(m.forms.refused, { status: error.status });
}

/** A field's problem in the reader's language: "missing" when it is empty, else the API's code in words. */
export function fieldProblemText({ m }: I18n, problem: { code?: string; message: string }, value: Values[string] | undefined): string {
  if (isEmpty(value)) return m.validation.missing;
  const words = problem.code ? (m.validation as Record<string, string>)[problem.code] : undefined;
  return words ?? m.validation.invalid;
}

/** The body fields of a form's values: lines become lists, numbers numbers, empty optional fields are left out. */
export function bodyOf(fields: readonly Field[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'lines')
      body[field.name] = String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    else if (field.kind === 'number') {
      if (value !== '') body[field.name] = Number(value);
    } else if (field.kind === 'checkbox' || field.kind === 'checkboxes') body[field.name] = value;
    else if (value !== '') body[field.name] = value;
  }
  return body;
}

export function Form({ spec, onSaved, level = 2 }: { spec: FormSpec; onSaved?: () => void; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const i18n = useI18n();
  const { m, t, label } = i18n;
  const id = useId();
  const [values, setValues] = useState<Values>(() => initialValues(spec.fields));
  const [state, setState] = useState<
    | { kind: 'idle' | 'sending' | 'saved' }
    | { kind: 'confirming'; question: string; links?: AskFirst['links']; retry?: () => Promise<unknown> }
    | { kind: 'failed'; error: ApiError | Error; sent: Values }
  >({ kind: 'idle' });
  const problem = state.kind === 'failed' && state.error instanceof ApiError ? state.error : null;
  const failure = state.kind === 'failed' ? problemText(i18n, state.error) : '';
  // A problem about one field names it (problemFields), or its detail starts with the field's name ("clinicianId: …").
  const problemField = problem
    ? (spec.problemFields?.[problem.code] ??
      (problem.fieldErrors.length === 0 ? spec.fields.find((field) => problem.message.startsWith(`${field.name}: `))?.name : undefined))
    : undefined;
  /** One message per field, in the reader's language: the API's first for it (the most telling), or the problem at it. */
  const errorOf = (name: string): string | undefined => {
    if (state.kind !== 'failed') return undefined;
    if (problemField === name) return failure;
    const found = problem?.fieldErrors.find((error) => error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`));
    return found ? fieldProblemText(i18n, found, state.sent[name]) : undefined;
  };
  const set = (name: string, value: string | boolean | string[]) => setValues((current) => ({ ...current, [name]: value }));

  const send = async (attempt: () => Promise<unknown> = () => spec.send(values)) => {
    const sent = values;
    setState({ kind: 'sending' });
    try {
      await attempt();
      setState({ kind: 'saved' });
      setValues(initialValues(spec.fields));
      onSaved?.();
    } catch (error) {
      if (error instanceof AskFirst) setState({ kind: 'confirming', question: error.question, links: error.links, retry: error.retry });
      else setState({ kind: 'failed', error: error as Error, sent });
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.kind === 'confirming') {
      await send(state.retry);
      return;
    }
    const question = spec.confirm?.(values) ?? null;
    if (question) {
      setState({ kind: 'confirming', question });
      return;
    }
    await send();
  };

  return (
    <form className="card form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <Heading id={`${id}-title`}>{m.forms[spec.title]}</Heading>
      {spec.intro && <p className="hint">{spec.intro}</p>}
      {spec.fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const error = errorOf(field.name);
        const describedBy = error ? `${fieldId}-error` : undefined;
        const required = 'required' in field && field.required;
        const caption = (
          <>
            {m.forms[field.label]}
            {field.kind === 'lines' && <span className="hint"> ({m.forms.onePerLine})</span>}
            {required && <span className="hint"> ({m.forms.required})</span>}
          </>
        );
        const errorText = error && (
          <p className="field-error" id={`${fieldId}-error`}>
            {error}
          </p>
        );
        if (field.kind === 'checkbox') {
          return (
            <div className="field checkbox" key={field.name}>
              <input
                id={fieldId}
                type="checkbox"
                checked={values[field.name] === true}
                onChange={(event) => set(field.name, event.target.checked)}
                aria-describedby={describedBy}
              />
              <label htmlFor={fieldId}>{caption}</label>
              {errorText}
            </div>
          );
        }
        if (field.kind === 'checkboxes' || field.kind === 'radio') {
          const chosen = values[field.name];
          return (
            <fieldset className="field" key={field.name} aria-describedby={describedBy}>
              <legend>{caption}</legend>
              {field.options.map((entry) => {
                const option = typeof entry === 'string' ? entry : entry.value;
                return (
                  <label key={option} className="choice">
                    <input
                      type={field.kind === 'radio' ? 'radio' : 'checkbox'}
                      aria-invalid={error ? true : undefined}
                      name={fieldId}
                      value={option}
                      checked={Array.isArray(chosen) ? chosen.includes(option) : chosen === option}
                      onChange={(event) =>
                        field.kind === 'radio'
                          ? set(field.name, option)
                          : set(field.name, event.target.checked ? [...(chosen as string[]), option] : (chosen as string[]).filter((value) => value !== option))
                      }
                    />{' '}
                    {typeof entry === 'string' ? label('options', entry) : entry.text}
                  </label>
                );
              })}
              {errorText}
            </fieldset>
          );
        }
        const common = {
          id: fieldId,
          value: String(values[field.name] ?? ''),
          required: Boolean(required),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
        };
        return (
          <div className="field" key={field.name}>
            <label htmlFor={fieldId}>{caption}</label>
            {field.kind === 'select' ? (
              <select {...common} onChange={(event) => set(field.name, event.target.value)}>
                <option value="">{m.forms.choose}</option>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.text}
                  </option>
                ))}
              </select>
            ) : field.kind === 'textarea' || field.kind === 'lines' ? (
              <textarea {...common} rows={3} onChange={(event) => set(field.name, event.target.value)} />
            ) : (
              <input
                {...common}
                type={field.kind}
                {...(field.kind === 'number' ? { min: field.min, max: field.max, step: field.step ?? 'any', inputMode: 'decimal' as const } : {})}
                onChange={(event) => set(field.name, event.target.value)}
              />
            )}
            {errorText}
          </div>
        );
      })}
      {state.kind === 'confirming' && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{state.question}</p>
          {state.links && state.links.length > 0 && (
            <ul>
              {state.links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} target="_blank" rel="noreferrer">
                    {link.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <button type="submit">{m.forms.confirmYes}</button>{' '}
          <button type="button" className="secondary" onClick={() => setState({ kind: 'idle' })}>
            {m.forms.confirmNo}
          </button>
        </div>
      )}
      <div className="actions">
        {state.kind !== 'confirming' && (
          <button type="submit" disabled={state.kind === 'sending'}>
            {spec.submitLabel ?? m.forms.submit}
          </button>
        )}
        <span role="status" className={state.kind === 'failed' ? 'status failed' : 'status'}>
          {state.kind === 'saved' ? m.forms.saved : state.kind === 'failed' ? t(m.forms.failed, { detail: failure }) : ''}
        </span>
      </div>
    </form>
  );
}
