import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, EventFeed, EventStore } from '@ips/event-store';
import { SERVICE_DATABASE } from '@ips/messaging';
import { SqlDriver } from '@ips/postgres';
import { TeamDirectory } from '@ips/team-directory';
import { AcknowledgeContactRequestController } from './acknowledge-contact-request/acknowledge-contact-request.controller';
import { CancelOnCallController } from './cancel-on-call/cancel-on-call.controller';
import { ChangePlacementTermsController } from './change-placement-terms/change-placement-terms.controller';
import { checkContactLineConfig, defaultContactLineConfig } from './contact-line/contact-line.config';
import { ContactLineProjector } from './contact-line/contact-line.projector';
import { DeliveryOutbox } from './contact-line/delivery-outbox.projection';
import { notifiersProvider } from './contact-line/notifiers.provider';
import { ContactLineStream } from './contact-line/sse-notifier.adapter';
import { CONTACT_LINE_CONFIG, ContactLineDatabase, EMPLOYER_EVENTS, EMPLOYER_STORE } from './contact-line/contact-line.tokens';
import { CRISIS_ON_DUTY, CrisisOnDuty, noCrisisService } from './contact-line/crisis-on-duty.port';
import { OnDutyDirectory } from './contact-line/on-duty.directory';
import { PlacementDirectory } from './contact-line/placement-directory';
import { PROGRAMME_TEAMS, ProgrammeTeamsBinding } from './contact-line/programme-teams.port';
import { ContactRequestReader } from './contact-line/contact-request.reader';
import { DefineOnCallTeamController } from './define-on-call-team/define-on-call-team.controller';
import { NotificationDeliveries } from './deliver-notifications/deliver-notifications.worker';
import { EMPLOYER_CONFIG, EmployerConfig } from './employer.config';
import { ContactRequestEscalations } from './escalate-contact-request/escalate-contact-request.worker';
import { EndPlacementController } from './end-placement/end-placement.controller';
import { GetContactRequestController } from './get-contact-request/get-contact-request.controller';
import { ListContactRequestsController } from './list-contact-requests/list-contact-requests.controller';
import { OnCallAtController } from './on-call-at/on-call-at.controller';
import { RecordFollowAlongContactController } from './record-follow-along-contact/record-follow-along-contact.controller';
import { ListEmployersController } from './list-employers/list-employers.controller';
import { RegisterEmployerController } from './register-employer/register-employer.controller';
import { ResolveContactRequestController } from './resolve-contact-request/resolve-contact-request.controller';
import { ScheduleOnCallController } from './schedule-on-call/schedule-on-call.controller';
import { StreamContactRequestsController } from './stream-contact-requests/stream-contact-requests.controller';
import { StartPlacementController } from './start-placement/start-placement.controller';
import { NoteConsentHandler } from './note-consent/note-consent.command-handler';
import { NoteDischargeHandler } from './note-discharge/note-discharge.command-handler';
import { NoteEmployerLinkHandler } from './note-employer-link/note-employer-link.command-handler';
import { NoteEnrolmentHandler } from './note-enrolment/note-enrolment.command-handler';
import { SubmitContactRequestController } from './submit-contact-request/submit-contact-request.controller';
import { AcknowledgeContactRequestHandler } from './acknowledge-contact-request/acknowledge-contact-request.command-handler';
import { CancelOnCallHandler } from './cancel-on-call/cancel-on-call.command-handler';
import { ChangePlacementTermsHandler } from './change-placement-terms/change-placement-terms.command-handler';
import { DefineOnCallTeamHandler } from './define-on-call-team/define-on-call-team.command-handler';
import { EmployerAccess } from './employer-access';
import { EndPlacementHandler } from './end-placement/end-placement.command-handler';
import { EscalateContactRequestHandler } from './escalate-contact-request/escalate-contact-request.command-handler';
import { RecordFollowAlongContactHandler } from './record-follow-along-contact/record-follow-along-contact.command-handler';
import { RegisterEmployerHandler } from './register-employer/register-employer.command-handler';
import { ResolveContactRequestHandler } from './resolve-contact-request/resolve-contact-request.command-handler';
import { ScheduleOnCallHandler } from './schedule-on-call/schedule-on-call.command-handler';
import { StartPlacementHandler } from './start-placement/start-placement.command-handler';
import { SubmitContactRequestHandler } from './submit-contact-request/submit-contact-request.command-handler';

export interface EmployerModuleAdapters {
  /** Who is on duty at the municipal crisis service; without it the crisis tier names nobody. */
  readonly crisisOnDuty?: Type<CrisisOnDuty>;
  /**
   * The programme's teams, which are the line's on-call teams: by default the service's own TeamDirectory (as every
   * service's ServiceModule provides it); a test of the line alone binds its own.
   */
  readonly teams?: ProgrammeTeamsBinding;
}

/**
 * The line's read models and checkpoint live in the service's own database (SERVICE_DATABASE, which the runtime gives in
 * both profiles), whichever store holds the events (decision 5). A composition that gives none, such as a test of this
 * module alone, has its one database behind its PostgreSQL store: the line keeps them there.
 */
const contactLineDatabase: Provider = {
  provide: EMPLOYER_STORE,
  inject: [EVENT_STORE, { token: SERVICE_DATABASE, optional: true }],
  useFactory: (store: EventStore & { readonly driver?: SqlDriver }, db: SqlDriver | undefined): ContactLineDatabase => {
    const driver = db ?? store.driver;
    if (!driver) throw new Error("the employer contact line needs the service's SQL database (SERVICE_DATABASE)");
    return { driver };
  },
};

/** The employer service's own events, which the line follows, from whichever store holds them. */
const employerEvents: Provider = {
  provide: EMPLOYER_EVENTS,
  inject: [EVENT_STORE],
  useFactory: (store: EventStore & Partial<EventFeed>) => {
    if (!store.events) throw new Error('the employer contact line needs an event store whose events can be followed (EventFeed)');
    return store.events;
  },
};

/**
 * The employer service's routes, command handlers and the 24/7 contact line's workers. Needs CommandPipeline, EVENT_STORE
 * and CLOCK from the composing app; import it as `EmployerModule.withConfig({ minimumHourlyWage })`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterEmployerController,
    ListEmployersController,
    StartPlacementController,
    RecordFollowAlongContactController,
    ChangePlacementTermsController,
    EndPlacementController,
    SubmitContactRequestController,
    ListContactRequestsController,
    StreamContactRequestsController,
    GetContactRequestController,
    AcknowledgeContactRequestController,
    ResolveContactRequestController,
    DefineOnCallTeamController,
    ScheduleOnCallController,
    CancelOnCallController,
    OnCallAtController,
  ],
  providers: [
    NoteEnrolmentHandler,
    NoteDischargeHandler,
    NoteEmployerLinkHandler,
    NoteConsentHandler,
    RegisterEmployerHandler,
    StartPlacementHandler,
    RecordFollowAlongContactHandler,
    ChangePlacementTermsHandler,
    EndPlacementHandler,
    SubmitContactRequestHandler,
    AcknowledgeContactRequestHandler,
    ResolveContactRequestHandler,
    EscalateContactRequestHandler,
    DefineOnCallTeamHandler,
    ScheduleOnCallHandler,
    CancelOnCallHandler,
    EmployerAccess,
    ContactRequestReader,
    ContactLineProjector,
    ContactRequestEscalations,
    NotificationDeliveries,
    DeliveryOutbox,
    ContactLineStream,
    notifiersProvider,
    PlacementDirectory,
    OnDutyDirectory,
    contactLineDatabase,
    employerEvents,
  ],
})
export class EmployerModule {
  static withConfig(config: EmployerConfig, adapters: EmployerModuleAdapters = {}): DynamicModule {
    if (!Number.isFinite(config.minimumHourlyWage) || config.minimumHourlyWage < 0) {
      throw new Error(`minimumHourlyWage must be a number of at least 0, not ${config.minimumHourlyWage}`);
    }
    const contactLine = checkContactLineConfig({ ...defaultContactLineConfig, ...config.contactLine });
    return {
      module: EmployerModule,
      providers: [
        { provide: EMPLOYER_CONFIG, useValue: config },
        { provide: CONTACT_LINE_CONFIG, useValue: contactLine },
        adapters.crisisOnDuty ? { provide: CRISIS_ON_DUTY, useClass: adapters.crisisOnDuty } : { provide: CRISIS_ON_DUTY, useValue: noCrisisService },
        { provide: PROGRAMME_TEAMS, ...(adapters.teams ?? { useExisting: TeamDirectory }) },
      ],
    };
  }
}
