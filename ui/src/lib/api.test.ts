import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
class FakeChannel<T> {
  onmessage: (m: T) => void = () => {};
}
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: FakeChannel,
}));

const api = await import('./api');
import * as core from '../test/core';

describe('toApiError', () => {
  it('keeps kind and message of a host error', () => {
    const e = api.toApiError({ kind: 'cycle', message: 'Ada → Alan → Ada' });
    expect(e).toBeInstanceOf(api.ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.kind).toBe('cycle');
    expect(e.message).toBe('Ada → Alan → Ada');
    expect(e.problems).toBeUndefined();
  });

  it('keeps the problems of an import_invalid error', () => {
    const e = api.toApiError({
      kind: 'import_invalid',
      message: 'bad file',
      problems: [{ line: 3, message: 'no name', people: ['E1'] }, { message: 'loop' }, 42],
    });
    expect(e.kind).toBe('import_invalid');
    expect(e.problems).toEqual([
      { line: 3, message: 'no name', people: ['E1'] },
      { line: null, message: 'loop', people: [] },
    ]);
  });

  it('knows framework_invalid and keeps its problems', () => {
    const e = api.toApiError({ kind: 'framework_invalid', message: 'bad framework', problems: [{ line: 2, message: 'no key' }] });
    expect(e.kind).toBe('framework_invalid');
    expect(e.problems).toEqual([{ line: 2, message: 'no key', people: [] }]);
  });

  it('maps kinds it does not know, strings and Errors to "unknown"', () => {
    expect(api.toApiError({ kind: 'martian', message: 'x' }).kind).toBe('unknown');
    const s = api.toApiError('Command person_frob not found');
    expect(s.kind).toBe('unknown');
    expect(s.message).toBe('Command person_frob not found');
    expect(api.toApiError(new TypeError('boom')).message).toBe('boom');
    expect(api.toApiError(undefined).message).toMatch(/went wrong/);
  });

  it('returns an ApiError unchanged', () => {
    const e = new api.ApiError('io', 'disk');
    expect(api.toApiError(e)).toBe(e);
  });
});

describe('commands', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('passes camelCase argument names', async () => {
    invoke.mockResolvedValue({});
    await api.personMove(7, null);
    await api.orgChildren(null, 50, 50);
    await api.metricsGet(3);
    await api.personPage('ada', 200, 200);
    await api.personOverview(5);
    await api.exportPickAndWrite('json');
    await api.workspaceStartError();
    expect(invoke.mock.calls).toEqual([
      ['person_move', { id: 7, managerId: null }],
      ['org_children', { parentId: null, offset: 50, limit: 50 }],
      ['metrics_get', { rootId: 3 }],
      ['person_page', { filter: 'ada', offset: 200, limit: 200 }],
      ['person_overview', { id: 5 }],
      ['export_pick_and_write', { format: 'json' }],
      ['workspace_start_error', undefined],
    ]);
  });

  it('passes the skills commands their argument names (scope keys stay snake_case)', async () => {
    invoke.mockResolvedValue({});
    await api.profileList('ai-native-ic-leader');
    await api.profileSave('k', { key: 'p', name: 'P', description: '', direction: 'to_ic', targets: { a: 3 } });
    await api.assessmentList(4, null);
    await api.assessmentCompare(10, 11);
    await api.gapAnalysis(4, 2);
    await api.skillHistory(4, 'k');
    await api.teamHeatmap({ kind: 'subtree', person_id: 9 }, 'k', null);
    await api.teamHeatmap({ kind: 'team', team_id: 3 }, 'k', 5);
    await api.frameworkExportPick(1);
    await api.frameworkImportPreview('/tmp/f.json');
    await api.frameworkImport('/tmp/f.json');
    expect(invoke.mock.calls).toEqual([
      ['profile_list', { frameworkKey: 'ai-native-ic-leader' }],
      ['profile_save', { frameworkKey: 'k', profile: { key: 'p', name: 'P', description: '', direction: 'to_ic', targets: { a: 3 } } }],
      ['assessment_list', { personId: 4, frameworkKey: null }],
      ['assessment_compare', { selfId: 10, managerId: 11 }],
      ['gap_analysis', { personId: 4, profileId: 2 }],
      ['skill_history', { personId: 4, frameworkKey: 'k' }],
      ['team_heatmap', { scope: { kind: 'subtree', person_id: 9 }, frameworkKey: 'k', profileId: null }],
      ['team_heatmap', { scope: { kind: 'team', team_id: 3 }, frameworkKey: 'k', profileId: 5 }],
      ['framework_export_pick', { id: 1 }],
      ['framework_import_preview', { path: '/tmp/f.json' }],
      ['framework_import', { path: '/tmp/f.json' }],
    ]);
  });

  it('passes the reorg and plan commands their argument names (moves stay snake_case inside)', async () => {
    invoke.mockResolvedValue({});
    const moves = [{ person_id: 5, to_manager: 2 }];
    await api.reorgPreview(moves);
    await api.reorgUndo(8);
    await api.planCreate({ person_id: 4, profile_id: 22, start_date: '2026-08-03', moves, direction: null, reports_stay: false });
    await api.planList(4);
    await api.planGet(3);
    await api.planItemCheck(3, 41, true);
    await api.planMarkdownCopy(3);
    await api.planMarkdownSave(3);
    expect(invoke.mock.calls).toEqual([
      ['reorg_preview', { moves: [{ person_id: 5, to_manager: 2 }] }],
      ['reorg_undo', { id: 8 }],
      ['plan_create', { input: { person_id: 4, profile_id: 22, start_date: '2026-08-03', moves: [{ person_id: 5, to_manager: 2 }], direction: null, reports_stay: false } }],
      ['plan_list', { personId: 4 }],
      ['plan_get', { id: 3 }],
      ['plan_item_check', { planId: 3, itemId: 41, done: true }],
      ['plan_markdown_copy', { id: 3 }],
      ['plan_markdown_save', { id: 3 }],
    ]);
  });

  it('passes the plan-editing, template and audit commands the argument names the Rust commands take', async () => {
    invoke.mockResolvedValue({});
    const edit = { phase: 1, title: 'T', done_when: '', note: 'n', due_date: '2026-12-01', hours_per_week: 2, kind: 'agents' as const };
    const item = { title: 'T', done_when: 'd', hours_per_week: 1, kind: 'reviews' as const };
    const scope = { kind: 'person' as const, id: 4 };
    await api.planItemUpdate(3, 41, edit);
    await api.planItemAdd(3, edit);
    await api.planItemDelete(3, 41);
    await api.planBudgetSet(3, { hands_on: 1, agents: 2, reviews: 3, mentoring: 4, one_on_ones: 5 });
    await api.planCheckpointSet(3, 'go_back', 'why');
    await api.planAddAuditActions(3, 7);
    await api.templateLibrary(1);
    await api.templateSet('coaching', 3, [item]);
    await api.templateReset('coaching', 3);
    await api.auditList(scope);
    await api.auditList(null);
    await api.auditGet(7);
    await api.auditDelete(7);
    await api.planDelete(3);
    expect(invoke.mock.calls).toEqual([
      ['plan_item_update', { planId: 3, itemId: 41, edit }],
      ['plan_item_add', { planId: 3, edit }],
      ['plan_item_delete', { planId: 3, itemId: 41 }],
      ['plan_budget_set', { planId: 3, budget: { hands_on: 1, agents: 2, reviews: 3, mentoring: 4, one_on_ones: 5 } }],
      ['plan_checkpoint_set', { planId: 3, decision: 'go_back', note: 'why' }],
      ['plan_add_audit_actions', { planId: 3, auditId: 7 }],
      ['template_library', { frameworkId: 1 }],
      ['template_set', { skillKey: 'coaching', level: 3, items: [item] }],
      ['template_reset', { skillKey: 'coaching', level: 3 }],
      ['audit_list', { scope: { kind: 'person', id: 4 } }],
      ['audit_list', { scope: null }],
      ['audit_get', { id: 7 }],
      ['audit_delete', { id: 7 }],
      ['plan_delete', { id: 3 }],
    ]);
  });

  it('undoes by the undo id alone: none of the deleted data goes back to the host', async () => {
    invoke.mockResolvedValue({});
    // What the host answered each deletion with, deleted data and all; each
    // made in its own copy of the sample workspace, so given undo ids apart.
    const person = { ...core.personDeleted(), undo_id: 101 };
    const assessment = { ...core.assessmentDeleted(), undo_id: 102 };
    const audit = { ...core.auditDeleted(), undo_id: 103 };
    const item = { ...core.planItemDeleted(), undo_id: 104 };
    const plan = { ...core.planDeleted(), undo_id: 105 };
    expect(person.assessments.length, 'the deleted person comes with their assessments').toBeGreaterThan(0);
    await api.personRestore(person);
    await api.assessmentRestore(assessment);
    await api.auditRestore(audit);
    await api.planItemRestore(item);
    await api.planRestore(plan);
    expect(invoke.mock.calls).toEqual([
      ['person_restore', { undoId: person.undo_id }],
      ['assessment_restore', { undoId: assessment.undo_id }],
      ['audit_restore', { undoId: audit.undo_id }],
      ['plan_item_restore', { undoId: item.undo_id }],
      ['plan_restore', { undoId: plan.undo_id }],
    ]);
  });

  it('checks and repairs the reporting structure without arguments', async () => {
    // Any recorded structure change has the shape a repair answers with.
    const change = core.structureChangeUndone();
    invoke.mockResolvedValueOnce(null).mockResolvedValueOnce(change);
    expect(await api.structureCheck()).toBeNull();
    expect((await api.structureRepair()).description).toBe(change.description);
    expect(invoke.mock.calls).toEqual([
      ['structure_check', undefined],
      ['structure_repair', undefined],
    ]);
  });

  it('knows the kinds busy, file_exists, needs_confirmation, no_workspace and internal', () => {
    for (const kind of ['busy', 'file_exists', 'needs_confirmation', 'no_workspace', 'internal'] as const) {
      expect(api.toApiError({ kind, message: 'm' }).kind).toBe(kind);
    }
  });

  it('rejects with an ApiError when the host rejects', async () => {
    invoke.mockRejectedValue({ kind: 'not_found', message: 'No person 9' });
    const err = await api.personGet(9).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect((err as InstanceType<typeof api.ApiError>).kind).toBe('not_found');
    expect((err as Error).message).toBe('No person 9');
  });

  it('feeds import progress from the channel to the callback', async () => {
    const seen: unknown[] = [];
    invoke.mockImplementation(async (_cmd: string, args: { onProgress: FakeChannel<unknown> }) => {
      args.onProgress.onmessage({ phase: 'writing', done: 5, total: 10 });
      return { added: 1, updated: 0, unchanged: 0, removed: 0, teams_created: 0 };
    });
    const summary = await api.importApply('/x.csv', { mapping: null, remove_missing: true, confirm_removal: true }, (p) => seen.push(p));
    expect(summary.added).toBe(1);
    expect(seen).toEqual([{ phase: 'writing', done: 5, total: 10 }]);
    expect(invoke.mock.calls[0][0]).toBe('import_apply');
    expect(invoke.mock.calls[0][1]).toMatchObject({ path: '/x.csv', options: { mapping: null, remove_missing: true, confirm_removal: true } });
  });
});
