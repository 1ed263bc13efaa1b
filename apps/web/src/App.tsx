import { useEffect, useMemo, useState } from 'react';
import { setBearer, whenUnauthorised } from './api';
import { I18nContext, LANGUAGES, Language, i18nFor, initialLanguage, useI18n } from './i18n';
import { match, navigate, usePath } from './router';
import { Board } from './screens/Board';
import { Caseload } from './screens/Caseload';
import { ContactLine } from './screens/ContactLine';
import { EmergencyAccessList } from './screens/EmergencyAccess';
import { EmployerLine } from './screens/EmployerLine';
import { FidelityScreen } from './screens/Fidelity';
import { LineAlerts } from './screens/LineAlerts';
import { MyPage } from './screens/MyPage';
import { OutcomesScreen } from './screens/Outcomes';
import { ParticipantPage } from './screens/ParticipantPage';
import { Rosters } from './screens/Rosters';
import { Teams } from './screens/Teams';
import { OidcCallback, SignIn } from './screens/SignIn';
import { Session, isOidcCallback, storeSession, storedSession } from './session';
import { TeamsProvider } from './teams';
import { Page } from './Page';

const STAFF_AGENCIES = ['welfare-office', 'mental-health', 'municipality'];
/** GET /team-view/outcomes (docs/access-policy.md): the welfare office's caseworkers, specialists and supervisors, and the other agencies' supervisors. */
const readsOutcomes = ({ user }: Session): boolean => user.agency === 'welfare-office' || (STAFF_AGENCIES.includes(user.agency) && user.role === 'supervisor');
/** The nav links to the fidelity and outcomes screens a reader may open. */
const figureLinks = (session: Session, m: ReturnType<typeof useI18n>['m']) => [
  ...((session.user.agency === 'welfare-office' && session.user.role === 'supervisor') ||
  (session.user.agency === 'programme' && session.user.role === 'coordinator')
    ? [{ to: '/fidelity', text: m.fidelity.navFidelity }]
    : []),
  ...(readsOutcomes(session) || (session.user.agency === 'programme' && session.user.role === 'coordinator')
    ? [{ to: '/outcomes', text: m.fidelity.navOutcomes }]
    : []),
];
/** Who works the 24/7 line: the welfare office's staff (the IPS team's tiers) and the municipality's (the crisis service). */
const LINE_AGENCIES = ['welfare-office', 'municipality'];

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const i18n = useMemo(() => ({ ...i18nFor(language), setLanguage }), [language]);
  const [session, setSession] = useState<Session | null>(() => storedSession());
  setBearer(session?.token ?? null);

  useEffect(() => {
    localStorage.setItem('ips.language', language);
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => whenUnauthorised(() => signOut()), []);

  const signIn = (next: Session) => {
    storeSession(next);
    setBearer(next.token);
    setSession(next);
    navigate('/');
  };
  const signOut = () => {
    storeSession(null);
    setBearer(null);
    setSession(null);
    navigate('/');
  };

  return (
    <I18nContext.Provider value={i18n}>
      <Layout session={session} onSignOut={signOut}>
        {isOidcCallback() && !session ? (
          <OidcCallback onSignedIn={signIn} />
        ) : session ? (
          <TeamsProvider key={session.token} session={session}>
            {LINE_AGENCIES.includes(session.user.agency) && <LineAlerts session={session} />}
            <Screens session={session} />
          </TeamsProvider>
        ) : (
          <SignIn onSignedIn={signIn} />
        )}
      </Layout>
    </I18nContext.Provider>
  );
}

function Screens({ session }: { session: Session }) {
  const path = usePath();
  const { m } = useI18n();
  const { agency, role } = session.user;
  if (agency === 'participant') return <MyPage session={session} />;
  if (agency === 'employer') return <EmployerLine session={session} />;
  // The programme's own staff see teams, never a participant; its coordinator the figures across teams.
  if (agency === 'programme' && role === 'coordinator' && path === '/fidelity') return <FidelityScreen session={session} />;
  if (agency === 'programme' && role === 'coordinator' && path === '/outcomes') return <OutcomesScreen session={session} />;
  if (agency === 'programme') return <Teams session={session} />;
  if (!STAFF_AGENCIES.includes(agency)) return <Page title={m.app.notFoundPage} />;
  // Fidelity (computed items, reviews): welfare-office supervisors only; outcomes: the roles docs/access-policy.md gives them.
  if (path === '/fidelity' && agency === 'welfare-office' && role === 'supervisor') return <FidelityScreen session={session} />;
  if (path === '/outcomes' && readsOutcomes(session)) return <OutcomesScreen session={session} />;
  if (path === '/teams') return <Teams session={session} />;
  if (path === '/emergency-access') return <EmergencyAccessList session={session} />;
  if (path === '/line' && LINE_AGENCIES.includes(agency)) return <ContactLine session={session} />;
  if (path === '/line/rosters' && LINE_AGENCIES.includes(agency)) return <Rosters session={session} />;
  const participant = match('/participants/:id', path);
  if (participant) return <ParticipantPage key={participant['id']} session={session} participantId={participant['id'] as string} />;
  if (path === '/board' && agency === 'welfare-office') return <Board />;
  return <Caseload session={session} />;
}

function Layout({ session, onSignOut, children }: { session: Session | null; onSignOut: () => void; children: React.ReactNode }) {
  const i18n = useI18n();
  const { m, t, label } = i18n;
  const path = usePath();
  const links =
    session?.user.agency === 'welfare-office'
      ? [
          { to: '/', text: m.app.caseload },
          { to: '/board', text: m.app.board },
          { to: '/line', text: m.line.nav },
          { to: '/line/rosters', text: m.line.rostersNav },
          { to: '/teams', text: m.app.teams },
          { to: '/emergency-access', text: m.app.emergencyAccess },
          ...figureLinks(session, m),
        ]
      : session && STAFF_AGENCIES.includes(session.user.agency)
        ? [
            { to: '/', text: m.app.caseload },
            ...(session.user.agency === 'municipality'
              ? [
                  { to: '/line', text: m.line.nav },
                  { to: '/line/rosters', text: m.line.rostersNav },
                ]
              : []),
            { to: '/teams', text: m.app.teams },
            // Supervisors review the emergency accesses to their teams' participants; everyone sees their own.
            { to: '/emergency-access', text: m.app.emergencyAccess },
            ...figureLinks(session, m),
          ]
        : session?.user.agency === 'programme'
          ? [{ to: '/', text: m.app.teams }, ...figureLinks(session, m)]
          : [];
  return (
    <>
      <a className="skip" href="#main">
        {m.app.skip}
      </a>
      <header className="top">
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          {m.app.title}
        </a>
        {links.length > 0 && (
          <nav aria-label={m.app.nav}>
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <a
                    href={link.to}
                    aria-current={path === link.to ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(link.to);
                    }}
                  >
                    {link.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="session">
          <label>
            {m.app.language}{' '}
            <select value={i18n.language} onChange={(event) => i18n.setLanguage(event.target.value as Language)}>
              {LANGUAGES.map((entry) => (
                <option key={entry.code} value={entry.code} lang={entry.code}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span className="who">
                {t(m.app.signedInAs, { name: session.user.name, role: label('roles', session.user.role), agency: label('agencies', session.user.agency) })}
              </span>
              <button type="button" className="secondary" onClick={onSignOut}>
                {m.app.signOut}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
