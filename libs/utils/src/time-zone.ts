/** The IANA name as the time-zone database spells it (`europe/oslo` → `Europe/Oslo`), or null when it knows none. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
