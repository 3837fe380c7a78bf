// Who may use a place, read from its published eligibility text (Find's filter and Coverage's supply share it).

/** Who may use a place, read from its eligibility text: null text stays unknown, never assumed open. */
export type EligibilityClass = 'everyone' | 'restricted' | 'unknown';

/**
 * The rule, from data/sites.csv's eligibility column: a place is restricted when the text limits it to a town's
 * residents ("Brookline residents only", "Cambridge residents only, not businesses") or otherwise says "only"
 * about who (members, clients, patients). Any other published text ("Free and anonymous", "Low-threshold...")
 * describes a place anyone may use.
 */
export function eligibilityClass(eligibility: string | null): EligibilityClass {
  if (eligibility === null || eligibility.trim() === '') return 'unknown';
  if (/\b(residents?|members?|clients?|patients?)\s+only\b/i.test(eligibility)) return 'restricted';
  if (/\bonly\s+(for\s+)?(\w+\s+)?(residents?|members?|clients?|patients?)\b/i.test(eligibility)) return 'restricted';
  return 'everyone';
}
