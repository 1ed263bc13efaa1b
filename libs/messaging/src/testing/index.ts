export * from './mock-kafka-cluster';
