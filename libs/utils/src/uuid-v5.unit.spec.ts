import { uuidv5 } from './uuid-v5';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidv5', () => {
  it('gives the published value for a known name (Python: uuid5(NAMESPACE_DNS, "python.org"))', () => {
    expect(uuidv5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('is the same for the same name and namespace, and differs for another of either', () => {
    expect(uuidv5('key-1', DNS)).toBe(uuidv5('key-1', DNS));
    expect(uuidv5('key-2', DNS)).not.toBe(uuidv5('key-1', DNS));
    expect(uuidv5('key-1', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).not.toBe(uuidv5('key-1', DNS));
  });
});
