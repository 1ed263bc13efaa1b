import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DateField, DateWindowName, OptionalDateField, dateWindowOn } from './date-fields';

class Dated {
  @DateField('1994-03-02', 'birth')
  birthDate!: string;

  @DateField('2026-02-10', 'happened')
  contactedOn!: string;

  @DateField('2026-03-16', 'planned')
  startDate!: string;

  @DateField('2026-03-24', 'review')
  reviewBy!: string;

  @OptionalDateField('2026-03-01', 'happened')
  from?: string;
}

const VALID = { birthDate: '1994-03-02', contactedOn: '2026-12-01', startDate: '2027-01-04', reviewBy: '2026-12-24' };
const problemsOf = (body: object): Record<string, string[]> =>
  Object.fromEntries(validateSync(plainToInstance(Dated, body)).map((error) => [error.property, Object.values(error.constraints ?? {})]));

describe('date windows, measured from the real today', () => {
  beforeAll(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] });
    jest.setSystemTime(new Date('2026-12-04T13:00:00Z'));
  });
  afterAll(() => jest.useRealTimers());

  it.each([
    ['birth', '1900-01-01', '2026-12-04'],
    ['happened', '2016-12-04', '2026-12-05'],
    ['planned', '2016-12-04', '2028-12-04'],
    ['review', '2016-12-04', '2027-12-04'],
  ] as const)('%s: from %s to %s', (window: DateWindowName, from, to) => {
    expect(dateWindowOn(window)).toEqual({ from, to });
  });

  it('takes dates within each window', () => {
    expect(problemsOf(VALID)).toEqual({});
    expect(problemsOf({ ...VALID, birthDate: '1900-01-01', contactedOn: '2026-12-05', startDate: '2016-12-04', reviewBy: '2027-12-04' })).toEqual({});
  });

  it.each([
    ['birthDate', '1899-12-31'],
    ['birthDate', '0000-01-01'],
    ['birthDate', '2026-12-05'],
    ['contactedOn', '2026-12-06'],
    ['contactedOn', '2016-12-03'],
    ['startDate', '9999-12-31'],
    ['startDate', '2028-12-05'],
    ['reviewBy', '2027-12-05'],
    ['from', '1800-01-01'],
  ])('refuses %s %s, saying which days it takes', (field, value) => {
    const problems = problemsOf({ ...VALID, [field]: value });
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toEqual([expect.stringMatching(/^must be .* \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)$/)]);
  });

  it('gives a date that does not exist only the shape message', () => {
    expect(problemsOf({ ...VALID, startDate: '2026-02-30' })).toEqual({ startDate: ['must be a real date YYYY-MM-DD'] });
  });
});
