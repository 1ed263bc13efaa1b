import { FieldProblem, ProblemException } from './problem';

/**
 * How deeply a request's JSON may nest objects and arrays. The deepest DTO nests two levels (an object holding a
 * list of texts); 32 leaves room for any DTO to come while keeping every recursive library that later walks the body
 * (class-transformer, class-validator, JSON.stringify in a log) far from the stack's limit.
 */
export const MAX_BODY_DEPTH = 32;

export const tooDeep = (): ProblemException =>
  ProblemException.of(400, 'REQUEST.TOO_DEEP', `the request nests objects or arrays more than ${MAX_BODY_DEPTH} levels deep`);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);

/**
 * Whether JSON text nests deeper than MAX_BODY_DEPTH, read in one pass over its characters before it is parsed:
 * brackets inside strings do not count. Malformed text is left for the parser to refuse.
 */
export function jsonTextTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (OPENERS.has(char)) {
      if (++depth > MAX_BODY_DEPTH) return true;
    } else if (CLOSERS.has(char)) {
      depth--;
    }
  }
  return false;
}

/**
 * Names class-transformer never copies onto a DTO, so class-validator never sees them to refuse: everything a plain
 * object inherits (`toString`, `hasOwnProperty`, `__defineGetter__`, `__proto__`, `constructor`, …; the mapping skips
 * a key whose value on the new instance is a function) and `prototype`.
 */
const UNCARRIED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

interface Node {
  readonly value: unknown;
  readonly field: string;
  readonly depth: number;
}

/**
 * The shape problems of a parsed body or query, found without recursion (a queue, breadth first), so no input can
 * overflow the call stack: too deep (REQUEST.TOO_DEEP, thrown), or fields at any depth that no DTO can declare.
 */
export function shapeProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const queue: Node[] = [{ value, field: '', depth: 0 }];
  for (let next = 0; next < queue.length; next++) {
    const { value: current, field: parent, depth: above } = queue[next] as Node;
    if (current === null || typeof current !== 'object') continue;
    const depth = above + 1;
    if (depth > MAX_BODY_DEPTH) throw tooDeep();
    if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => queue.push({ value: item, field: `${parent}[${index}]`, depth }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const field = parent ? `${parent}.${key}` : key;
      if (UNCARRIED.has(key)) problems.push({ field, message: 'is not a known field' });
      else queue.push({ value: item, field, depth });
    }
  }
  return problems;
}

/** Every body route takes a JSON object; `null`, a list, a number or a text is no set of fields. */
export const notAnObject = (): ProblemException =>
  ProblemException.of(400, 'REQUEST.INVALID', 'the request body must be a JSON object', [{ field: '', message: 'must be an object' }]);
