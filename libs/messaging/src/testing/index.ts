export { MockKafkaCluster } from './mock-kafka-cluster';
export * from './describe-with-kafka';
export * from './shared-events';
