import { AGENCIES } from './agencies';

/** Field shapes used by several contracts; their literal types carry through to the event types. */
export const text = <O extends boolean = false>(maxLength: number, description: string, optional?: O) => ({
  rule: { kind: 'text' as const, maxLength },
  description,
  optional: (optional ?? false) as O,
});
export const date = (description: string) => ({ rule: { kind: 'date' as const }, description });
export const texts = (maxItems: number, description: string) => ({
  rule: { kind: 'list' as const, of: { kind: 'text' as const, maxLength: 500 }, maxItems },
  description,
});
export const note = text(2000, 'free text', true);
export const agencies = {
  rule: { kind: 'list', of: { kind: 'enum', values: AGENCIES }, maxItems: 4 },
  description: 'agencies',
} as const;
