import { EmployerContactRequestView, StaffContactRequestView } from './contact-request.view';

export const staffViewExample: StaffContactRequestView = {
  requestId: '0193b2c4-1f00-7a00-8000-00000000a001',
  placementId: '0193b2c4-1f00-7a00-8000-00000000c101',
  participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
  employerId: '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  status: 'escalated',
  urgency: 'urgent',
  message: 'Ola has not turned up today and does not answer his phone.',
  callbackPhone: '+4791234567',
  receivedAt: '2026-03-02T21:00:00.000Z',
  tier: 'supervisor',
  assigneeId: 'sup-siri',
  specialistId: 'es-ingrid',
  answerBy: '2026-03-02T21:15:00.000Z',
  acknowledgeBy: '2026-03-02T21:30:00.000Z',
  escalations: 1,
  resolutionNote: null,
  history: [
    { status: 'received', at: '2026-03-02T21:00:00.000Z', tier: 'employment-specialist', assigneeId: 'es-ingrid' },
    { status: 'escalated', at: '2026-03-02T21:15:00.000Z', level: 1, tier: 'supervisor', assigneeId: 'sup-siri' },
  ],
  employerName: 'Nidar AS',
  overdue: true,
  takenBy: null,
  resolvedBy: null,
};

export const employerViewExample: EmployerContactRequestView = {
  requestId: staffViewExample.requestId,
  placementId: staffViewExample.placementId,
  status: 'acknowledged',
  urgency: 'urgent',
  message: staffViewExample.message,
  callbackPhone: staffViewExample.callbackPhone,
  receivedAt: staffViewExample.receivedAt,
  acknowledgeBy: null,
  takenBy: { name: 'Siri Supervisor', role: 'supervisor', at: '2026-03-02T21:18:00.000Z' },
  resolvedBy: null,
  resolvedAt: null,
  history: [
    { status: 'received', at: '2026-03-02T21:00:00.000Z' },
    { status: 'escalated', at: '2026-03-02T21:15:00.000Z' },
    { status: 'acknowledged', at: '2026-03-02T21:18:00.000Z' },
  ],
};

const deliveries = [
  {
    deliveryId: '0193b2c4-2a00-7b00-8000-00000000e001',
    channel: 'webhook',
    event: 'contact-request.escalated',
    status: 'pending',
    attempts: 1,
    lastAttemptAt: '2026-03-02T21:15:01.000Z',
    lastError: 'the webhook answered 503',
    nextAttemptAt: '2026-03-02T21:15:31.000Z',
    deliveredAt: null,
  },
];

/** The answer as the employer who called sees it, and as the team sees it. */
export const contactRequestExamples = (wrap: (view: object) => object = (view) => view) => ({
  'application/json': {
    examples: {
      employer: {
        summary: "the employer's own request: who of the team took it and when (display name, else role), no participant, no assignee, no note",
        value: wrap(employerViewExample),
      },
      team: { summary: 'the team (and the crisis service, once it has escalated there)', value: wrap({ ...staffViewExample, deliveries }) },
    },
  },
});
