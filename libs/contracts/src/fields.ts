import { AGENCIES } from './agencies';
import { FieldSpec } from './schema';

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
/** Marks a field as personal data: sealed per participant, gone when their key is erased. */
export const personal = <S extends FieldSpec>(spec: S): S & { readonly personal: true } => ({ ...spec, personal: true });
export const note = personal(text(2000, 'free text', true));
export const agencies = {
  rule: { kind: 'list', of: { kind: 'enum', values: AGENCIES }, maxItems: 4 },
  description: 'agencies',
} as const;
