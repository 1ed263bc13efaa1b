import { IncomingHttpHeaders, Server, createServer, get as httpGet } from 'node:http';
import { AddressInfo } from 'node:net';
import { FeatureTestApp, startFeatureTestApp } from '@ips/command-pipeline/testing';
import { CLOCK, Clock } from '@ips/kernel';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ContactLineConfig } from './contact-line/contact-line.config';
import { ContactLineProjector } from './contact-line/contact-line.projector';
import { DeliveryOutbox } from './contact-line/delivery-outbox.projection';
import { CONTACT_LINE_CONFIG, EMPLOYER_STORE } from './contact-line/contact-line.tokens';
import { ContactLineNotification, ContactRequestEscalations, EmployerModule, NotificationDeliveries, verifyWebhook } from './index';
import { Placement, employerWorld } from './testing/employer-world';
import { noProgrammeTeams } from './contact-line/programme-teams.port';

const SECRET = 'a-test-secret-of-enough-length';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Receiver {
  readonly server: Server;
  readonly url: string;
  readonly received: Received[];
  readonly answers: number[];
  /** Runs before each answer (what happens meanwhile elsewhere). */
  whileAnswering?: () => Promise<void>;
}

/** The team's webhook receiver: answers with the statuses it is told to, in turn, and keeps what it got. */
async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      received.push({ headers: request.headers, body });
      await receiver.whileAnswering?.();
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ips-hook`, received, answers };
  return receiver;
}

describe('contact line notifications: signed webhook with retries, server-sent events for the staff', () => {
  let app: FeatureTestApp;
  let world: ReturnType<typeof employerWorld>;
  let receiver: Receiver;
  let deliveries: NotificationDeliveries;
  let specialist: string;
  let placement: Placement;
  let hr: string;

  const submit = async (): Promise<string> =>
    (await world.post('/employer/contact-requests', world.request(placement.placementId), hr).expect(202)).body.requestId;
  const webhookDeliveries = async (requestId: string) =>
    (await world.get(`/employer/contact-requests/${requestId}`, specialist).expect(200)).body.deliveries.filter(
      (delivery: { channel: string }) => delivery.channel === 'webhook',
    );

  beforeAll(async () => {
    receiver = await startReceiver();
    const contactLine = { webhook: { url: receiver.url, secret: SECRET }, pollIntervalMs: 3_600_000 };
    app = await startFeatureTestApp({
      imports: [EmployerModule.withConfig({ minimumHourlyWage: 200, contactLine }, { teams: { useValue: noProgrammeTeams } })],
      now: '2026-03-02T21:00:00.000Z',
    });
    world = employerWorld(app);
    deliveries = app.nest.get(NotificationDeliveries);
    specialist = await world.staff();
    placement = await world.placement();
    hr = await world.employer(placement.employerId);
    await deliveries.tick();
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('posts a signed notification without the message or phone, retries after a 500 with back-off, and shows every attempt', async () => {
    receiver.answers.push(500);
    const requestId = await submit();
    await deliveries.tick();
    expect(receiver.received).toHaveLength(1);
    expect(await webhookDeliveries(requestId)).toEqual([
      expect.objectContaining({
        event: 'contact-request.received',
        status: 'pending',
        attempts: 1,
        lastError: 'the webhook answered 500',
        lastAttemptAt: '2026-03-02T21:00:00.000Z',
        nextAttemptAt: '2026-03-02T21:00:30.000Z',
      }),
    ]);

    app.clock.set('2026-03-02T21:00:29.999Z');
    await deliveries.tick();
    expect(receiver.received).toHaveLength(1);
    app.clock.set('2026-03-02T21:00:30.000Z');
    await deliveries.tick();
    expect(receiver.received).toHaveLength(2);
    expect(await webhookDeliveries(requestId)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 2, lastError: null, nextAttemptAt: null, deliveredAt: '2026-03-02T21:00:30.000Z' }),
    ]);

    const [first, second] = receiver.received as [Received, Received];
    expect(second.headers['x-ips-delivery']).toBe(first.headers['x-ips-delivery']);
    for (const { headers, body } of [first, second]) {
      expect(headers['content-type']).toBe('application/json');
      expect(verifyWebhook(SECRET, String(headers['x-ips-signature']), body, Math.floor(Date.parse('2026-03-02T21:00:30Z') / 1000))).toBe(true);
      expect(
        verifyWebhook('another-secret-of-same-size', String(headers['x-ips-signature']), body, Math.floor(Date.parse('2026-03-02T21:00:30Z') / 1000)),
      ).toBe(false);
    }
    expect(JSON.parse(second.body)).toMatchObject({
      event: 'contact-request.received',
      requestId,
      urgency: 'urgent',
      tier: 'employment-specialist',
      href: `/employer/contact-requests/${requestId}`,
    });
    // The participant's own specialist is named on every notification, to be told whoever is on duty; ids only.
    expect(JSON.parse(second.body)).toHaveProperty('specialistId', 'es-ingrid');
    expect(JSON.parse(second.body)).not.toHaveProperty('employerName');
    expect(second.body).not.toContain('turned up');
    // The call-back number (+47 912 34 567) in neither form; '912' alone also turns up in random ids now and then.
    expect(second.body).not.toContain('912 34 567');
    expect(second.body).not.toContain('91234567');
    app.clock.set('2026-03-02T21:00:00.000Z');
  });

  it('gives up after the last attempt and shows the delivery as failed; the request itself still escalates', async () => {
    const requestId = await submit();
    let at = Date.parse('2026-03-02T21:00:00.000Z');
    for (let attempt = 1; attempt <= 8; attempt++) {
      receiver.answers.push(503);
      app.clock.set(new Date(at).toISOString());
      await deliveries.tick();
      at += 15 * 60_000;
    }
    const [failed] = await webhookDeliveries(requestId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, lastError: 'the webhook answered 503', nextAttemptAt: null });
    app.clock.set('2026-03-02T23:00:00.000Z');
    await app.nest.get(ContactRequestEscalations).tick();
    expect((await world.get(`/employer/contact-requests/${requestId}`, specialist).expect(200)).body.status).toBe('escalated');
    app.clock.set('2026-03-02T21:00:00.000Z');
  });

  it('streams notifications to connected staff as server-sent events', async () => {
    const server = app.nest.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const events: string[] = [];
    const connected = new Promise<{ close: () => void; contentType: string | undefined }>((resolve, reject) => {
      const request = httpGet(
        { host: '127.0.0.1', port, path: '/employer/contact-requests/stream', headers: { authorization: `Bearer ${specialist}` } },
        (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => events.push(chunk));
          resolve({ close: () => request.destroy(), contentType: response.headers['content-type'] });
        },
      );
      request.on('error', reject);
    });
    const stream = await connected;
    expect(stream.contentType).toMatch(/text\/event-stream/);

    const requestId = await submit();
    await deliveries.tick();
    await world.post(`/employer/contact-requests/${requestId}/acknowledge`, {}, specialist).expect(201);
    await deliveries.tick();
    const messagesAbout = () =>
      events
        .join('')
        .split('\n\n')
        .filter((message) => message.includes(requestId));
    // Handed to the stream by now; the bytes may still be on their way through the socket.
    for (const until = Date.now() + 2_000; messagesAbout().length < 2 && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    stream.close();

    const messages = messagesAbout();
    expect(messages.map((message) => /^event: (.+)$/m.exec(message)?.[1])).toEqual(['contact-request.received', 'contact-request.acknowledged']);
    const data = JSON.parse(/^data: (.+)$/m.exec(messages[1] as string)?.[1] as string);
    expect(data).toMatchObject({ requestId, status: 'acknowledged', acknowledgeBy: null });
  });

  it('keeps the stream for the team: employers and clinicians may not follow it (403)', async () => {
    await world.get('/employer/contact-requests/stream', hr).expect(403);
    await world.get('/employer/contact-requests/stream', await world.token({ sub: 'dr-lie', agency: 'mental-health', role: 'clinician' })).expect(403);
  });

  it('sends only while its lease lasts: a slow webhook never leads another process to send the same delivery again', async () => {
    // Sixteen webhook deliveries due at once, each taking 4 s to answer, while another process's worker on the
    // same database looks for due deliveries after every one: 16 × 4 s outlasts the 60 s lease of one pass.
    const requestIds: string[] = [];
    for (let i = 0; i < 16; i++) {
      receiver.answers.push(500);
      requestIds.push(await submit());
    }
    await deliveries.tick();
    const sentElsewhere: string[] = [];
    const elsewhere = new NotificationDeliveries(
      app.nest.get<PostgresEventStore>(EMPLOYER_STORE),
      app.nest.get<Clock>(CLOCK),
      app.nest.get<ContactLineConfig>(CONTACT_LINE_CONFIG),
      [{ channel: 'webhook', notify: async (notification: ContactLineNotification) => void sentElsewhere.push(notification.deliveryId) }],
      app.nest.get(ContactLineProjector),
      new DeliveryOutbox([], app.nest.get<Clock>(CLOCK)),
    );
    receiver.received.length = 0;
    receiver.whileAnswering = async () => {
      app.clock.set(new Date(app.clock.now().getTime() + 4_000).toISOString());
      await elsewhere.tick();
    };
    try {
      app.clock.set('2026-03-02T21:00:30.000Z');
      await deliveries.tick();
    } finally {
      receiver.whileAnswering = undefined;
    }

    const sentHere = receiver.received.map(({ headers }) => String(headers['x-ips-delivery']));
    expect([...sentHere, ...sentElsewhere]).toHaveLength(16);
    expect(new Set([...sentHere, ...sentElsewhere]).size).toBe(16);
    for (const requestId of requestIds) {
      expect(await webhookDeliveries(requestId)).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2 })]);
    }
    app.clock.set('2026-03-02T21:00:00.000Z');
  });
});
