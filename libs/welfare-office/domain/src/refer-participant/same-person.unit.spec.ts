import { samePersonKey } from './same-person';

const kari = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1994-03-02' };

describe('the same person, however the names were typed', () => {
  it('ignores case and spaces at the ends and between words', () => {
    expect(samePersonKey({ givenName: '  KARI ', familyName: 'nordmann', birthDate: '1994-03-02' })).toBe(samePersonKey(kari));
    expect(samePersonKey({ ...kari, givenName: 'Kari   Anne' })).toBe(samePersonKey({ ...kari, givenName: 'kari anne' }));
  });
  it('reads composed and decomposed letters alike (Ø, å typed either way)', () => {
    expect(samePersonKey({ ...kari, familyName: 'Sørbø' })).toBe(samePersonKey({ ...kari, familyName: 'SØRBØ' }));
    expect(samePersonKey({ ...kari, familyName: 'A\u030Asen' })).toBe(samePersonKey({ ...kari, familyName: 'Åsen' }));
  });
  it('tells apart another birth date, another name, and names swapped between the fields', () => {
    expect(samePersonKey({ ...kari, birthDate: '1994-03-03' })).not.toBe(samePersonKey(kari));
    expect(samePersonKey({ ...kari, givenName: 'Kåre' })).not.toBe(samePersonKey(kari));
    expect(samePersonKey({ ...kari, givenName: 'Kari Nordmann', familyName: '' })).not.toBe(samePersonKey(kari));
  });
});
