/** Lower case, accents removed, spaces collapsed: how search text and queries are compared. */
export function normaliseSearchText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "+33612345678" is searched as typed in France too: "0612345678". */
function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  return phone.startsWith('+33') ? [digits, `0${digits.slice(2)}`] : [digits];
}

/** What `candidates.search_text` holds: "first last email phone-digits", normalised. */
export function buildSearchText(candidate: {
  firstName: string;
  lastName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}): string {
  const parts = [candidate.firstName, candidate.lastName, candidate.email ?? ''];
  if (candidate.phone) parts.push(...phoneForms(candidate.phone));
  return normaliseSearchText(parts.join(' '));
}

/** A query that looks like a phone number is searched by its digits ("06 12 34" → "061234"). */
export function normaliseSearchQuery(query: string): string {
  const trimmed = query.trim();
  if (/^[+\d\s.\-()]+$/.test(trimmed) && /\d{2}/.test(trimmed.replace(/\D/g, ''))) {
    return trimmed.replace(/\D/g, '');
  }
  return normaliseSearchText(trimmed);
}
