import { Feed, startCatchUp } from './catch-up-subscription';

/** A server whose subscription drops after `dropAfter` items of each connection, `drops` times. */
function flakyServer(log: readonly number[], drops: number, dropAfter: number) {
  const opened: number[] = [];
  let dropsLeft = drops;
  const open = (after: number): Feed<number> => {
    opened.push(after);
    let closed = false;
    const batches = (async function* () {
      let sent = 0;
      for (const item of log.filter((position) => position > after)) {
        if (closed) return;
        if (dropsLeft > 0 && sent === dropAfter) {
          dropsLeft--;
          throw new Error('connection dropped');
        }
        sent++;
        yield [item];
      }
      while (!closed) await new Promise((resolve) => setTimeout(resolve, 1)); // live: waits for more
    })();
    return { batches, close: async () => void (closed = true) };
  };
  return { open, opened };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('KurrentDB catch-up subscription', () => {
  it('given a connection that drops twice, when subscribed, then it subscribes again from the stored checkpoint with growing delays and handles every event once, in order', async () => {
    // given
    const server = flakyServer([1, 2, 3, 4, 5, 6, 7], 2, 3);
    let checkpoint = 0;
    const handled: number[] = [];
    const delays: number[] = [];

    // when
    const catchUp = startCatchUp<number>({
      open: server.open,
      handle: async (batch) => void handled.push(...batch),
      positionOf: (item) => item,
      loadCheckpoint: async () => checkpoint,
      saveCheckpoint: async (position) => void (checkpoint = position),
      backoff: { initialMs: 10, maxMs: 1_000 },
      onError: (_error, _attempt, delay) => delays.push(delay),
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
    });
    await until(() => handled.length === 7);
    await catchUp.stop();

    // then
    expect(handled).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.opened).toEqual([0, 3, 6]);
    expect(checkpoint).toBe(7);
    expect(catchUp.position()).toBe(7);
    expect(delays).toEqual([10, 10]); // each drop came after progress, so the back-off started over
  });

  it('given a server that refuses every subscription, when subscribed, then the delays double up to the maximum and nothing is handled', async () => {
    // given
    const delays: number[] = [];
    const open = (): Feed<number> => ({
      batches: (async function* () {
        yield* [];
        throw new Error('unavailable');
      })(),
      close: async () => undefined,
    });

    // when
    const catchUp = startCatchUp<number>({
      open,
      handle: async () => {
        throw new Error('never called');
      },
      positionOf: (item) => item,
      loadCheckpoint: async () => 0,
      saveCheckpoint: async () => undefined,
      backoff: { initialMs: 10, maxMs: 50 },
      onError: (_error, _attempt, delay) => delays.push(delay),
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
    });
    await until(() => delays.length >= 5);
    await catchUp.stop();

    // then
    expect(delays.slice(0, 5)).toEqual([10, 20, 40, 50, 50]);
  });

  it('given a handler that fails once, when it is retried, then the checkpoint did not move past the failed batch and it is handled again', async () => {
    // given
    const server = flakyServer([1, 2, 3], 0, 0);
    let checkpoint = 0;
    let failures = 1;
    const handled: number[] = [];

    // when
    const catchUp = startCatchUp<number>({
      open: server.open,
      handle: async (batch) => {
        if (batch[0] === 2 && failures-- > 0) throw new Error('handler failed');
        handled.push(...batch);
      },
      positionOf: (item) => item,
      loadCheckpoint: async () => checkpoint,
      saveCheckpoint: async (position) => void (checkpoint = position),
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
    });
    await until(() => handled.length === 3);
    await catchUp.stop();

    // then
    expect(handled).toEqual([1, 2, 3]);
    expect(server.opened).toEqual([0, 1]);
  });
  it('given a filtered feed that passes over other streams, when it says how far it read, then the checkpoint moves there with an empty batch, and never back', async () => {
    // given
    const handled: [number[], number | undefined][] = [];
    let checkpoint = 0;
    let closed = false;
    const open = (): Feed<number> => ({
      batches: (async function* () {
        yield [3];
        yield { through: 40 };
        yield { through: 20 }; // behind what was handled: nothing to move
        yield [41, 42];
        while (!closed) await new Promise((resolve) => setTimeout(resolve, 1));
      })(),
      close: async () => void (closed = true),
    });

    // when
    const catchUp = startCatchUp<number>({
      open,
      handle: async (batch, through) => void handled.push([[...batch], through]),
      positionOf: (item) => item,
      loadCheckpoint: async () => checkpoint,
      saveCheckpoint: async (position) => void (checkpoint = position),
    });
    await until(() => checkpoint === 42);
    await catchUp.stop();

    // then
    expect(handled).toEqual([
      [[3], undefined],
      [[], 40],
      [[41, 42], undefined],
    ]);
  });
});
