// Row types of every table, next to one another so Kysely can type queries. Areas re-export their own.
import type { Insertable, Selectable } from 'kysely';

export interface JournalTable {
  seq: number;
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: string;
  prev_hash: string;
  hash: string;
}
export type JournalRow = Selectable<JournalTable>;
export type NewJournalRow = Insertable<JournalTable>;

export interface JournalRefTable {
  seq: number;
  entity: string;
}

/** Events of a type this version does not know: kept and verified, folded once a version knows them. */
export interface JournalHeldTable {
  seq: number;
}

export interface OriginTable {
  origin: string;
  scope: 'shared' | 'local';
  is_self: number;
}

export interface InstitutionTable {
  id: string;
  name: string;
  code: string;
  postal_address: string;
  accounting_officer_title: string;
  head_title: string;
  configured_at: string;
  updated_at: string;
}
export type Institution = Selectable<InstitutionTable>;

export interface SecuritySettingsTable {
  id: string;
  password_max_age_days: number;
  updated_at: string;
}
export type SecuritySettings = Selectable<SecuritySettingsTable>;

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  /** JSON array of roles. */
  roles: string;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string;
  active: number;
  deactivated_at: string | null;
  deactivation_reason: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
  /** The person of the register the account belongs to (3.1.2), or null; added by 0190-account-person. */
  person_id: string | null;
}
export type UserRow = Selectable<UserTable>;

export interface DepartmentTable {
  id: string;
  name: string;
  code: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type DepartmentRow = Selectable<DepartmentTable>;

export interface LocationTable {
  id: string;
  name: string;
  building: string;
  region: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type LocationRow = Selectable<LocationTable>;

export interface PersonTable {
  id: string;
  full_name: string;
  check_number: string;
  title: string;
  department_id: string | null;
  institution: string;
  phone: string;
  email: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type PersonRow = Selectable<PersonTable>;

export interface CategoryTable {
  id: string;
  name_sw: string;
  name_en: string;
  can_hold_records: number;
  active: number;
  created_at: string;
  updated_at: string;
}
export type CategoryRow = Selectable<CategoryTable>;

export interface AssetSettingsTable {
  id: string;
  tag_format: string;
  updated_at: string;
}
export type AssetSettingsRow = Selectable<AssetSettingsTable>;

export interface AssetTable {
  id: string;
  tag: string;
  /** The number in a generated tag; null for a tag typed by hand. */
  tag_seq: number | null;
  category: string;
  make: string;
  model: string;
  serial: string;
  purchase_date: string;
  supplier: string;
  cost_tzs: number | null;
  funding_source: string;
  warranty_end: string;
  location_id: string | null;
  department_id: string | null;
  custodian_id: string | null;
  classification: string;
  can_hold_records: number;
  notes: string;
  /** none | in_house | off_site */
  repair_state: string;
  open_entry_id: string | null;
  disposal_candidate: number;
  /** The off-premises request the device is out on (3.6.11), set at check-out and cleared at check-in. */
  off_premises_id: string | null;
  /** The institution it was handed to (3.6.6): it has left this one. */
  transferred_to: string | null;
  /** An open report that it is lost (3.6.10), cleared when it is found. */
  lost_report_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}
export type AssetRow = Selectable<AssetTable>;

export interface StorageMediumTable {
  id: string;
  asset_id: string | null;
  kind: string;
  capacity_gb: number | null;
  serial: string;
  /** installed | removed */
  state: string;
  kept_at: string;
  removed_by: string;
  witnessed_by: string;
  removed_on: string;
  entry_id: string | null;
  created_at: string;
  updated_at: string;
}
export type StorageMediumRow = Selectable<StorageMediumTable>;

export interface AttachmentTable {
  sha256: string;
  name: string;
  mime: string;
  size: number;
  data: Buffer;
  created_at: string;
}

export interface ProcedureTable {
  id: string;
  title: string;
  version: string;
  approved_by: string;
  recorded_by: string;
  approval_date: string;
  effective_date: string;
  document_sha256: string;
  document_name: string;
  document_size: number;
  created_at: string;
}
export type ProcedureRow = Selectable<ProcedureTable>;

export interface MaintenancePlanTable {
  id: string;
  procedure_id: string | null;
  category: string | null;
  asset_id: string | null;
  task: string;
  interval_months: number;
  active: number;
  created_at: string;
  updated_at: string;
}
export type MaintenancePlanRow = Selectable<MaintenancePlanTable>;

export interface ProviderTable {
  id: string;
  name: string;
  registration_number: string;
  contact_name: string;
  phone: string;
  email: string;
  address: string;
  active: number;
  created_at: string;
  updated_at: string;
}
export type ProviderRow = Selectable<ProviderTable>;

export interface MaintenanceEntryTable {
  id: string;
  asset_id: string;
  /** corrective | preventive */
  kind: string;
  plan_id: string | null;
  procedure_id: string | null;
  procedure_version: string;
  reported_on: string;
  reported_by: string;
  symptoms: string;
  diagnosis: string;
  actions: string;
  /** JSON array of { name, quantity, unit_cost_tzs } */
  parts: string;
  parts_cost_tzs: number;
  labour_cost_tzs: number;
  /** Null when nobody said how long the work took. */
  hours: number | null;
  technician_type: string | null;
  technician_name: string;
  provider_id: string | null;
  provider_name: string;
  job_ref: string;
  supervisor_name: string;
  warranty: number;
  /** reported | in_progress | off_site | returned | closed */
  state: string;
  sent_on: string;
  returned_on: string;
  outcome: string | null;
  /** Why a repair closed as no fault found or cancelled; '' otherwise. */
  close_reason: string;
  closed_on: string;
  downtime_days: number | null;
  /** JSON array of { sha256, name, mime, size } */
  attachments: string;
  created_at: string;
  updated_at: string;
}
export type MaintenanceEntryRow = Selectable<MaintenanceEntryTable>;

export interface Database {
  journal: JournalTable;
  journal_refs: JournalRefTable;
  journal_held: JournalHeldTable;
  origins: OriginTable;
  institution: InstitutionTable;
  security_settings: SecuritySettingsTable;
  users: UserTable;
  departments: DepartmentTable;
  locations: LocationTable;
  people: PersonTable;
  categories: CategoryTable;
  asset_settings: AssetSettingsTable;
  assets: AssetTable;
  storage_media: StorageMediumTable;
  attachments: AttachmentTable;
  procedures: ProcedureTable;
  maintenance_plans: MaintenancePlanTable;
  providers: ProviderTable;
  maintenance_entries: MaintenanceEntryTable;
  import_mappings: ImportMappingTable;
  peers: PeerTable;
  conflict_resolutions: ConflictResolutionTable;
  bundle_transfers: BundleTransferTable;
}

export interface ImportMappingTable {
  /** `import-mapping-` and a hash of the sorted, lower-cased headings. */
  id: string;
  /** JSON array of the headings as the file last wrote them. */
  headers: string;
  /** Canonical JSON object: import field → heading. */
  mapping: string;
  updated_at: string;
}
export type ImportMappingRow = Selectable<ImportMappingTable>;

export interface PeerTable {
  id: string;
  name: string;
  institution_name: string;
  institution_code: string;
  /** Raw Ed25519 public key, base64. */
  public_key: string;
  fingerprint: string;
  /** trusted | revoked */
  status: string;
  /** JSON: per origin, the highest number the peer said it holds. */
  acked: string;
  last_import_at: string | null;
  last_export_at: string | null;
  accepted_at: string;
  updated_at: string;
}

export interface ConflictResolutionTable {
  id: string;
  note: string;
  resolved_by: string;
  resolved_at: string;
}

export interface BundleTransferTable {
  id: string;
  direction: string;
  file_name: string;
  content_sha256: string;
  event_count: number;
  peer_id: string | null;
  at: string;
  wiped_at: string | null;
  wiped_by: string | null;
}
