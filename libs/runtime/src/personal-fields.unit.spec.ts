import { Slice } from '@ips/command-pipeline';
import { contracts, personalFieldsOf } from '@ips/contracts';
import { contactRequestSlice, participantEmploymentSlice } from '@ips/employer/feature';
import { participantCareSlice } from '@ips/mental-health/feature';
import { participantServicesSlice } from '@ips/municipality/feature';
import { participantSlice } from '@ips/welfare-office/feature';

const slicesOf: Record<string, readonly Slice<never, never>[]> = {
  'welfare-office': [participantSlice as never],
  'mental-health': [participantCareSlice as never],
  employer: [participantEmploymentSlice as never, contactRequestSlice as never],
  municipality: [participantServicesSlice as never],
};

/**
 * A shared event's personal fields are sealed by its contract; the agency's own event of the same name
 * must seal them too, or the plain value would sit in the agency's event store.
 */
describe('personal fields in the agencies’ own events', () => {
  const withPersonal = contracts
    .all()
    .map((contract) => ({ contract, fields: personalFieldsOf(contract) }))
    .filter(({ fields }) => fields.length > 0);

  it.each(withPersonal.map(({ contract, fields }) => [`${contract.type} v${contract.version}`, contract.publisher, contract.type, fields] as const))(
    '%s: its publisher seals the same fields in its own event',
    (_, publisher, type, fields) => {
      const declared = (slicesOf[publisher] ?? []).flatMap((slice) => (slice.personal as Record<string, readonly string[]> | undefined)?.[type] ?? []);
      expect(fields.filter((field) => !declared.includes(field))).toEqual([]);
    },
  );
});
