// The only module that talks to the Tauri host. Every other module imports the
// typed functions below; unit tests mock this module (or the host underneath).
import { Channel, invoke } from '@tauri-apps/api/core';

import type { Audit } from './bindings/Audit';
import type { AuditFeed } from './bindings/AuditFeed';
import type { AuditInput } from './bindings/AuditInput';
import type { AuditScales } from './bindings/AuditScales';
import type { PlacementCandidate } from './bindings/PlacementCandidate';
import type { PlanLimits } from './bindings/PlanLimits';
import type { AuditScope } from './bindings/AuditScope';
import type { AuditSummary } from './bindings/AuditSummary';
import type { CheckpointDecision } from './bindings/CheckpointDecision';
import type { DeletedAudit } from './bindings/DeletedAudit';
import type { DeletedPlan } from './bindings/DeletedPlan';
import type { DeletedPlanItem } from './bindings/DeletedPlanItem';
import type { PlanItemEdit } from './bindings/PlanItemEdit';
import type { PracticeTemplate } from './bindings/PracticeTemplate';
import type { TemplateSkill } from './bindings/TemplateSkill';
import type { WeeklyBudget } from './bindings/WeeklyBudget';
import type { Assessment } from './bindings/Assessment';
import type { AssessmentInput } from './bindings/AssessmentInput';
import type { Comparison } from './bindings/Comparison';
import type { CycleReport } from './bindings/CycleReport';
import type { DeletedAssessment } from './bindings/DeletedAssessment';
import type { DeletedPerson } from './bindings/DeletedPerson';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ErrorReport } from './bindings/ErrorReport';
import type { Framework } from './bindings/Framework';
import type { FrameworkFile } from './bindings/FrameworkFile';
import type { FrameworkImportPreview } from './bindings/FrameworkImportPreview';
import type { FrameworkSummary } from './bindings/FrameworkSummary';
import type { GapReport } from './bindings/GapReport';
import type { Heatmap } from './bindings/Heatmap';
import type { HeatmapScope } from './bindings/HeatmapScope';
import type { ImpactPreview } from './bindings/ImpactPreview';
import type { ImportOptions } from './bindings/ImportOptions';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportSummary } from './bindings/ImportSummary';
import type { Metrics } from './bindings/Metrics';
import type { Move } from './bindings/Move';
import type { OrgChildren } from './bindings/OrgChildren';
import type { OrgMatches } from './bindings/OrgMatches';
import type { OrgNode } from './bindings/OrgNode';
import type { PeoplePage } from './bindings/PeoplePage';
import type { Person } from './bindings/Person';
import type { PersonOverview } from './bindings/PersonOverview';
import type { Plan } from './bindings/Plan';
import type { PlanItemFilter } from './bindings/PlanItemFilter';
import type { PlanItemMatches } from './bindings/PlanItemMatches';
import type { PlanPace } from './bindings/PlanPace';
import type { PlanInput } from './bindings/PlanInput';
import type { PersonInput } from './bindings/PersonInput';
import type { Problem } from './bindings/Problem';
import type { ProfileFile } from './bindings/ProfileFile';
import type { ReportsDestination } from './bindings/ReportsDestination';
import type { RoleProfile } from './bindings/RoleProfile';
import type { SkillHistory } from './bindings/SkillHistory';
import type { StructureChange } from './bindings/StructureChange';
import type { Team } from './bindings/Team';
import type { Thresholds } from './bindings/Thresholds';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';

/**
 * `unknown` is the UI's own kind for a rejection that is not `{ kind, message }`
 * (for example Tauri refusing a command or its arguments before Rust runs).
 */
export type ApiErrorKind = ErrorKind | 'unknown';

// Every kind the host can send, checked against the generated `ErrorKind`: a
// kind added in Rust fails the type-check here until it is listed, and a kind
// removed there fails it too (`satisfies` refuses both a missing and an extra key).
const KIND_FLAGS = {
  not_found: true,
  invalid_input: true,
  cycle: true,
  conflict: true,
  newer_version: true,
  not_a_workspace: true,
  no_workspace: true,
  internal: true,
  busy: true,
  file_exists: true,
  needs_confirmation: true,
  import_invalid: true,
  framework_invalid: true,
  database: true,
  io: true,
} satisfies Record<ErrorKind, true>;
const KNOWN_KINDS: ReadonlySet<string> = new Set(Object.keys(KIND_FLAGS));

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly problems?: Problem[];

  constructor(kind: ApiErrorKind, message: string, problems?: Problem[]) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    if (problems) this.problems = problems;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.message === 'string' &&
    (p.line === null || p.line === undefined || typeof p.line === 'number') &&
    (p.people === undefined || Array.isArray(p.people))
  );
}

/**
 * Turns anything a command rejected with into an ApiError. Commands reject
 * with an ErrorReport; anything else (Tauri refusing a call) becomes `unknown`.
 */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (typeof raw === 'object' && raw !== null) {
    const r = raw as Partial<Record<keyof ErrorReport, unknown>> & Record<string, unknown>;
    if (typeof r.kind === 'string') {
      const kind: ApiErrorKind = KNOWN_KINDS.has(r.kind) ? (r.kind as ErrorKind) : 'unknown';
      const message = typeof r.message === 'string' && r.message ? r.message : String(r.kind);
      let problems: Problem[] | undefined;
      if (Array.isArray(r.problems)) {
        problems = r.problems.filter(isProblem).map((p) => ({
          line: typeof p.line === 'number' ? p.line : null,
          message: p.message,
          people: Array.isArray(p.people) ? p.people.map(String) : [],
        }));
      }
      return new ApiError(kind, message, problems);
    }
    if (raw instanceof Error) return new ApiError('unknown', raw.message);
    if (typeof r.message === 'string') return new ApiError('unknown', r.message);
  }
  if (typeof raw === 'string' && raw) return new ApiError('unknown', raw);
  return new ApiError('unknown', 'Something went wrong.');
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

// ---- workspace -------------------------------------------------------------

export const workspaceInfo = () => call<WorkspaceInfo | null>('workspace_info');
// Files are chosen in native dialogs the host opens (starting in the folder
// last used for the same purpose); the window never names a file to write.
// Every `…Pick…` call resolves to null when the user cancelled.

/** The open dialog, then the workspace chosen is opened. */
export const workspacePickOpen = () => call<WorkspaceInfo | null>('workspace_pick_open');
/** The save dialog, then a workspace is created there (an existing one is opened, never replaced). */
export const workspacePickCreate = () => call<WorkspaceInfo | null>('workspace_pick_create');
export const workspaceOpenDemo = () => call<WorkspaceInfo>('workspace_open_demo');
/** Why the workspace could not be opened at start (null when nothing went wrong). */
export const workspaceStartError = () => call<string | null>('workspace_start_error');
/** Today where the user is (YYYY-MM-DD), from the shell: the same date it gives the core. */
export const today = () => call<string>('today');

// ---- people ----------------------------------------------------------------

export const personGet = (id: number) => call<Person>('person_get', { id });
export const personCreate = (input: PersonInput) => call<Person>('person_create', { input });
export const personUpdate = (id: number, input: PersonInput) =>
  call<Person>('person_update', { id, input });
export const personMove = (id: number, managerId: number | null) =>
  call<Person>('person_move', { id, managerId });
export const personDelete = (id: number, reports: ReportsDestination) =>
  call<DeletedPerson>('person_delete', { id, reports });
/** Undo of personDelete; only the undo id kept in the workspace travels back. */
export const personRestore = (deleted: DeletedPerson) =>
  call<Person>('person_restore', { undoId: deleted.undo_id });
export const personPage = (filter: string, offset: number, limit: number) =>
  call<PeoplePage>('person_page', { filter, offset, limit });
/** Everything a person's page shows (line, skills, plans, audits, history), read at once. */
export const personOverview = (id: number) => call<PersonOverview>('person_overview', { id });

// ---- teams -----------------------------------------------------------------

export const teamList = () => call<Team[]>('team_list');
export const teamCreate = (name: string) => call<Team>('team_create', { name });
export const teamRename = (id: number, name: string) => call<Team>('team_rename', { id, name });
export const teamDelete = (id: number) => call<null>('team_delete', { id });

// ---- org -------------------------------------------------------------------

/** The host caps `limit` at this. */
export const ORG_CHILDREN_MAX = 1000;
/** One page of the people directly under `parentId` (null = the roots). */
export const orgChildren = (parentId: number | null, offset: number, limit: number) =>
  call<OrgChildren>('org_children', { parentId, offset, limit });
export const orgChain = (id: number) => call<OrgNode[]>('org_chain', { id });
/** The best `limit` people matching `query` by id, email, name or title, best
 * first (the core's order), and how many match in all. */
export const orgSearch = (query: string, limit: number) =>
  call<OrgMatches>('org_search', { query, limit });

// ---- metrics ---------------------------------------------------------------

export const metricsGet = (rootId: number | null) => call<Metrics>('metrics_get', { rootId });
export const thresholdsGet = () => call<Thresholds>('thresholds_get');
export const thresholdsSet = (thresholds: Thresholds) =>
  call<Thresholds>('thresholds_set', { thresholds });

// ---- reporting structure written by another tool ----------------------------

/** The reporting cycles of the open file (written by another tool), or null when there are none. */
export const structureCheck = () => call<CycleReport | null>('structure_check');
/** Breaks every cycle by moving its first person to the top. */
export const structureRepair = () => call<StructureChange>('structure_repair');

// ---- import / export -------------------------------------------------------

/** The open dialog for a CSV; resolves to the path chosen, which the preview and the import read. */
export const importPickFile = () => call<string | null>('import_pick_file');
export const importPreview = (path: string, options: ImportOptions) =>
  call<ImportPreview>('import_preview', { path, options });

export function importApply(
  path: string,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return call<ImportSummary>('import_apply', { path, options, onProgress: channel });
}

export type { ExportFormat } from './bindings/ExportFormat';
import type { ExportFormat } from './bindings/ExportFormat';
/** The save dialog, then the whole workspace written there; resolves to the path written. */
export const exportPickAndWrite = (format: ExportFormat) =>
  call<string | null>('export_pick_and_write', { format });

// ---- skills: frameworks and role profiles ------------------------------------

/** Every stored version of every framework (newest version first within a key). */
export const frameworkList = () => call<FrameworkSummary[]>('framework_list');
export const frameworkGet = (id: number) => call<Framework>('framework_get', { id });
/** A framework version as an editable document, with the profiles of its key. */
export const frameworkDocument = (id: number) => call<FrameworkFile>('framework_document', { id });
/** Creates or edits; an edit of a version with assessments becomes a new version. */
export const frameworkSave = (file: FrameworkFile) => call<Framework>('framework_save', { file });
/** The open dialog for a framework document; resolves to the path chosen. */
export const frameworkPickFile = () => call<string | null>('framework_pick_file');
/** What importing the file would do (create, replace, new version, or refused), without saving. */
export const frameworkImportPreview = (path: string) =>
  call<FrameworkImportPreview>('framework_import_preview', { path });
export const frameworkImport = (path: string) => call<Framework>('framework_import', { path });
/** The save dialog, then the framework version written there as JSON; resolves to the path written. */
export const frameworkExportPick = (id: number) => call<string | null>('framework_export_pick', { id });

export const profileList = (frameworkKey: string) => call<RoleProfile[]>('profile_list', { frameworkKey });
export const profileSave = (frameworkKey: string, profile: ProfileFile) =>
  call<RoleProfile>('profile_save', { frameworkKey, profile });
export const profileDelete = (id: number) => call<null>('profile_delete', { id });

// ---- skills: assessments and what is read from them ----------------------------

export const assessmentCreate = (input: AssessmentInput) => call<Assessment>('assessment_create', { input });
/** Newest first; `frameworkKey` null = every framework. */
export const assessmentList = (personId: number, frameworkKey: string | null) =>
  call<Assessment[]>('assessment_list', { personId, frameworkKey });
export const assessmentDelete = (id: number) => call<DeletedAssessment>('assessment_delete', { id });
/** Undo of assessmentDelete, by the undo id kept in the workspace. */
export const assessmentRestore = (deleted: DeletedAssessment) =>
  call<Assessment>('assessment_restore', { undoId: deleted.undo_id });
export const assessmentCompare = (selfId: number, managerId: number) =>
  call<Comparison>('assessment_compare', { selfId, managerId });
export const gapAnalysis = (personId: number, profileId: number) =>
  call<GapReport>('gap_analysis', { personId, profileId });
export const skillHistory = (personId: number, frameworkKey: string) =>
  call<SkillHistory[]>('skill_history', { personId, frameworkKey });
export const teamHeatmap = (scope: HeatmapScope, frameworkKey: string, profileId: number | null) =>
  call<Heatmap>('team_heatmap', { scope, frameworkKey, profileId });

// ---- reorg and transition plans ---------------------------------------------

/** What the moves would do to the whole org, before and after; nothing is written. */
/** Who could take the reports of someone moving to an IC role, most sensible first, each with why. */
export const placementCandidates = (personId: number) => call<PlacementCandidate[]>('placement_candidates', { personId });
export const reorgPreview = (moves: Move[]) => call<ImpactPreview>('reorg_preview', { moves });
/** Restores the structure before the change; `conflict` when someone was moved again since. */
export const reorgUndo = (id: number) => call<StructureChange>('reorg_undo', { id });

/**
 * The plan `input` would make, paced over its days, and whether it fits its
 * weekly budget (with the choices when it does not); nothing is written.
 */
export const planPreview = (input: PlanInput) => call<PlanPace>('plan_preview', { input });
/** Applies the moves and stores the plan with its checklist, in one transaction. */
export const planCreate = (input: PlanInput) => call<Plan>('plan_create', { input });
/** A person's plans, newest first. */
export const planList = (personId: number) => call<Plan[]>('plan_list', { personId });
export const planGet = (id: number) => call<Plan>('plan_get', { id });
export const planItemCheck = (planId: number, itemId: number, done: boolean) =>
  call<Plan>('plan_item_check', { planId, itemId, done });
/**
 * Copies the plan's Markdown to the system clipboard (in the host: the window
 * has no clipboard permission) and resolves to the text copied; a clipboard
 * that refuses is an `io` error saying so.
 */
export const planMarkdownCopy = (id: number) => call<string>('plan_markdown_copy', { id });
/**
 * The save dialog (suggesting "<person> transition plan.md"), then the plan's
 * Markdown written there; resolves to the path written.
 */
export const planMarkdownSave = (id: number) => call<string | null>('plan_markdown_save', { id });
/** Changes an item's phase, wording, note, due date or time. */
export const planItemUpdate = (planId: number, itemId: number, edit: PlanItemEdit) =>
  call<Plan>('plan_item_update', { planId, itemId, edit });
/** Adds an item of the user's own. */
export const planItemAdd = (planId: number, edit: PlanItemEdit) => call<Plan>('plan_item_add', { planId, edit });
/** Removes an item; pass the result to planItemRestore to undo. */
export const planItemDelete = (planId: number, itemId: number) =>
  call<DeletedPlanItem>('plan_item_delete', { planId, itemId });
export const planItemRestore = (deleted: DeletedPlanItem) =>
  call<Plan>('plan_item_restore', { undoId: deleted.undo_id });
/** Sets the weekly budget and re-paces the items not done yet from today on. */
export const planBudgetSet = (planId: number, budget: WeeklyBudget) =>
  call<Plan>('plan_budget_set', { planId, budget });
/** What planBudgetSet would do to the open items' dates; nothing is written. */
export const planBudgetPreview = (planId: number, budget: WeeklyBudget) =>
  call<PlanPace>('plan_budget_preview', { planId, budget });
/** The ids of the items that match a filter (open, overdue, this week, done; a skill), with the counts. */
export const planItemsFilter = (planId: number, filter: PlanItemFilter) =>
  call<PlanItemMatches>('plan_items_filter', { planId, filter });
/** Records (or clears, with null) the day-90 decision and its note. */
export const planCheckpointSet = (planId: number, decision: CheckpointDecision | null, note: string) =>
  call<Plan>('plan_checkpoint_set', { planId, decision, note });
/** Deletes a plan and its items (the people it moved stay); pass the result to planRestore to undo. */
export const planDelete = (id: number) => call<DeletedPlan>('plan_delete', { id });
export const planRestore = (deleted: DeletedPlan) =>
  call<Plan>('plan_restore', { undoId: deleted.undo_id });
/** Adds the audit's worst bottlenecks to the plan; ones already there are skipped. */
export const planAddAuditActions = (planId: number, auditId: number) =>
  call<AuditFeed>('plan_add_audit_actions', { planId, auditId });

// ---- practice-template library ----------------------------------------------

/** The library for one framework's skills: shipped items with the user's edits on top. */
export const templateLibrary = (frameworkId: number) => call<TemplateSkill[]>('template_library', { frameworkId });
/** Replaces one skill and level's items; resolves to the items in use before (for undo). */
export const templateSet = (skillKey: string, level: number, items: PracticeTemplate[]) =>
  call<PracticeTemplate[]>('template_set', { skillKey, level, items });
/** Brings back the shipped items; resolves to the user's items removed (for undo with templateSet). */
export const templateReset = (skillKey: string, level: number) =>
  call<PracticeTemplate[]>('template_reset', { skillKey, level });

// ---- SDLC bottleneck audits --------------------------------------------------

/** The six stages with their questions, and the two 0–4 scales. */
export const auditScales = () => call<AuditScales>('audit_scales');
/** How many hours an item and a week may take (the core checks every save too). */
export const planLimits = () => call<PlanLimits>('plan_limits');
export const auditCreate = (input: AuditInput) => call<Audit>('audit_create', { input });
/** An audit with each stage compared to the previous audit of the same scope. */
export const auditGet = (id: number) => call<Audit>('audit_get', { id });
/** Audits newest first: of one person or team, or all (null). */
export const auditList = (scope: AuditScope | null) => call<AuditSummary[]>('audit_list', { scope });
/** Deletes an audit; pass the result to auditRestore to undo. */
export const auditDelete = (id: number) => call<DeletedAudit>('audit_delete', { id });
export const auditRestore = (deleted: DeletedAudit) =>
  call<Audit>('audit_restore', { undoId: deleted.undo_id });
