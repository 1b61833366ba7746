// Who may do what, as named sets of roles: each set is spelled here once, and every route's `access`
// names one of them (db/contract/routes.ts and each area's routes.ts). Pure, so the window may read a
// set for display (a badge colour) — never to decide what it shows: that is the route table's answer,
// through `auth.me` (issue 8: the renderer spells no role names).
import type { Role } from '../users/contract.ts';

export type RoleSet = readonly Role[];

/** The administrator: accounts, settings, categories, tag format, which installations are trusted. */
export const ADMIN: RoleSet = ['admin'];
/** Who creates, changes, resets and deactivates accounts; the window marks these roles' badges. */
export const ACCOUNT_MANAGERS: RoleSet = ADMIN;
/** Who reads the accounts and verifies the journal: the administrator and the auditor. */
export const ACCOUNT_READERS: RoleSet = ['admin', 'auditor'];
/** Who keeps the registers of people and places. */
export const REGISTRARS: RoleSet = ['admin', 'ict_officer', 'records_officer'];
/** Who keeps the equipment register and the log book, and imports a register from a spreadsheet. */
export const ICT: RoleSet = ['admin', 'ict_officer'];
/** Who carries bundles between installations: today whoever keeps the equipment; named apart so either can change. */
export const SYNC: RoleSet = ICT;
/** Who reads the list of installations: those who carry bundles and the auditor. */
export const PEER_READERS: RoleSet = ['admin', 'ict_officer', 'auditor'];
/** Who approves the maintenance procedure: the head of the institution. */
export const HEADS: RoleSet = ['head_of_institution'];
/** Who decides on taking devices with government data out of the office (3.6.11) and, by default, handover permits (3.6.6). */
export const ACCOUNTING_OFFICERS: RoleSet = ['accounting_officer'];
/** Who prepares handovers, off-premises requests and personal-device registrations, and keeps the removable media. */
export const CUSTODY_CLERKS: RoleSet = ICT;
/** Who may be named to decide handover permits (3.6.6): the institution's setting picks one of these roles. */
export const HANDOVER_APPROVERS: RoleSet = ['accounting_officer', 'head_of_institution'];
/** Who reads custody records (handovers, permits, personal devices, media): those who keep or decide them, and the auditor. */
export const CUSTODY_READERS: RoleSet = ['admin', 'ict_officer', 'accounting_officer', 'head_of_institution', 'auditor'];
/** Who is told at once when a removable medium is lost (3.6.10): those who keep the media and the Accounting Officer. */
export const MEDIA_LOSS_WATCHERS: RoleSet = ['admin', 'ict_officer', 'accounting_officer'];
/** Who prepares disposal batches for the Records and Archives Management Department and records their outcome (3.6.12). */
export const RECORDS_OFFICERS: RoleSet = ['records_officer'];
/** Who opens a stocktake and counts it (issue 13): the ICT unit and the records officer. */
export const STOCKTAKERS: RoleSet = ['admin', 'ict_officer', 'records_officer'];
/** Who may chair a stocktake's committee and close it: any officer but the auditor, who changes nothing. */
export const STOCKTAKE_CHAIRS: RoleSet = ['admin', 'ict_officer', 'records_officer', 'accounting_officer', 'head_of_institution'];
/** Who sees the backups, their checks and their test restores (3.4.1): the ICT unit and the auditor. */
export const BACKUP_READERS: RoleSet = ['admin', 'ict_officer', 'auditor'];
/** Who takes a backup and tries a restore of one (3.4.2): the administrator (DIRECTIVE: "Administrator: … backups"). */
export const BACKUP_TAKERS: RoleSet = ADMIN;
/** Who decides where and how often backups are taken, and restores one over the records: the administrator. */
export const RESTORERS: RoleSet = ADMIN;
