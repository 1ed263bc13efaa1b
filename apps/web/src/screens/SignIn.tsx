import { FormEvent, useEffect, useRef, useState } from 'react';
import { Page } from '../Page';
import { useI18n } from '../i18n';
import { LoadState, useLoad } from '../load';
import { DemoUser, Session, completeOidcSignIn, demoSignIn, demoUsers, startOidcSignIn, webConfig } from '../session';

export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { m, t, label } = useI18n();
  const config = useLoad(webConfig, []);
  const users = useLoad(async () => (config.data?.demoSignIn ? demoUsers() : []), [config.data?.demoSignIn]);
  const [chosen, setChosen] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSignedIn(await demoSignIn(chosen));
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  const describe = (user: DemoUser) =>
    user.agency === 'employer'
      ? `${t(m.signIn.employerLabel, { jobs: user.jobTitles?.join(', ') ?? '' })} · ${user.employerId?.slice(-6) ?? ''}`
      : user.agency === 'participant'
        ? user.name
        : `${user.name} (${label('roles', user.role)}, ${label('agencies', user.agency)})`;
  const groups: [string, DemoUser[]][] = [
    [m.signIn.staff, (users.data ?? []).filter((user) => !['participant', 'employer'].includes(user.agency))],
    [m.signIn.participants, (users.data ?? []).filter((user) => user.agency === 'participant')],
    [m.signIn.employers, (users.data ?? []).filter((user) => user.agency === 'employer')],
  ];

  return (
    <Page title={m.signIn.title}>
      <LoadState loaded={config} />
      {config.data && !config.data.demoSignIn && config.data.oidc.length === 0 && config.data.demoSignInOff !== 'no-demo-team' && <p>{m.signIn.noMethod}</p>}
      {config.data && !config.data.demoSignIn && config.data.demoSignInOff === 'no-demo-team' && (
        <section className="card" aria-labelledby="demo-off">
          <h2 id="demo-off">{m.signIn.demoOffTitle}</h2>
          <p>{m.signIn.demoOff}</p>
          <ul>
            <li>
              {m.signIn.demoOffSeed} <code>npm run seed</code>
            </li>
            <li>
              {m.signIn.demoOffSwitch} <code>DEMO_SIGN_IN=on npm start</code>
            </li>
          </ul>
        </section>
      )}
      {config.data?.oidc.map((client) => (
        <p key={`${client.issuer}|${client.clientId}`}>
          <button type="button" onClick={() => void startOidcSignIn(client).catch((error: Error) => setFailure(error.message))}>
            {t(m.signIn.oidc, { issuer: new URL(client.issuer).host })}
          </button>
        </p>
      ))}
      {config.data?.demoSignIn && (
        <form className="card signin" onSubmit={(event) => void submit(event)}>
          <p>{m.signIn.demoIntro}</p>
          <div className="field">
            <label htmlFor="demo-user">{m.signIn.user}</label>
            <select id="demo-user" value={chosen} required onChange={(event) => setChosen(event.target.value)}>
              <option value="">{m.forms.choose}</option>
              {groups
                .filter(([, members]) => members.length > 0)
                .map(([name, members]) => (
                  <optgroup key={name} label={name}>
                    {members.map((user) => (
                      <option key={user.id} value={user.id}>
                        {describe(user)}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </div>
          <button type="submit" disabled={!chosen}>
            {m.signIn.submit}
          </button>
        </form>
      )}
      {failure && (
        <p className="error" role="alert">
          {t(m.signIn.failed, { detail: failure })}
        </p>
      )}
    </Page>
  );
}

export function OidcCallback({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { m, t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // the code can be exchanged once
    started.current = true;
    completeOidcSignIn().then(onSignedIn, (error: Error) => setFailure(error.message));
  }, [onSignedIn]);
  return (
    <Page title={m.signIn.title}>
      {failure ? (
        <p className="error" role="alert">
          {t(m.signIn.failed, { detail: failure })}
        </p>
      ) : (
        <p role="status">{m.signIn.callback}</p>
      )}
    </Page>
  );
}
