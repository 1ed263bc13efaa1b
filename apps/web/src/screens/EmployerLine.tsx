import { useEffect } from 'react';
import { Page } from '../Page';
import { api } from '../api';
import { Field, Form, bodyOf } from '../Form';
import { write } from '../routes';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { Session } from '../session';

interface EmployerPlacement {
  readonly placementId: string;
  readonly jobTitle: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

interface OwnRequest {
  readonly requestId: string;
  readonly placementId: string;
  readonly status: string;
  readonly urgency: string;
  readonly message: string;
  readonly receivedAt: string;
  readonly history: readonly { status: string; at: string }[];
  /** Who of the team took it, and when (their name, else the role they acted in). */
  readonly takenBy?: { readonly name: string | null; readonly role: string | null; readonly at: string } | null;
}

/** The employer's 24/7 page: its jobs, a new request about one, and the status of its own requests. */
export function EmployerLine({ session }: { session: Session }) {
  const { m, t, label, date, dateTime } = useI18n();
  const placements = useLoad(
    async () => (await api<{ placements: EmployerPlacement[] }>('/team-view/employer-placements')).placements,
    [session.user.employerId],
  );
  const requests = useLoad(async () => (await api<{ requests: OwnRequest[] }>('/employer/contact-requests')).requests, [session.user.employerId]);
  // The line's stream is for staff; an employer's page looks for status changes every 15 seconds while it is open.
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && void requests.reload(), 15_000);
    return () => clearInterval(timer);
  }, [requests]);
  const jobs = placements.data ?? [];
  const jobTitle = (placementId: string) => jobs.find((job) => job.placementId === placementId)?.jobTitle ?? placementId;
  const open = jobs.filter((job) => !job.endDate);
  const fields: Field[] = [
    {
      name: 'placementId',
      label: 'placementId',
      kind: 'select',
      required: true,
      options: open.map((job) => ({ value: job.placementId, text: `${job.jobTitle} (${t(m.employerLine.from, { date: date(job.startDate) })})` })),
      initial: open.length === 1 ? open[0]?.placementId : '',
    },
    { name: 'urgency', label: 'urgency', kind: 'radio', options: ['routine', 'urgent'], initial: 'routine' },
    { name: 'message', label: 'message', kind: 'textarea', required: true },
    { name: 'callbackPhone', label: 'callbackPhone', kind: 'tel', required: true },
  ];

  return (
    <Page title={m.employerLine.title}>
      <p className="lead">{m.employerLine.intro}</p>
      <LoadState loaded={placements} />
      <section aria-labelledby="jobs-heading" className="card">
        <h2 id="jobs-heading">{m.employerLine.placements}</h2>
        {jobs.length === 0 ? (
          <p>{m.employerLine.noPlacements}</p>
        ) : (
          <ul>
            {jobs.map((job) => (
              <li key={job.placementId}>
                {job.jobTitle}, {t(m.employerLine.from, { date: date(job.startDate) })}
                {job.endDate ? `, ${t(m.employerLine.ended, { date: date(job.endDate) })}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open.length > 0 && (
        <Form
          spec={{
            id: 'contact-request',
            title: 'contactRequest',
            fields,
            submitLabel: m.forms.sendRequest,
            send: (values) => write('POST /employer/contact-requests', {}, bodyOf(fields, values)),
          }}
          onSaved={() => void requests.reload()}
        />
      )}
      <section aria-labelledby="requests-heading" className="card">
        <h2 id="requests-heading">{m.employerLine.myRequests}</h2>
        <button type="button" className="secondary" onClick={() => void requests.reload()}>
          {m.employerLine.refresh}
        </button>
        <LoadState loaded={requests} />
        {requests.data && requests.data.length === 0 && <p>{m.employerLine.noRequests}</p>}
        {requests.data && requests.data.length > 0 && (
          <table className="list" tabIndex={0}>
            <thead>
              <tr>
                <th scope="col">{m.employerLine.sentAt}</th>
                <th scope="col">{m.forms.placementId}</th>
                <th scope="col">{m.employerLine.urgency}</th>
                <th scope="col">{m.employerLine.message}</th>
                <th scope="col">{m.employerLine.status}</th>
                <th scope="col">{m.employerLine.takenBy}</th>
                <th scope="col">{m.employerLine.lastChange}</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((request) => (
                <tr key={request.requestId}>
                  <td>{dateTime(request.receivedAt)}</td>
                  <td>{jobTitle(request.placementId)}</td>
                  <td>{label('options', request.urgency)}</td>
                  <td>{request.message}</td>
                  <td>
                    <span className={`badge status-${request.status}`}>{label('requestStatus', request.status)}</span>
                  </td>
                  <td>
                    {request.takenBy
                      ? t(m.employerLine.takenAt, {
                          who: request.takenBy.name ?? (request.takenBy.role ? label('roles', request.takenBy.role) : m.employerLine.theTeam),
                          time: dateTime(request.takenBy.at),
                        })
                      : m.employerLine.notTaken}
                  </td>
                  <td>{dateTime(request.history[request.history.length - 1]?.at ?? request.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
