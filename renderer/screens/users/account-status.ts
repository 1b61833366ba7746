// An account's state as the list shows it: deactivated (3.1.2) outranks a temporary lock (3.1.6).
export type AccountStatus = 'active' | 'deactivated' | 'locked';

export function accountStatus(account: { active: boolean; locked_until: string | null }, now: Date): AccountStatus {
  if (!account.active) return 'deactivated';
  if (account.locked_until && Date.parse(account.locked_until) > now.getTime()) return 'locked';
  return 'active';
}

export const STATUS_COLOURS: Record<AccountStatus, string> = { active: 'flag', deactivated: 'gray', locked: 'orange' };
