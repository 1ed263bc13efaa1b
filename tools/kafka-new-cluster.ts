// npm run kafka:new-cluster: the way on after the distributed profile moved to a new Kafka cluster or topic (decision 41;
// docs/operations.md). Run it with every service stopped, with the deployment's DATABASE_URL (and EVENT_STORE, if
// KurrentDB). Each consumer forgets its Kafka checkpoints and the cluster it recorded (at its next start it reads the
// new cluster from offset 0, skipping by message id what it applied before) and each agency sends its whole outbox
// again. `-- --no-republish` skips the sending again, when the new cluster already holds every message (mirrored).
import { acceptNewKafkaCluster, configFromEnv } from '@ips/runtime';

async function main(): Promise<void> {
  const republish = !process.argv.includes('--no-republish');
  const steps = await acceptNewKafkaCluster(configFromEnv(), { republish });
  for (const step of steps) {
    const consumers = step.consumers.length > 0 ? step.consumers.join(', ') : 'no Kafka checkpoints';
    console.log(`${step.service}: ${consumers} will read the new cluster from offset 0${step.republished ? '; its outbox is sent again' : ''}`);
  }
  console.log('start the services again: their consumers take the cluster they find');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
