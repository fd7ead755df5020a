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
