import { ReactNode } from 'react';

/** A field's problem for a hand-made form: the control's aria attributes and the message under it. */
export function fieldErrorOf(id: string, error: string | undefined) {
  return {
    control: { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const,
    text: error ? (
      <p className="field-error" id={`${id}-error`}>
        {error}
      </p>
    ) : null,
  };
}

/** A choice of one of the reader's teams, or all of them (`''`), for the figures' screens; nothing with one team. */
export function TeamChoice(props: {
  readonly id: string;
  readonly label: string;
  readonly allLabel: string;
  readonly teams: readonly { readonly teamId: string; readonly name: string }[];
  readonly value: string;
  readonly onChange: (teamId: string) => void;
  readonly problem?: string;
}) {
  if (props.teams.length <= 1) return null;
  const problem = fieldErrorOf(`${props.id}-team`, props.problem);
  return (
    <div className="field">
      <label htmlFor={`${props.id}-team`}>{props.label}</label>
      <select id={`${props.id}-team`} value={props.value} onChange={(event) => props.onChange(event.target.value)} {...problem.control}>
        <option value="">{props.allLabel}</option>
        {props.teams.map((option) => (
          <option key={option.teamId} value={option.teamId}>
            {option.name}
          </option>
        ))}
      </select>
      {problem.text}
    </div>
  );
}

/** A choice of quarter, newest first. */
export function QuarterChoice(props: {
  readonly id: string;
  readonly label: string;
  readonly quarters: readonly string[];
  readonly value: string;
  readonly onChange: (quarter: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={`${props.id}-quarter`}>{props.label}</label>
      <select id={`${props.id}-quarter`} value={props.value} disabled={props.quarters.length === 0} onChange={(event) => props.onChange(event.target.value)}>
        {[...props.quarters].reverse().map((quarter) => (
          <option key={quarter} value={quarter}>
            {quarter}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A figure per team and in total: one row per figure, one column per team, the total last. */
export function PerTeamTable<T extends { readonly teamId: string; readonly name: string }, Total>(props: {
  readonly caption: string;
  readonly corner: string;
  readonly totalLabel: string;
  readonly teams: readonly T[];
  readonly total: Total;
  readonly rows: readonly { readonly key: string; readonly label: ReactNode; readonly value: (column: T | Total) => ReactNode }[];
}) {
  return (
    <table className="list programme-table" tabIndex={0}>
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.corner}</th>
          {props.teams.map((team) => (
            <th scope="col" key={team.teamId}>
              {team.name}
            </th>
          ))}
          <th scope="col">{props.totalLabel}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {props.teams.map((team) => (
              <td key={team.teamId}>{row.value(team)}</td>
            ))}
            <td>{row.value(props.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A hand-made form's submit button and its status line. */
export function SubmitRow({ label, sending, failed, status }: { label: string; sending: boolean; failed: boolean; status: ReactNode }) {
  return (
    <div className="actions">
      <button type="submit" disabled={sending}>
        {label}
      </button>
      <span role="status" className={failed ? 'status failed' : 'status'}>
        {status}
      </span>
    </div>
  );
}
