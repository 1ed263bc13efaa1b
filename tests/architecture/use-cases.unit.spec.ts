import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One folder name per use case in every layer (conventions 3): `grep -rl <use case> libs apps` finds its route (or the
 * reaction or worker that issues it), its DTO, its command, its handler, its decider, and their tests. A use case is a
 * folder holding `<name>.command.ts`; a decider's folder in a domain lib names one too.
 */
const ROOT = path.resolve(__dirname, '../..');

const grep = (args: readonly string[]): string[] => {
  try {
    return execFileSync('grep', args, { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // nothing found
    throw error;
  }
};
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface UseCase {
  readonly name: string;
  /** `libs/<lib>/`: two agencies may each have a use case of one name (both note an enrolment), each its own. */
  readonly lib: string;
  readonly command: string;
  /** The command's type, e.g. `RaiseRelapseFlag`. */
  readonly type: string;
}

const useCases: readonly UseCase[] = grep(['-rl', '--include=*.command.ts', 'extends UseCaseCommand', 'libs'])
  .map((command) => {
    const name = path.basename(command, '.command.ts');
    const type = /readonly type = '(\w+)'/.exec(read(command))?.[1];
    if (!type) throw new Error(`${command}: no readonly type = '...'`);
    return { name, lib: command.split('/').slice(0, 2).join('/') + '/', command, type };
  })
  .sort((a, b) => a.command.localeCompare(b.command));

/** What `grep -rl <name> libs apps` lists (TypeScript files), less another agency's use case of the same name. */
const found = ({ name, lib }: UseCase): string[] => {
  const namesakes = useCases.filter((other) => other.name === name && other.lib !== lib).map((other) => other.lib);
  return grep(['-rlF', '--include=*.ts', '--include=*.tsx', name, 'libs', 'apps']).filter((file) => !namesakes.some((other) => file.startsWith(other)));
};

const entryKinds = {
  route: /@(Post|Put|Patch|Delete)\(/,
  reaction: /: Reaction\b/,
  worker: /\.execute\(/,
};

describe('every use case, found by one grep of its folder name', () => {
  it('finds the use cases (a command class per use case)', () => {
    expect(useCases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(useCases.map((useCase) => useCase.command)).size).toBe(useCases.length);
  });

  describe.each(useCases.map((useCase) => [`${useCase.lib}…/${useCase.name}`, useCase] as const))('%s', (_, useCase) => {
    const { command, type } = useCase;
    const files = found(useCase);
    const some = (predicate: (file: string) => boolean) => files.filter(predicate);
    const mentions = (pattern: RegExp) => (file: string) => pattern.test(read(file));

    it('lists its command', () => {
      expect(files).toContain(command);
    });

    it('lists its handler: the one @CommandHandler of the command', () => {
      const handlers = grep(['-rl', '--include=*.ts', `@CommandHandler(${type}Command)`, useCase.lib]);
      expect(handlers).toHaveLength(1);
      expect(files).toContain(handlers[0]);
    });

    it('lists its decider and the decider’s given/when/then spec', () => {
      const decider = new RegExp(`export (const|function) decide${type}\\b`);
      expect(some((file) => !file.includes('.spec.') && mentions(decider)(file))).toHaveLength(1);
      expect(some((file) => file.endsWith('.unit.spec.ts') && mentions(new RegExp(`\\bdecide${type}\\b`))(file)).length).toBeGreaterThan(0);
    });

    it('lists what issues it (a route, a reaction or a worker) and a test of that over HTTP or the bus', () => {
      const issuers = some((file) => !file.includes('.spec.') && mentions(new RegExp(`new ${type}Command\\(`))(file));
      expect(issuers.length).toBeGreaterThan(0);
      const kinds = issuers.flatMap((file) =>
        Object.entries(entryKinds)
          .filter(([, pattern]) => pattern.test(read(file)))
          .map(([kind]) => kind),
      );
      expect(kinds.length).toBeGreaterThan(0);
      expect(some((file) => /\.(e2e|int)\.spec\.ts$/.test(file)).length).toBeGreaterThan(0);
    });

    it('lists the DTO of a route that takes a body', () => {
      // The route method that issues the command: from its `async` to the command.
      const takesBody = some((file) => file.endsWith('.controller.ts')).some((file) => {
        const text = read(file);
        const at = text.indexOf(`new ${type}Command(`);
        return at >= 0 && text.slice(text.lastIndexOf('async ', at), at).includes('@Body()');
      });
      if (takesBody) expect(some((file) => file.endsWith('.dto.ts')).length).toBeGreaterThan(0);
    });
  });

  it('leaves no decider without its use case: every domain folder with a decide file names a command', () => {
    const deciderFolders = grep(['-rl', '--include=*.decide.ts', 'export', 'libs']).map((file) => path.basename(path.dirname(file)));
    const named = new Set(useCases.map((useCase) => useCase.name));
    expect([...new Set(deciderFolders)].filter((folder) => !named.has(folder))).toEqual([]);
  });
});
