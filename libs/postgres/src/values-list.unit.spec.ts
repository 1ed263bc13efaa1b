import { valuesList } from './values-list';

describe('valuesList', () => {
  it('numbers one parameter per value, row by row, each with its column cast', () => {
    expect(
      valuesList(
        [
          ['a', 1],
          ['b', null],
        ],
        ['uuid', 'int'],
      ),
    ).toEqual({
      sql: '($1::uuid, $2::int), ($3::uuid, $4::int)',
      params: ['a', 1, 'b', null],
    });
  });

  it('refuses a row that does not fit the columns, and more parameters than a statement takes', () => {
    expect(() => valuesList([['a']], ['uuid', 'int'])).toThrow('a row of 1 values for 2 columns');
    expect(() =>
      valuesList(
        Array.from({ length: 32_768 }, () => [1, 2]),
        ['int', 'int'],
      ),
    ).toThrow('more than a statement takes');
  });
});
