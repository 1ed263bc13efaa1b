import { MAX_BODY_DEPTH, jsonTextTooDeep, shapeProblems } from './body-shape';
import { ProblemException } from './problem';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
};
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as ProblemException).problem.code;
  }
};

describe('the nesting of JSON text, before it is parsed', () => {
  it(`takes ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(jsonTextTooDeep(nested(MAX_BODY_DEPTH))).toBe(false);
    expect(jsonTextTooDeep(nested(MAX_BODY_DEPTH + 1))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTextTooDeep(JSON.stringify({ text: '['.repeat(100), quoted: '"[[[[' + '{'.repeat(100) }))).toBe(false);
  });

  it('reads a 2,000-level body without recursion', () => {
    expect(jsonTextTooDeep(nested(2_000))).toBe(true);
    expect(jsonTextTooDeep(`{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`)).toBe(true);
  });
});

describe('the shape of a parsed body', () => {
  it(`refuses a value nested more than ${MAX_BODY_DEPTH} levels with REQUEST.TOO_DEEP, however deep`, () => {
    expect(codeOf(() => shapeProblems(nestedObject(MAX_BODY_DEPTH)))).toBeUndefined();
    expect(codeOf(() => shapeProblems(nestedObject(MAX_BODY_DEPTH + 1)))).toBe('REQUEST.TOO_DEEP');
    expect(codeOf(() => shapeProblems(JSON.parse(nested(200_000))))).toBe('REQUEST.TOO_DEEP');
  });

  it('names every inherited property name as an unknown field, at any depth', () => {
    const body = JSON.parse('{"toString":1,"nested":{"valueOf":2,"list":[{"__defineGetter__":3}]},"hasOwnProperty":4,"prototype":5,"constructor":6}');
    expect(
      shapeProblems(body)
        .map((problem) => problem.field)
        .sort(),
    ).toEqual(['constructor', 'hasOwnProperty', 'nested.list[0].__defineGetter__', 'nested.valueOf', 'prototype', 'toString'].sort());
  });

  it('finds nothing in an ordinary body', () => {
    expect(shapeProblems({ givenName: 'Kari', shareWith: ['employer'], nested: { on: '2026-03-02' } })).toEqual([]);
  });
});
