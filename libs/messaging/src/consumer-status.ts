/** Where one consumer of the bus stands, for the engineer on call (health, metrics, logs). */
export interface ConsumerStatus {
  /** Its checkpoints' name (and consumer group), e.g. `team-view`, `team-directory:employer`. */
  readonly consumer: string;
  /**
   * `starting`: not yet following its source; `following`: applying what arrives; `stopped`: it refused to go on (its
   * checkpoints belong to another Kafka cluster or topic, or a partition ended behind them), `reason` says why and how on.
   */
  readonly state: 'starting' | 'following' | 'stopped';
  readonly reason?: string;
  /**
   * How far behind the end of its source it is: messages not yet applied, and seconds since it first fell behind (0 when
   * caught up). Null where the source cannot say where it ends.
   */
  readonly lag: { readonly events: number; readonly seconds: number } | null;
}

/** Anything that can say where it stands (a CheckpointedConsumer after `follow`). */
export interface ReportsStatus {
  status(): Promise<ConsumerStatus>;
}

/** One service's consumers, as its health check and metrics read them. */
export class ConsumerStatuses {
  private readonly consumers: ReportsStatus[] = [];

  add(consumer: ReportsStatus): void {
    this.consumers.push(consumer);
  }

  all(): Promise<ConsumerStatus[]> {
    return Promise.all(this.consumers.map((consumer) => consumer.status()));
  }
}
