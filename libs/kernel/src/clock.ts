/** Where time comes from: commands carry it in their metadata, so deciders never read a clock. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
