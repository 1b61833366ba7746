// Hybrid logical clock: wall time to the millisecond plus a counter, as a string that sorts in time
// order. It never goes backwards on one installation, even when the office PC's clock does.

const COUNTER_DIGITS = 5;
const COUNTER_LIMIT = 10 ** COUNTER_DIGITS;
const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-\d{5}$/;

export function formatHlc(millis: number, counter: number): string {
  return `${new Date(millis).toISOString()}-${String(counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function parseHlc(hlc: string): { millis: number; counter: number } {
  if (!HLC_PATTERN.test(hlc)) throw new Error(`not an HLC: ${hlc}`);
  return { millis: Date.parse(hlc.slice(0, 24)), counter: Number(hlc.slice(25)) };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value) && !Number.isNaN(Date.parse(value.slice(0, 24)));
}

/** The next HLC after `latest` (the highest this file holds, from any origin) at wall time `now`. */
export function nextHlc(latest: string | null, now: Date): string {
  const wall = now.getTime();
  if (latest === null) return formatHlc(wall, 0);
  const last = parseHlc(latest);
  if (wall > last.millis) return formatHlc(wall, 0);
  if (last.counter + 1 < COUNTER_LIMIT) return formatHlc(last.millis, last.counter + 1);
  return formatHlc(last.millis + 1, 0);
}

/** The ISO-8601 UTC instant an HLC records; reducers use it as "recorded at". */
export function hlcInstant(hlc: string): string {
  return hlc.slice(0, 24);
}
