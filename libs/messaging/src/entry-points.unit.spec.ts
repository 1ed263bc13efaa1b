import * as messaging from './index';
import * as kafka from './kafka';
import * as testing from './testing';

// `@ips/messaging` is the port, the in-process bus, the relay, the consumers, checkpoints, dead letters, topics and
// CloudEvents mapping: nothing that needs the Kafka client. The kafkajs adapter is `@ips/messaging/kafka`; the mock Kafka
// cluster (a test and try-out helper) is `@ips/messaging/testing` only.

// `npm run typecheck` fails on an unused @ts-expect-error: a type-only re-export is caught too.
// @ts-expect-error the Kafka adapter is `@ips/messaging/kafka`
type _Kafka = messaging.KafkaBus;
// @ts-expect-error the Kafka adapter's options are `@ips/messaging/kafka`
type _KafkaOptions = messaging.KafkaBusOptions;
// @ts-expect-error the mock Kafka cluster is `@ips/messaging/testing`
type _MockCluster = messaging.MockKafkaCluster;

export type TypeOnlyChecks = [_Kafka, _KafkaOptions, _MockCluster]; // the aliases are used, so the only error each directive can meet is the missing export

const elsewhere: Record<string, object> = { '@ips/messaging/kafka': kafka, '@ips/messaging/testing': testing };

/** The main entry point's exports that belong to another one: the same name, or the same value under another name. */
function leaked(): string[] {
  return Object.entries(messaging).flatMap(([name, value]) =>
    Object.entries(elsewhere)
      .filter(([, exports]) => name in exports || Object.values(exports).includes(value))
      .map(([entryPoint]) => `${name} (belongs to ${entryPoint})`),
  );
}

describe('the @ips/messaging entry points', () => {
  it('the main entry point exports neither the Kafka adapter nor the mock Kafka cluster (nor any test helper)', () => {
    expect(leaked()).toEqual([]);
    expect(Object.keys(messaging)).not.toEqual(expect.arrayContaining(['KafkaBus']));
    expect(Object.keys(messaging)).not.toEqual(expect.arrayContaining(['MockKafkaCluster']));
  });

  it('the Kafka adapter has its own entry point, without the mock cluster', () => {
    expect(kafka.KafkaBus).toBeInstanceOf(Function);
    expect(Object.keys(kafka)).not.toContain('MockKafkaCluster');
    expect(testing.MockKafkaCluster).toBeInstanceOf(Function);
  });

  it('the main entry point loads no Kafka client', () => {
    try {
      jest.isolateModules(() => {
        jest.doMock('kafkajs', () => {
          throw new Error('@ips/messaging loaded kafkajs');
        });
        expect(() => jest.requireActual('./index')).not.toThrow();
      });
    } finally {
      jest.dontMock('kafkajs');
    }
  });
});
