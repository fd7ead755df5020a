// What the host answers, as the core produced it: the JSON in src/fixtures is
// written by src-tauri/core/tests/ui_fixtures.rs from a small sample workspace
// (ui_fixtures/seed.rs there describes the org, the assessments, the plans and
// the audits) and rewritten by `cargo test`. Component tests mock
// src/lib/api.ts with these; a test that needs another answer derives it from
// one of them with an explicit override, never from a hand-written object of a
// core type. A fixture added there is listed here, typed by its binding.
//
// Every function returns a fresh copy, so a test may change what it got.

import type { Assessment } from '../lib/bindings/Assessment';
import type { Audit } from '../lib/bindings/Audit';
import type { AuditFeed } from '../lib/bindings/AuditFeed';
import type { AuditScales } from '../lib/bindings/AuditScales';
import type { AuditSummary } from '../lib/bindings/AuditSummary';
import type { Comparison } from '../lib/bindings/Comparison';
import type { DeletedAssessment } from '../lib/bindings/DeletedAssessment';
import type { DeletedAudit } from '../lib/bindings/DeletedAudit';
import type { DeletedPerson } from '../lib/bindings/DeletedPerson';
import type { DeletedPlan } from '../lib/bindings/DeletedPlan';
import type { DeletedPlanItem } from '../lib/bindings/DeletedPlanItem';
import type { Framework } from '../lib/bindings/Framework';
import type { FrameworkFile } from '../lib/bindings/FrameworkFile';
import type { FrameworkImportPreview } from '../lib/bindings/FrameworkImportPreview';
import type { FrameworkSummary } from '../lib/bindings/FrameworkSummary';
import type { GapReport } from '../lib/bindings/GapReport';
import type { Heatmap } from '../lib/bindings/Heatmap';
import type { ImpactPreview } from '../lib/bindings/ImpactPreview';
import type { ImportPreview } from '../lib/bindings/ImportPreview';
import type { ImportSummary } from '../lib/bindings/ImportSummary';
import type { Metrics } from '../lib/bindings/Metrics';
import type { OrgChildren } from '../lib/bindings/OrgChildren';
import type { OrgMatches } from '../lib/bindings/OrgMatches';
import type { OrgNode } from '../lib/bindings/OrgNode';
import type { PeoplePage } from '../lib/bindings/PeoplePage';
import type { Person } from '../lib/bindings/Person';
import type { PersonOverview } from '../lib/bindings/PersonOverview';
import type { Plan } from '../lib/bindings/Plan';
import type { PlacementCandidate } from '../lib/bindings/PlacementCandidate';
import type { PlanItemFilter } from '../lib/bindings/PlanItemFilter';
import type { PlanItemMatches } from '../lib/bindings/PlanItemMatches';
import type { PlanLimits } from '../lib/bindings/PlanLimits';
import type { PlanPace } from '../lib/bindings/PlanPace';
import type { RoleProfile } from '../lib/bindings/RoleProfile';
import type { SkillHistory } from '../lib/bindings/SkillHistory';
import type { StructureChange } from '../lib/bindings/StructureChange';
import type { Team } from '../lib/bindings/Team';
import type { TemplateSkill } from '../lib/bindings/TemplateSkill';
import type { Thresholds } from '../lib/bindings/Thresholds';

import assessmentCompareAdaJson from '../fixtures/assessment_compare_ada.json';
import assessmentDeletedJson from '../fixtures/assessment_deleted.json';
import assessmentListAdaJson from '../fixtures/assessment_list_ada.json';
import assessmentListKatherineJson from '../fixtures/assessment_list_katherine.json';
import auditCreatedJson from '../fixtures/audit_created.json';
import auditDeletedJson from '../fixtures/audit_deleted.json';
import auditEarlierJson from '../fixtures/audit_earlier.json';
import auditLaterJson from '../fixtures/audit_later.json';
import auditListAdaJson from '../fixtures/audit_list_ada.json';
import auditListAdaAfterCreateJson from '../fixtures/audit_list_ada_after_create.json';
import auditListAdaAfterDeleteJson from '../fixtures/audit_list_ada_after_delete.json';
import auditListAllJson from '../fixtures/audit_list_all.json';
import auditScalesJson from '../fixtures/audit_scales.json';
import planLimitsJson from '../fixtures/plan_limits.json';
import placementCandidatesAdaJson from '../fixtures/placement_candidates_ada.json';
import planPreviewAdaTechLeadJson from '../fixtures/plan_preview_ada_tech_lead.json';
import planPreviewLinusOverloadedJson from '../fixtures/plan_preview_linus_overloaded.json';
import planPreviewLinusLongerJson from '../fixtures/plan_preview_linus_longer.json';
import planItemsFilterAllJson from '../fixtures/plan_items_filter_all.json';
import planItemsFilterOverdueJson from '../fixtures/plan_items_filter_overdue.json';
import planBudgetPreviewSmallerJson from '../fixtures/plan_budget_preview_smaller.json';
import auditTeamJson from '../fixtures/audit_team.json';
import frameworkBuiltinJson from '../fixtures/framework_builtin.json';
import frameworkDocumentBuiltinJson from '../fixtures/framework_document_builtin.json';
import frameworkDocumentPlatformCraftJson from '../fixtures/framework_document_platform_craft.json';
import frameworkImportPreviewCreateJson from '../fixtures/framework_import_preview_create.json';
import frameworkImportPreviewNewVersionJson from '../fixtures/framework_import_preview_new_version.json';
import frameworkImportPreviewRefusedBuiltinJson from '../fixtures/framework_import_preview_refused_builtin.json';
import frameworkImportPreviewReplaceJson from '../fixtures/framework_import_preview_replace.json';
import frameworkListJson from '../fixtures/framework_list.json';
import frameworkPlatformCraftJson from '../fixtures/framework_platform_craft.json';
import gapAnalysisAdaJson from '../fixtures/gap_analysis_ada.json';
import gapAnalysisLinusJson from '../fixtures/gap_analysis_linus.json';
import importPreviewJson from '../fixtures/import_preview.json';
import importPreviewProblemsJson from '../fixtures/import_preview_problems.json';
import importPreviewRemovalJson from '../fixtures/import_preview_removal.json';
import importPreviewWarningJson from '../fixtures/import_preview_warning.json';
import importSummaryJson from '../fixtures/import_summary.json';
import importSummaryRemovalJson from '../fixtures/import_summary_removal.json';
import metricsJson from '../fixtures/metrics.json';
import metricsNamesakesJson from '../fixtures/metrics_namesakes.json';
import orgChainBoJson from '../fixtures/org_chain_bo.json';
import orgChildrenAdaJson from '../fixtures/org_children_ada.json';
import orgChildrenAlanJson from '../fixtures/org_children_alan.json';
import orgChildrenGraceJson from '../fixtures/org_children_grace.json';
import orgRootsJson from '../fixtures/org_roots.json';
import orgSearchALimit3Json from '../fixtures/org_search_a_limit_3.json';
import orgSearchAdaJson from '../fixtures/org_search_ada.json';
import orgSearchAlanJson from '../fixtures/org_search_alan.json';
import orgSearchAlexJson from '../fixtures/org_search_alex.json';
import orgSearchAlexanderJson from '../fixtures/org_search_alexander.json';
import orgSearchBoJson from '../fixtures/org_search_bo.json';
import orgSearchGraceJson from '../fixtures/org_search_grace.json';
import orgSearchKathJson from '../fixtures/org_search_kath.json';
import orgSearchLaJson from '../fixtures/org_search_la.json';
import orgSearchLinusJson from '../fixtures/org_search_linus.json';
import orgSearchNobodyJson from '../fixtures/org_search_nobody.json';
import orgSearchOJson from '../fixtures/org_search_o.json';
import orgSearchReviewJson from '../fixtures/org_search_review.json';
import orgSearchSamJson from '../fixtures/org_search_sam.json';
import personAdaJson from '../fixtures/person_ada.json';
import personAdaAfterPlanJson from '../fixtures/person_ada_after_plan.json';
import personDeletedJson from '../fixtures/person_deleted.json';
import personKatherineJson from '../fixtures/person_katherine.json';
import personLinusJson from '../fixtures/person_linus.json';
import personPageJson from '../fixtures/person_page.json';
import personPageNamesakesJson from '../fixtures/person_page_namesakes.json';
import personOverviewAdaJson from '../fixtures/person_overview_ada.json';
import personOverviewBoJson from '../fixtures/person_overview_bo.json';
import personOverviewGraceJson from '../fixtures/person_overview_grace.json';
import personOverviewReviewBotJson from '../fixtures/person_overview_review_bot.json';
import planJson from '../fixtures/plan.json';
import planAuditFeedJson from '../fixtures/plan_audit_feed.json';
import planBudgetSetJson from '../fixtures/plan_budget_set.json';
import planCheckpointAdjustJson from '../fixtures/plan_checkpoint_adjust.json';
import planCheckpointGoBackJson from '../fixtures/plan_checkpoint_go_back.json';
import planDeletedJson from '../fixtures/plan_deleted.json';
import planItemAddedJson from '../fixtures/plan_item_added.json';
import planItemCheckedJson from '../fixtures/plan_item_checked.json';
import planItemDeletedJson from '../fixtures/plan_item_deleted.json';
import planItemUpdatedJson from '../fixtures/plan_item_updated.json';
import planKatherineToIcJson from '../fixtures/plan_katherine_to_ic.json';
import planKatherineToManagerJson from '../fixtures/plan_katherine_to_manager.json';
import planListAdaJson from '../fixtures/plan_list_ada.json';
import planMarkdownJson from '../fixtures/plan_markdown.json';
import planReassessedJson from '../fixtures/plan_reassessed.json';
import planStructureUndoneJson from '../fixtures/plan_structure_undone.json';
import planTechLeadJson from '../fixtures/plan_tech_lead.json';
import planWithEverySourceJson from '../fixtures/plan_with_every_source.json';
import planWithoutItemJson from '../fixtures/plan_without_item.json';
import profileListJson from '../fixtures/profile_list.json';
import reorgPreviewAdaToIcJson from '../fixtures/reorg_preview_ada_to_ic.json';
import reorgPreviewAdaToIcGraceWideJson from '../fixtures/reorg_preview_ada_to_ic_grace_wide.json';
import reorgPreviewKatherineToManagerJson from '../fixtures/reorg_preview_katherine_to_manager.json';
import skillHistoryAdaJson from '../fixtures/skill_history_ada.json';
import structureChangeUndoneJson from '../fixtures/structure_change_undone.json';
import teamHeatmapGraceJson from '../fixtures/team_heatmap_grace.json';
import teamHeatmapPlatformJson from '../fixtures/team_heatmap_platform.json';
import teamHeatmapSearchJson from '../fixtures/team_heatmap_search.json';
import teamListJson from '../fixtures/team_list.json';
import templateLibraryBuiltinJson from '../fixtures/template_library_builtin.json';
import templateLibraryPlatformCraftJson from '../fixtures/template_library_platform_craft.json';
import thresholdsJson from '../fixtures/thresholds.json';

function copy<T>(json: unknown): () => T {
  const text = JSON.stringify(json);
  return () => JSON.parse(text) as T;
}

export const assessmentCompareAda = copy<Comparison>(assessmentCompareAdaJson);
export const assessmentDeleted = copy<DeletedAssessment>(assessmentDeletedJson);
export const assessmentListAda = copy<Assessment[]>(assessmentListAdaJson);
export const assessmentListKatherine = copy<Assessment[]>(assessmentListKatherineJson);
export const auditCreated = copy<Audit>(auditCreatedJson);
export const auditDeleted = copy<DeletedAudit>(auditDeletedJson);
export const auditEarlier = copy<Audit>(auditEarlierJson);
export const auditLater = copy<Audit>(auditLaterJson);
export const auditListAda = copy<AuditSummary[]>(auditListAdaJson);
export const auditListAdaAfterCreate = copy<AuditSummary[]>(auditListAdaAfterCreateJson);
export const auditListAdaAfterDelete = copy<AuditSummary[]>(auditListAdaAfterDeleteJson);
export const auditListAll = copy<AuditSummary[]>(auditListAllJson);
export const auditScales = copy<AuditScales>(auditScalesJson);
export const planLimits = copy<PlanLimits>(planLimitsJson);
export const placementCandidatesAda = copy<PlacementCandidate[]>(placementCandidatesAdaJson);
/** Ada toward tech lead, her reports staying: a plan that fits. */
export const planPreviewAdaTechLead = copy<PlanPace>(planPreviewAdaTechLeadJson);
/** Linus, rated 1 on every skill, toward IC leader: does not fit; the choices. */
export const planPreviewLinusOverloaded = copy<PlanPace>(planPreviewLinusOverloadedJson);
/** The same with the longer plan chosen. */
export const planPreviewLinusLonger = copy<PlanPace>(planPreviewLinusLongerJson);
/** Ada's IC-leader plan on the fixtures' today: every item, and the overdue ones. */
export const planItemsFilterAll = copy<PlanItemMatches>(planItemsFilterAllJson);
export const planItemsFilterOverdue = copy<PlanItemMatches>(planItemsFilterOverdueJson);
/** Ada's plan re-paced for 4 hands-on hours a week. */
export const planBudgetPreviewSmaller = copy<PlanPace>(planBudgetPreviewSmallerJson);
export const auditTeam = copy<Audit>(auditTeamJson);
export const frameworkBuiltin = copy<Framework>(frameworkBuiltinJson);
export const frameworkDocumentBuiltin = copy<FrameworkFile>(frameworkDocumentBuiltinJson);
export const frameworkDocumentPlatformCraft = copy<FrameworkFile>(frameworkDocumentPlatformCraftJson);
export const frameworkImportPreviewCreate = copy<FrameworkImportPreview>(frameworkImportPreviewCreateJson);
export const frameworkImportPreviewNewVersion = copy<FrameworkImportPreview>(frameworkImportPreviewNewVersionJson);
export const frameworkImportPreviewRefusedBuiltin = copy<FrameworkImportPreview>(frameworkImportPreviewRefusedBuiltinJson);
export const frameworkImportPreviewReplace = copy<FrameworkImportPreview>(frameworkImportPreviewReplaceJson);
export const frameworkList = copy<FrameworkSummary[]>(frameworkListJson);
export const frameworkPlatformCraft = copy<Framework>(frameworkPlatformCraftJson);
export const gapAnalysisAda = copy<GapReport>(gapAnalysisAdaJson);
export const gapAnalysisLinus = copy<GapReport>(gapAnalysisLinusJson);
export const importPreview = copy<ImportPreview>(importPreviewJson);
export const importPreviewProblems = copy<ImportPreview>(importPreviewProblemsJson);
export const importPreviewRemoval = copy<ImportPreview>(importPreviewRemovalJson);
export const importPreviewWarning = copy<ImportPreview>(importPreviewWarningJson);
export const importSummary = copy<ImportSummary>(importSummaryJson);
export const importSummaryRemoval = copy<ImportSummary>(importSummaryRemovalJson);
export const metrics = copy<Metrics>(metricsJson);
export const metricsNamesakes = copy<Metrics>(metricsNamesakesJson);
export const orgChainBo = copy<OrgNode[]>(orgChainBoJson);
export const orgChildrenAda = copy<OrgChildren>(orgChildrenAdaJson);
export const orgChildrenAlan = copy<OrgChildren>(orgChildrenAlanJson);
export const orgChildrenGrace = copy<OrgChildren>(orgChildrenGraceJson);
export const orgRoots = copy<OrgChildren>(orgRootsJson);
export const orgSearchALimit3 = copy<OrgMatches>(orgSearchALimit3Json);
export const orgSearchAda = copy<OrgMatches>(orgSearchAdaJson);
export const orgSearchAlan = copy<OrgMatches>(orgSearchAlanJson);
export const orgSearchAlex = copy<OrgMatches>(orgSearchAlexJson);
export const orgSearchAlexander = copy<OrgMatches>(orgSearchAlexanderJson);
export const orgSearchBo = copy<OrgMatches>(orgSearchBoJson);
export const orgSearchGrace = copy<OrgMatches>(orgSearchGraceJson);
export const orgSearchKath = copy<OrgMatches>(orgSearchKathJson);
export const orgSearchLa = copy<OrgMatches>(orgSearchLaJson);
export const orgSearchLinus = copy<OrgMatches>(orgSearchLinusJson);
export const orgSearchNobody = copy<OrgMatches>(orgSearchNobodyJson);
export const orgSearchO = copy<OrgMatches>(orgSearchOJson);
export const orgSearchReview = copy<OrgMatches>(orgSearchReviewJson);
export const orgSearchSam = copy<OrgMatches>(orgSearchSamJson);
export const personAda = copy<Person>(personAdaJson);
export const personAdaAfterPlan = copy<Person>(personAdaAfterPlanJson);
export const personDeleted = copy<DeletedPerson>(personDeletedJson);
export const personKatherine = copy<Person>(personKatherineJson);
export const personLinus = copy<Person>(personLinusJson);
export const personPage = copy<PeoplePage>(personPageJson);
export const personPageNamesakes = copy<PeoplePage>(personPageNamesakesJson);
export const personOverviewAda = copy<PersonOverview>(personOverviewAdaJson);
export const personOverviewBo = copy<PersonOverview>(personOverviewBoJson);
export const personOverviewGrace = copy<PersonOverview>(personOverviewGraceJson);
export const personOverviewReviewBot = copy<PersonOverview>(personOverviewReviewBotJson);
export const plan = copy<Plan>(planJson);
export const planAuditFeed = copy<AuditFeed>(planAuditFeedJson);
export const planBudgetSet = copy<Plan>(planBudgetSetJson);
export const planCheckpointAdjust = copy<Plan>(planCheckpointAdjustJson);
export const planCheckpointGoBack = copy<Plan>(planCheckpointGoBackJson);
export const planDeleted = copy<DeletedPlan>(planDeletedJson);
export const planItemAdded = copy<Plan>(planItemAddedJson);
export const planItemChecked = copy<Plan>(planItemCheckedJson);
export const planItemDeleted = copy<DeletedPlanItem>(planItemDeletedJson);
export const planItemUpdated = copy<Plan>(planItemUpdatedJson);
export const planKatherineToIc = copy<Plan>(planKatherineToIcJson);
export const planKatherineToManager = copy<Plan>(planKatherineToManagerJson);
export const planListAda = copy<Plan[]>(planListAdaJson);
export const planMarkdown = copy<string>(planMarkdownJson);
export const planReassessed = copy<Plan>(planReassessedJson);
export const planStructureUndone = copy<Plan>(planStructureUndoneJson);
export const planTechLead = copy<Plan>(planTechLeadJson);
export const planWithEverySource = copy<Plan>(planWithEverySourceJson);
export const planWithoutItem = copy<Plan>(planWithoutItemJson);
export const profileList = copy<RoleProfile[]>(profileListJson);
export const reorgPreviewAdaToIc = copy<ImpactPreview>(reorgPreviewAdaToIcJson);
/** The same move with the wide threshold at 4: Grace is wide already and grows from 4 to 8. */
export const reorgPreviewAdaToIcGraceWide = copy<ImpactPreview>(reorgPreviewAdaToIcGraceWideJson);
export const reorgPreviewKatherineToManager = copy<ImpactPreview>(reorgPreviewKatherineToManagerJson);
export const skillHistoryAda = copy<SkillHistory[]>(skillHistoryAdaJson);
export const structureChangeUndone = copy<StructureChange>(structureChangeUndoneJson);
export const teamHeatmapGrace = copy<Heatmap>(teamHeatmapGraceJson);
export const teamHeatmapPlatform = copy<Heatmap>(teamHeatmapPlatformJson);
export const teamHeatmapSearch = copy<Heatmap>(teamHeatmapSearchJson);
export const teamList = copy<Team[]>(teamListJson);
export const templateLibraryBuiltin = copy<TemplateSkill[]>(templateLibraryBuiltinJson);
export const templateLibraryPlatformCraft = copy<TemplateSkill[]>(templateLibraryPlatformCraftJson);
export const thresholds = copy<Thresholds>(thresholdsJson);

/** What the host answers to each search the component tests type (a fixture
 * `org_search_<query>` each); a query without one fails the test, naming it. */
const searches: Record<string, () => OrgMatches> = {
  ada: orgSearchAda,
  alan: orgSearchAlan,
  alex: orgSearchAlex,
  alexander: orgSearchAlexander,
  bo: orgSearchBo,
  grace: orgSearchGrace,
  kath: orgSearchKath,
  la: orgSearchLa,
  linus: orgSearchLinus,
  nobody: orgSearchNobody,
  o: orgSearchO,
  review: orgSearchReview,
};

export async function orgSearchFor(query: string): Promise<OrgMatches> {
  const answer = searches[query];
  if (!answer) throw new Error(`no fixture for the search "${query}": add org_search_${query} in ui_fixtures.rs`);
  return answer();
}

/**
 * `api.planItemsFilter` for Ada's IC-leader plan (`plan`): every item, or the
 * overdue ones. Other filters have no fixture.
 */
export async function planItemsFilterFor(planId: number, filter: PlanItemFilter): Promise<PlanItemMatches> {
  if (planId !== plan().id && filter.status === 'all' && !filter.skill_key) return planItemsFilterAll();
  if (filter.skill_key) throw new Error(`no fixture for the filter ${JSON.stringify(filter)}: add one in ui_fixtures.rs`);
  if (filter.status === 'all') return planItemsFilterAll();
  if (filter.status === 'overdue') return planItemsFilterOverdue();
  throw new Error(`no fixture for the filter ${JSON.stringify(filter)}: add one in ui_fixtures.rs`);
}
