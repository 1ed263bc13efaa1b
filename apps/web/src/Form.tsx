import { FormEvent, useId, useState } from 'react';
import { ApiError, api } from './api';
import { Messages, useI18n } from './i18n';

type FieldLabel = keyof Messages['forms'];

export type Field =
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'text' | 'date' | 'textarea' | 'tel'; readonly required?: boolean; readonly initial?: string }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'number'; readonly required?: boolean; readonly min?: number; readonly max?: number; readonly step?: number; readonly initial?: string }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'lines'; readonly required?: boolean; readonly initial?: string }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'select'; readonly options: readonly { value: string; text: string }[]; readonly required?: boolean; readonly initial?: string }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'radio'; readonly options: readonly string[]; readonly initial?: string }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'checkboxes'; readonly options: readonly string[] }
  | { readonly name: string; readonly label: FieldLabel; readonly kind: 'checkbox' };

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
}

const initialValues = (fields: readonly Field[]): Values =>
  Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind === 'checkbox' ? false : field.kind === 'checkboxes' ? [] : 'initial' in field && field.initial !== undefined ? field.initial : '',
    ]),
  );

/** The body fields of a form's values: lines become lists, numbers numbers, empty optional fields are left out. */
export function bodyOf(fields: readonly Field[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'lines') body[field.name] = String(value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    else if (field.kind === 'number') {
      if (value !== '') body[field.name] = Number(value);
    } else if (field.kind === 'checkbox' || field.kind === 'checkboxes') body[field.name] = value;
    else if (value !== '') body[field.name] = value;
  }
  return body;
}

export const post = (path: string, body: unknown) => api<Record<string, unknown>>(path, { method: 'POST', body });

export function Form({ spec, onSaved, level = 2 }: { spec: FormSpec; onSaved?: () => void; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { m, t, label } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Values>(() => initialValues(spec.fields));
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'saved' } | { kind: 'failed'; error: ApiError | Error }>({ kind: 'idle' });
  const problem = state.kind === 'failed' && state.error instanceof ApiError ? state.error : null;
  // A code the catalogue knows is said in the reader's language; else the API's own detail.
  const problemText = state.kind === 'failed' ? (problem && label('problems', problem.code) !== problem.code ? label('problems', problem.code) : state.error.message) : '';
  // A problem about one field names it (problemFields), or its detail starts with the field's name ("clinicianId: …").
  const problemField = problem
    ? (spec.problemFields?.[problem.code] ?? (problem.fieldErrors.length === 0 ? spec.fields.find((field) => problem.message.startsWith(`${field.name}: `))?.name : undefined))
    : undefined;
  const fieldErrors = [...(problem?.fieldErrors ?? []), ...(problemField ? [{ field: problemField, message: problemText }] : [])];
  const errorOf = (name: string) => fieldErrors.find((error) => error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`))?.message;
  const set = (name: string, value: string | boolean | string[]) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'sending' });
    try {
      await spec.send(values);
      setState({ kind: 'saved' });
      setValues(initialValues(spec.fields));
      onSaved?.();
    } catch (error) {
      setState({ kind: 'failed', error: error as Error });
    }
  };

  return (
    <form className="card form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <Heading id={`${id}-title`}>{m.forms[spec.title]}</Heading>
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
              <input id={fieldId} type="checkbox" checked={values[field.name] === true} onChange={(event) => set(field.name, event.target.checked)} aria-describedby={describedBy} />
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
              {field.options.map((option) => (
                <label key={option} className="choice">
                  <input
                    type={field.kind === 'radio' ? 'radio' : 'checkbox'}
                    name={fieldId}
                    value={option}
                    checked={Array.isArray(chosen) ? chosen.includes(option) : chosen === option}
                    onChange={(event) =>
                      field.kind === 'radio'
                        ? set(field.name, option)
                        : set(field.name, event.target.checked ? [...(chosen as string[]), option] : (chosen as string[]).filter((value) => value !== option))
                    }
                  />{' '}
                  {label('options', option)}
                </label>
              ))}
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
      <div className="actions">
        <button type="submit" disabled={state.kind === 'sending'}>
          {spec.submitLabel ?? m.forms.submit}
        </button>
        <span role="status" className={state.kind === 'failed' ? 'status failed' : 'status'}>
          {state.kind === 'saved' ? m.forms.saved : state.kind === 'failed' ? t(m.forms.failed, { detail: problemText }) : ''}
        </span>
      </div>
    </form>
  );
}
