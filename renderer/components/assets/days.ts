// "Today" in the window: the core's working day (db/contract/days.ts) on this PC's clock. Every other
// rule about days is imported from db/contract/days.ts itself, so the window and the core agree.
import { workingDay } from '../../../db/contract/days.ts';

/** Today in Dar es Salaam, YYYY-MM-DD: the same day the core calls today. */
export function todayInDar(now: Date = new Date()): string {
  return workingDay(now);
}
