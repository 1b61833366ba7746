// Dates as Tanzanian offices write them: dd/MM/yyyy, in East Africa Time, whatever the PC's zone.
// Stored values are ISO instants in UTC.
export const TIME_ZONE = 'Africa/Dar_es_Salaam';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(instant)) out[part.type] = part.value;
  return out;
}

/** `dd/MM/yyyy`; empty for a missing or unreadable value. */
export function formatDate(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** `dd/MM/yyyy HH:mm`; empty for a missing or unreadable value. */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}
