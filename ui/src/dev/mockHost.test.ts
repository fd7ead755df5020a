// The mock host must answer the commands the way the UI now calls them.
import { beforeAll, describe, expect, it } from 'vitest';

import * as api from '../lib/api';
import { installMockHost } from './mockHost';

beforeAll(async () => {
  installMockHost();
  await api.workspaceOpenDemo();
});

describe('mock host', () => {
  it('pages org_children and reports the total', async () => {
    const roots = await api.orgChildren(null, 0, 50);
    expect(roots.total).toBe(1);
    const ceo = roots.nodes[0];
    const first = await api.orgChildren(ceo.id, 0, 3);
    expect(first).toMatchObject({ total: ceo.children, offset: 0 });
    expect(first.nodes.length).toBe(3);
    const next = await api.orgChildren(ceo.id, 3, 3);
    expect(next.nodes[0].id).not.toBe(first.nodes[0].id);
  });

  it('refuses org_children without offset and limit, as Tauri does', async () => {
    const err = await api.orgChildren(null, undefined as unknown as number, 50).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect((err as api.ApiError).message).toContain('offset');
  });

  it('has no start error unless asked, and writes exports to typed paths', async () => {
    expect(await api.workspaceStartError()).toBeNull();
    expect(await api.exportWrite('csv', '/tmp/out.csv')).toBe('/tmp/out.csv');
    const err = await api.exportWrite('csv', '/root/out.csv').catch((e: unknown) => e);
    expect((err as api.ApiError).kind).toBe('io');
  });

  it('asks before overwriting a file, and never writes onto the open workspace', async () => {
    expect(await api.exportWrite('json', '/tmp/twice.json')).toBe('/tmp/twice.json');
    expect(((await api.exportWrite('json', '/tmp/twice.json').catch((e: unknown) => e)) as api.ApiError).kind).toBe('file_exists');
    expect(await api.exportWrite('json', '/tmp/twice.json', true)).toBe('/tmp/twice.json');
    const info = (await api.workspaceInfo())!;
    expect(((await api.exportWrite('csv', info.path, true).catch((e: unknown) => e)) as api.ApiError).kind).toBe('invalid_input');
  });

  it('undoes a deletion by its undo id, once; a report moved since stays where it is', async () => {
    const roots = await api.orgChildren(null, 0, 1);
    const vps = await api.orgChildren(roots.nodes[0].id, 0, 50);
    const vp = vps.nodes.find((n) => n.span > 1)!;
    const deleted = await api.personDelete(vp.id, { to: 'up_one_level' });
    expect(deleted.undo_id).toEqual(expect.any(Number));
    expect((await api.personRestore(deleted)).id).toBe(vp.id);
    expect(((await api.personRestore(deleted).catch((e: unknown) => e)) as api.ApiError).kind).toBe('conflict');

    const again = await api.personDelete(vp.id, { to: 'up_one_level' });
    const moved = again.former_reports[0];
    await api.personMove(moved, null);
    expect((await api.personRestore(again)).direct_reports).toBe(vp.span - 1);
    expect((await api.personGet(moved)).manager_id).toBeNull();
    await api.personMove(moved, vp.id);
    expect(await api.structureCheck()).toBeNull();
  });
});

describe('mock host: skills', () => {
  it('serves the built-in framework, its profiles and seeded assessments', async () => {
    const list = await api.frameworkList();
    const builtin = list.find((f) => f.builtin)!;
    expect(builtin.key).toBe('ai-native-ic-leader');
    expect(builtin.skills).toBe(14);
    const profiles = await api.profileList(builtin.key);
    expect(profiles.map((p) => p.key)).toContain('ic-leader');
    const roots = await api.orgChildren(null, 0, 1);
    const heat = await api.teamHeatmap({ kind: 'subtree', person_id: roots.nodes[0].id }, builtin.key, profiles[0].id);
    expect(heat.skills).toHaveLength(14);
    expect(heat.rows.length).toBeGreaterThan(100);
    expect(heat.rows.some((r) => r.levels.some((l) => l !== null))).toBe(true);
    expect(heat.scale).toEqual(['Learning', 'Practicing', 'Proficient', 'Leading', 'Shaping'].map((l) => expect.stringContaining(l)));
    const someone = heat.rows.find((r) => r.levels.some((l) => l !== null))!;
    const history = await api.skillHistory(someone.person_id, builtin.key);
    const point = history.flatMap((h) => h.points)[0];
    const listed = await api.assessmentList(someone.person_id, builtin.key);
    expect(listed.find((a) => a.id === point.assessment_id)).toMatchObject({ round: point.round, framework_version: point.framework_version });
  });

  it('previews a framework import before saving it', async () => {
    const fresh = await api.frameworkImportPreview('/tmp/team-craft.json');
    expect(fresh).toMatchObject({ outcome: 'create', existing: null, file: { key: 'team-craft' } });
    const builtin = await api.frameworkImportPreview('/tmp/ai-native-ic-leader.json');
    expect(builtin.outcome).toBe('refused_builtin');
    expect(builtin.existing?.builtin).toBe(true);
    await api.frameworkImport('/tmp/team-craft.json');
    expect((await api.frameworkImportPreview('/tmp/team-craft.json')).outcome).toBe('replace');
    const bad = await api.frameworkImportPreview('/tmp/bad.json').catch((e: unknown) => e);
    expect((bad as api.ApiError).kind).toBe('framework_invalid');
  });

  it('makes a new version when a framework with assessments is edited', async () => {
    const user = (await api.frameworkList()).find((f) => f.key === 'platform-craft')!;
    const doc = await api.frameworkDocument(user.id);
    const roots = await api.orgChildren(null, 0, 1);
    await api.assessmentCreate({
      person_id: roots.nodes[0].id,
      framework_id: user.id,
      assessor_role: 'self',
      assessor_name: '',
      assessed_on: '2026-05-01',
      round: 'R',
      note: '',
      ratings: [{ skill_key: 'incident-response', level: 3, interest: null, note: '' }],
    });
    expect((await api.frameworkImportPreview('/tmp/platform-craft.json')).outcome).toBe('new_version');
    const saved = await api.frameworkSave({ ...doc, name: 'Platform craft, revised' });
    expect(saved.version).toBe(user.version + 1);
    expect(saved.id).not.toBe(user.id);
    const err = await api.frameworkSave({ ...doc, key: 'ai-native-ic-leader' }).catch((e: unknown) => e);
    expect((err as api.ApiError).kind).toBe('conflict');
    const bad = await api.frameworkSave({ ...doc, name: ' ', scale: ['a'] }).catch((e: unknown) => e);
    expect((bad as api.ApiError).kind).toBe('framework_invalid');
    expect((bad as api.ApiError).problems?.map((p) => p.message)).toContain('name is empty');
  });
});

describe('mock host: transition', () => {
  async function assessedManager() {
    const found = await api.orgSearch('Engineering Manager', 200);
    for (const n of found.filter((x) => x.span >= 2)) {
      const list = await api.assessmentList(n.id, 'ai-native-ic-leader');
      if (list.some((a) => a.assessor_role === 'self' || a.assessor_role === 'manager')) return api.personGet(n.id);
    }
    throw new Error('the demo org should have an assessed manager with reports');
  }

  it('previews moving a manager\'s reports up without changing anything', async () => {
    const mgr = await assessedManager();
    const reports = (await api.orgChildren(mgr.id, 0, 1000)).nodes.filter((n) => n.kind === 'human');
    const moves = reports.map((r) => ({ person_id: r.id, to_manager: mgr.manager_id }));
    const director = await api.personGet(mgr.manager_id!);
    const before = await api.metricsGet(null);
    const preview = await api.reorgPreview(moves);
    expect(preview.before.managers).toBe(before.managers);
    expect(preview.after.managers).toBe(before.managers - 1);
    expect(preview.after.ics).toBe(before.ics + 1);
    expect(preview.receiving).toEqual([
      expect.objectContaining({ id: director.id, span_before: director.direct_reports, span_after: director.direct_reports + reports.length }),
    ]);
    expect(await api.metricsGet(null)).toEqual(before);
    expect((await api.personGet(mgr.id)).direct_reports).toBe(reports.length);
  });

  it('creates a plan that moves the reports, ticks items, exports Markdown and undoes the move exactly', async () => {
    const mgr = await assessedManager();
    const reports = (await api.orgChildren(mgr.id, 0, 1000)).nodes.filter((n) => n.kind === 'human');
    const profile = (await api.profileList('ai-native-ic-leader')).find((p) => p.key === 'staff-ic-leader')!;
    const plan = await api.planCreate({
      person_id: mgr.id,
      profile_id: profile.id,
      start_date: '2020-01-06',
      moves: reports.map((r) => ({ person_id: r.id, to_manager: mgr.manager_id })),
      direction: null,      reports_stay: false,
    });
    expect(plan).toMatchObject({ person_id: mgr.id, from_role: `manager of ${reports.length}`, profile_name: profile.name, direction: 'to_ic' });
    expect(plan.structure_change).toMatchObject({ id: plan.structure_change_id, undone: false, made_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(plan.structure_change!.moves).toHaveLength(reports.length);
    expect(plan.items.map((i) => i.source)).toEqual([...plan.items.slice(0, -1).map(() => 'gap'), 'checkpoint']);
    expect(plan.checkpoint_questions).toHaveLength(5);
    expect(plan.structure_change_id).not.toBeNull();
    expect((await api.personGet(mgr.id)).direct_reports).toBe(0);
    expect(plan.phases.map((p) => p.end_date)).toEqual(['2020-02-05', '2020-03-06', '2020-04-05']);
    const last = plan.items[plan.items.length - 1];
    expect(last).toMatchObject({ phase: 3, skill_key: '', level: null, title: expect.stringContaining('Day-90 checkpoint') });
    // Started in 2020: everything is overdue until ticked.
    expect(plan.items.every((i) => i.overdue)).toBe(true);
    const ticked = await api.planItemCheck(plan.id, plan.items[0].id, true);
    expect(ticked.items[0]).toMatchObject({ overdue: false, done_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(ticked.phases[0].done).toBe(1);
    expect((await api.planList(mgr.id)).map((p) => p.id)).toContain(plan.id);
    expect(await api.planMarkdown(plan.id)).toContain(`- [x] ${plan.items[0].title}`);
    expect(await api.planMarkdownWrite(plan.id, '/tmp/plan.md')).toBe('/tmp/plan.md');
    expect((await api.planMarkdownWrite(plan.id, '/root/plan.md').catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'io' });
    expect((await api.personDelete(mgr.id, { to: 'up_one_level' }).catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'conflict' });

    const undone = await api.reorgUndo(plan.structure_change_id!);
    expect(undone.undone).toBe(true);
    expect((await api.planGet(plan.id)).structure_change?.undone).toBe(true);
    expect((await api.personGet(mgr.id)).direct_reports).toBe(reports.length);
    expect((await api.reorgUndo(plan.structure_change_id!).catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'conflict' });
  });

  it('refuses a plan for someone never assessed, and an undo after a later move', async () => {
    const everyone = await api.orgSearch('Engineer', 400);
    let unassessed = null;
    for (const n of everyone) {
      if ((await api.assessmentList(n.id, null)).length === 0) {
        unassessed = n;
        break;
      }
    }
    expect(unassessed).not.toBeNull();
    const profile = (await api.profileList('ai-native-ic-leader'))[0];
    const err = (await api.planCreate({ person_id: unassessed!.id, profile_id: profile.id, start_date: '2026-01-05', moves: [], direction: null, reports_stay: false }).catch((e: unknown) => e)) as api.ApiError;
    expect(err.kind).toBe('invalid_input');
    expect(err.message).toContain('assessment first');

    const mgr = await assessedManager();
    const reports = (await api.orgChildren(mgr.id, 0, 1000)).nodes.filter((n) => n.kind === 'human');
    const plan = await api.planCreate({
      person_id: mgr.id,
      profile_id: profile.id,
      start_date: '2026-01-05',
      moves: reports.map((r) => ({ person_id: r.id, to_manager: mgr.manager_id })),
      direction: null,      reports_stay: false,
    });
    await api.personMove(reports[0].id, mgr.id);
    expect((await api.reorgUndo(plan.structure_change_id!).catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'conflict' });
  });

  async function assessedIc() {
    for (const n of (await api.orgSearch('Engineer', 400)).filter((x) => x.kind === 'human' && x.span === 0)) {
      const list = await api.assessmentList(n.id, 'ai-native-ic-leader');
      if (list.some((a) => a.assessor_role === 'self' || a.assessor_role === 'manager')) return api.personGet(n.id);
    }
    throw new Error('the demo org should have an assessed IC');
  }

  it('makes a plan back to managing: people come to report to the person, with a manager\'s week and questions', async () => {
    const ic = await assessedIc();
    const profile = (await api.profileList('ai-native-ic-leader')).find((p) => p.key === 'engineering-manager')!;
    const others = (await api.orgSearch('Engineer', 400)).filter((n) => n.kind === 'human' && n.span === 0 && n.id !== ic.id).slice(0, 2);
    const plan = await api.planCreate({
      person_id: ic.id,
      profile_id: profile.id,
      start_date: '2026-01-05',
      moves: others.map((o) => ({ person_id: o.id, to_manager: ic.id })),
      direction: null,      reports_stay: false,
    });
    expect(plan.direction).toBe('to_manager');
    expect(plan.structure_change?.description).toBe(`${ic.name} moves to ${profile.name}: people come to report to them`);
    expect((await api.personGet(ic.id)).direct_reports).toBe(2);
    expect(plan.budget).toEqual({ hands_on: 6, agents: 4, reviews: 6, mentoring: 8, one_on_ones: 12 });
    expect(plan.phases[0].title).toBe('Days 1–30: get to know the people');
    expect(plan.checkpoint_questions[0]).toBe('Do I have more energy at the end of a week than I did as an IC?');
    await api.reorgUndo(plan.structure_change_id!);
    expect((await api.personGet(ic.id)).direct_reports).toBe(0);
  });

  it('edits, adds, deletes and restores items, and sets the budget and the checkpoint', async () => {
    const ic = await assessedIc();
    const profile = (await api.profileList('ai-native-ic-leader')).find((p) => p.key === 'staff-ic-leader')!;
    const plan = await api.planCreate({ person_id: ic.id, profile_id: profile.id, start_date: '2026-01-05', moves: [], direction: null, reports_stay: false });
    expect(plan.baseline_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan.gaps.length).toBeGreaterThan(0);
    expect(plan.gaps.every((g) => g.status !== 'closed')).toBe(true);
    const first = plan.items[0];

    const edited = await api.planItemUpdate(plan.id, first.id, {
      phase: 2,
      title: '  Pair on a review  ',
      done_when: 'Two reviews done',
      note: 'With Bo',
      due_date: '2026-03-01',
      hours_per_week: 3,
      kind: 'reviews',
    });
    expect(edited.items.find((i) => i.id === first.id)).toMatchObject({ phase: 2, title: 'Pair on a review', note: 'With Bo', due_date: '2026-03-01', hours_per_week: 3, kind: 'reviews', source: 'gap' });
    const bad = (await api.planItemUpdate(plan.id, first.id, { phase: 4, title: ' ', done_when: '', note: '', due_date: '2026-02-30', hours_per_week: 41, kind: 'reviews' }).catch((e: unknown) => e)) as api.ApiError;
    expect(bad.kind).toBe('invalid_input');
    expect(bad.message).toBe('the item was not saved: phase 4 is not 1, 2 or 3; the title is empty; "2026-02-30" is not a date (YYYY-MM-DD); 41 hours a week is more than 40');

    const added = await api.planItemAdd(plan.id, { phase: 3, title: 'Write a team charter', done_when: '', note: '', due_date: '2026-04-05', hours_per_week: 1, kind: 'hands_on' });
    expect(added.items.length).toBe(plan.items.length + 1);
    const own = added.items.find((i) => i.title === 'Write a team charter')!;
    expect(own).toMatchObject({ source: 'own', phase: 3, skill_key: '', level: null });

    const deleted = await api.planItemDelete(plan.id, own.id);
    expect(deleted).toMatchObject({ plan_id: plan.id, item: { id: own.id, title: 'Write a team charter' } });
    expect((await api.planGet(plan.id)).items.some((i) => i.id === own.id)).toBe(false);
    const restored = await api.planItemRestore(deleted);
    expect(restored.items.filter((i) => i.id === own.id)).toHaveLength(1);
    expect(((await api.planItemRestore(deleted).catch((e: unknown) => e)) as api.ApiError).kind).toBe('conflict');

    const budget = { hands_on: 20, agents: 20, reviews: 20, mentoring: 10, one_on_ones: 10 };
    expect((await api.planBudgetSet(plan.id, budget)).budget).toEqual(budget);
    const over = (await api.planBudgetSet(plan.id, { ...budget, one_on_ones: 11 }).catch((e: unknown) => e)) as api.ApiError;
    expect(over).toMatchObject({ kind: 'invalid_input', message: 'the budget adds up to 81 hours a week; keep it at 80 or less' });
    expect((await api.planGet(plan.id)).budget).toEqual(budget);

    const decided = await api.planCheckpointSet(plan.id, 'adjust', '  Less hands-on  ');
    expect([decided.checkpoint_decision, decided.checkpoint_note]).toEqual(['adjust', 'Less hands-on']);
    expect(await api.planMarkdown(plan.id)).toContain('## Checkpoint decision: Adjust');
    expect((await api.planCheckpointSet(plan.id, null, '')).checkpoint_decision).toBeNull();

    // A newer manager assessment rates every target skill at its target: every gap of the start is closed.
    const framework = (await api.frameworkList()).find((f) => f.key === 'ai-native-ic-leader')!;
    await api.assessmentCreate({
      person_id: ic.id,
      framework_id: framework.id,
      assessor_role: 'manager',
      assessor_name: 'Their manager',
      assessed_on: '2030-01-01',
      round: '2030-H1',
      note: '',
      ratings: plan.gaps.map((g) => ({ skill_key: g.skill_key, level: g.target, interest: null, note: '' })),
    });
    const later = await api.planGet(plan.id);
    expect(later.reassessed_on).toBe('2030-01-01');
    expect(later.baseline_on).toBe(plan.baseline_on);
    const wereGaps = plan.gaps.filter((g) => g.at_start !== null && g.at_start < g.target).map((g) => g.skill_key);
    expect(wereGaps.length).toBeGreaterThan(0);
    expect(later.gaps.filter((g) => g.status === 'closed').map((g) => g.skill_key)).toEqual(wereGaps);
  });

  it('feeds an audit\'s bottlenecks into a plan once, when the audit half says what they are', async () => {
    const { setAuditActionSource } = await import('./mockTransition');
    const ic = await assessedIc();
    const profile = (await api.profileList('ai-native-ic-leader')).find((p) => p.key === 'staff-ic-leader')!;
    const plan = await api.planCreate({ person_id: ic.id, profile_id: profile.id, start_date: '2026-01-05', moves: [], direction: null, reports_stay: false });
    expect(await api.planAddAuditActions(plan.id, 99)).toMatchObject({ added: 0, already_there: 0 });
    setAuditActionSource((id) =>
      id === 99
        ? [
            { stage: 'code_review', label: 'Code review', title: 'Code review: try "agents review first"', done_when: 'Two weeks run', kind: 'reviews', hours_per_week: 2, phase: 1 },
            { stage: 'planning', label: 'Planning', title: 'Planning: find one change', done_when: 'Two weeks run', kind: 'hands_on', hours_per_week: 2, phase: 2 },
          ]
        : null,
    );
    try {
      const fed = await api.planAddAuditActions(plan.id, 99);
      expect([fed.added, fed.already_there]).toEqual([2, 0]);
      const audit = fed.plan.items.filter((i) => i.source === 'audit');
      expect(audit.map((i) => [i.skill_name, i.stage, i.audit_id, i.phase, i.due_date])).toEqual([
        ['Bottleneck: Code review', 'code_review', 99, 1, '2026-02-04'],
        ['Bottleneck: Planning', 'planning', 99, 2, '2026-03-06'],
      ]);
      expect(await api.planAddAuditActions(plan.id, 99)).toMatchObject({ added: 0, already_there: 2 });
      expect(((await api.planAddAuditActions(plan.id, 98).catch((e: unknown) => e)) as api.ApiError).kind).toBe('not_found');
    } finally {
      setAuditActionSource(null);
    }
  });
});
