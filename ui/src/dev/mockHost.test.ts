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
    });
    expect(plan).toMatchObject({ person_id: mgr.id, from_role: `manager of ${reports.length}`, profile_name: profile.name });
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
    const err = (await api.planCreate({ person_id: unassessed!.id, profile_id: profile.id, start_date: '2026-01-05', moves: [] }).catch((e: unknown) => e)) as api.ApiError;
    expect(err.kind).toBe('invalid_input');
    expect(err.message).toContain('assessment first');

    const mgr = await assessedManager();
    const reports = (await api.orgChildren(mgr.id, 0, 1000)).nodes.filter((n) => n.kind === 'human');
    const plan = await api.planCreate({ person_id: mgr.id, profile_id: profile.id, start_date: '2026-01-05', moves: reports.map((r) => ({ person_id: r.id, to_manager: mgr.manager_id })) });
    await api.personMove(reports[0].id, mgr.id);
    expect((await api.reorgUndo(plan.structure_change_id!).catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'conflict' });
  });
});
