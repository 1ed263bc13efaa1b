import { fromKafkaRecord, toKafkaRecord } from './cloud-events';

const message = {
  id: '0190a6f0-0000-7000-8000-000000000e01',
  key: '0190a6f0-0000-7000-8000-000000000001',
  type: 'ParticipantReferred.v1',
  source: 'welfare-office',
  sequence: 7,
  payload: { id: '0190a6f0-0000-7000-8000-000000000e01', participantId: '0190a6f0-0000-7000-8000-000000000001', occurredAt: '2026-03-02T09:00:00.000Z' },
};

describe('CloudEvents on Kafka, binary mode', () => {
  it('carries the attributes as ce_ headers and the participant id as the key', () => {
    const record = toKafkaRecord(message);
    expect(record).toEqual({
      key: message.key,
      value: JSON.stringify(message.payload),
      headers: {
        ce_specversion: '1.0',
        ce_id: message.id,
        ce_source: '/ips/welfare-office',
        ce_type: 'ParticipantReferred.v1',
        ce_time: '2026-03-02T09:00:00.000Z',
        ce_subject: message.key,
        ce_partitionkey: message.key,
        'content-type': 'application/json',
      },
    });
  });

  it('reads a record back into the same message, with offset + 1 as the cursor position', () => {
    const delivery = fromKafkaRecord('ips.participant-events.v1', 2, '41', toKafkaRecord(message));
    expect(delivery).toEqual({
      message: { id: message.id, key: message.key, type: message.type, source: 'welfare-office', payload: message.payload },
      cursor: { stream: 'kafka:ips.participant-events.v1/2', position: 42 },
    });
  });

  it('carries the W3C trace context of the publish as a traceparent header, and reads it back into the message', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const record = toKafkaRecord({ ...message, traceparent });
    expect(record.headers).toMatchObject({ traceparent, ce_id: message.id });
    expect(fromKafkaRecord('ips.participant-events.v1', 0, '0', record).message.traceparent).toBe(traceparent);
  });

  it('sends no trace header when the message has no trace context (tracing off), and reads none back', () => {
    const record = toKafkaRecord(message);
    expect(Object.keys(record.headers)).not.toContain('traceparent');
    expect(fromKafkaRecord('t', 0, '0', record).message).not.toHaveProperty('traceparent');
  });

  it('keeps a value that is not JSON as text, for the schema check to reject', () => {
    const delivery = fromKafkaRecord('t', 0, '0', { key: null, value: '{not json', headers: {} });
    expect(delivery.message).toMatchObject({ payload: '{not json', id: 't/0@0', key: '' });
  });
});
