import { CommandBus } from '@nestjs/cqrs';
import { ProblemException } from '@ips/http';
import { accept } from '@ips/kernel';
import { ConcurrentWriteError, Slice } from './command-pipeline';
import { Commands } from './nest-commands';

const slice = { aggregate: { category: 'test.x', initialState: {}, evolve: (state: object) => state }, toShared: () => [] } as unknown as Slice<object, never>;
const principal = { sub: 'cw-ola', agency: 'welfare-office', role: 'caseworker' } as const;
const clock = { now: () => new Date('2026-03-02T09:00:00.000Z') };
const commandsWith = (execute: () => Promise<unknown>) => new Commands({ execute } as unknown as CommandBus, clock);

describe('Commands at the HTTP edge', () => {
  it('answers 409 STREAM.CONCURRENT_WRITE with Retry-After when other processes won every attempt', async () => {
    const commands = commandsWith(() => Promise.reject(new ConcurrentWriteError('test.x-1', 8)));
    const refused = await commands.execute(slice, '1', 'Do', {}, () => accept(), principal).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).problem).toMatchObject({ status: 409, code: 'STREAM.CONCURRENT_WRITE' });
    expect((refused as ProblemException).headers).toEqual({ 'retry-after': '1' });
  });

  it('lets any other failure through as it is (a 500 that the log explains)', async () => {
    const broken = new Error('database gone');
    const commands = commandsWith(() => Promise.reject(broken));
    await expect(commands.execute(slice, '1', 'Do', {}, () => accept(), principal)).rejects.toBe(broken);
  });
});
