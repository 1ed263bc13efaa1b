/** Kafka topic names, from here only. */
export const topics = {
  /** Every shared participant event; key = participant id, so each participant's events stay in order. */
  participantEvents: 'ips.participant-events.v1',
  /** Messages a consumer group gave up on, with the reason in the headers. */
  deadLetters: (topic: string): string => `${topic}.dead-letters`,
} as const;
