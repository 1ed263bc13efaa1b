/// <reference types="jest" />
/// <reference types="node" />
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = __dirname;

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });

const resolve = (from: string, specifier: string): string | undefined => {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
  );
};

/** The files under src a file imports by a relative path: static imports, re-exports and dynamic imports. */
const importsOf = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]*)['"]|\bimport\s*\(?\s*['"](\.[^'"]*)['"]/g)].map(
    (found) => (found[1] ?? found[2]) as string,
  );
  return specifiers.map((specifier) => resolve(file, specifier)).filter((target): target is string => target !== undefined);
};

const graph = (): Map<string, string[]> => new Map(sources(SRC).map((file) => [file, importsOf(file)]));

/** The first import cycle found, as the files from one back to itself, or undefined. */
const cycleIn = (edges: Map<string, string[]>): string[] | undefined => {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    const at = stack.indexOf(file);
    if (at >= 0) return [...stack.slice(at), file];
    if (done.has(file)) return undefined;
    stack.push(file);
    for (const target of edges.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(file);
    return undefined;
  };
  for (const file of [...edges.keys()].sort()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
};

const relative = (file: string): string => path.relative(SRC, file);

describe('the web app’s imports', () => {
  it('run one way: no file under src reaches itself through relative imports', () => {
    const cycle = cycleIn(graph());
    expect(cycle?.map(relative).join(' -> ') ?? 'no cycle').toBe('no cycle');
  });

  it('reach App.tsx only from main.tsx', () => {
    const app = path.join(SRC, 'App.tsx');
    const importers = [...graph()].filter(([, targets]) => targets.includes(app)).map(([file]) => relative(file));
    expect(importers).toEqual(['main.tsx']);
  });

  it('finds a cycle when there is one', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'];
    expect(
      cycleIn(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([a, b, c, a]);
    expect(
      cycleIn(
        new Map([
          [a, [b, c]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toBeUndefined();
  });
});
