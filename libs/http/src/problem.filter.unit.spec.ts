import { ArgumentsHost, Logger } from '@nestjs/common';
import { CommandRefused, ConcurrentWriteError } from '@ips/kernel';
import { ProblemFilter } from './problem.filter';

/** What the filter sent: status, headers and the problem body. */
function answerTo(exception: unknown): { status: number; headers: Record<string, string>; type: string; body: Record<string, unknown> } {
  const sent = { status: 0, headers: {} as Record<string, string>, type: '', body: {} as Record<string, unknown> };
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
    },
    type(contentType: string) {
      sent.type = contentType;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ originalUrl: '/welfare-office/participants/1/enrolment' }) }) };
  new ProblemFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('the problem filter: where a refused command becomes an answer', () => {
  it.each([
    ['not-found', 404],
    ['conflict', 409],
    ['rejected', 422],
  ] as const)('answers a %s refusal with %i, the rule’s code and words', (kind, status) => {
    const answer = answerTo(new CommandRefused({ kind, code: 'PARTICIPANT.ALREADY_ENROLLED', message: 'already enrolled' }));
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      status,
      code: 'PARTICIPANT.ALREADY_ENROLLED',
      detail: 'already enrolled',
      type: 'urn:ips:problem:PARTICIPANT.ALREADY_ENROLLED',
      instance: '/welfare-office/participants/1/enrolment',
    });
  });

  it('answers 409 STREAM.CONCURRENT_WRITE with Retry-After when other processes won every attempt', () => {
    const answer = answerTo(new ConcurrentWriteError('welfare-office.participant-1', 8));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'STREAM.CONCURRENT_WRITE' });
    expect(answer.headers).toEqual({ 'retry-after': '1' });
  });

  it('answers any other failure 500, telling nothing of it, and leaves it to the log', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answer = answerTo(new Error('database gone'));
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(answer.body)).not.toContain('database gone');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
