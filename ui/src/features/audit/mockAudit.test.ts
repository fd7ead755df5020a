// The mock host's audits (`npm run dev:mock`) follow the core's rules.
import { beforeAll, describe, expect, it } from 'vitest';

import * as api from '../../lib/api';
import type { Stage } from '../../lib/bindings/Stage';
import type { StageInput } from '../../lib/bindings/StageInput';
import { installMockHost } from '../../dev/mockHost';

let sam: number;
let agent: number;

beforeAll(async () => {
  installMockHost();
  await api.workspaceOpenDemo();
  sam = (await api.orgSearch('Sam Rivera', 5))[0].id;
  agent = (await api.orgSearch('Triage Agent', 5))[0].id;
});

const rate = (stage: Stage, slowdown: number, ai_use: number, owner_id: number | null = null): StageInput => ({
  stage,
  slowdown,
  ai_use,
  owner_id,
  next_change: '',
});

describe('mock host: audits', () => {
  it('serves the six stages and both scales', async () => {
    const s = await api.auditScales();
    expect(s.stages.map((x) => x.stage)).toEqual(['planning', 'strategy', 'prioritization', 'bug_fixing', 'code_generation', 'code_review']);
    expect([s.slowdown[0], s.slowdown[4], s.ai_use[4], s.bottleneck_from]).toEqual(['Not a bottleneck', 'The main bottleneck', 'Agents do it, people review', 2]);
  });

  it('ranks the worst bottlenecks and compares with the previous audit of the scope', async () => {
    const scope = { kind: 'person' as const, id: sam };
    const first = await api.auditCreate({ scope, taken_on: '2026-09-01', note: '', stages: [rate('code_review', 4, 1), rate('bug_fixing', 1, 0)] });
    expect(first.previous).toBeNull();
    const later = await api.auditCreate({
      scope,
      taken_on: '2026-10-01',
      note: ' trial ',
      stages: [
        rate('code_review', 4, 3, agent),
        rate('planning', 1, 0),
        rate('strategy', 3, 2),
        rate('prioritization', 2, 0),
        rate('bug_fixing', 3, 1),
        rate('code_generation', 0, 4),
      ],
    });
    // By hand: review (4); strategy and bug fixing tie at 3, bug fixing has less AI; prioritization (2) is fourth.
    expect(later.worst).toEqual(['code_review', 'bug_fixing', 'strategy']);
    expect(later.stages.map((s) => s.stage)).toEqual(['planning', 'strategy', 'prioritization', 'bug_fixing', 'code_generation', 'code_review']);
    expect(later.stages.map((s) => s.rank)).toEqual([null, 3, null, 2, null, 1]);
    expect(later.previous).toEqual({ id: first.id, taken_on: '2026-09-01' });
    const review = later.stages[5];
    expect([review.previous_slowdown, review.previous_ai_use, review.owner_kind, review.owner_name]).toEqual([4, 1, 'agent', 'Triage Agent']);
    expect(later.stages[0].previous_slowdown).toBeNull();
    expect(later.note).toBe('trial');
    const list = await api.auditList(scope);
    expect(list.map((a) => [a.taken_on, a.total_slowdown, a.worst, a.stages_rated])).toEqual([
      ['2026-10-01', 13, 'Code review', 6],
      ['2026-09-01', 5, 'Code review', 2],
    ]);
  });

  it('names every problem and saves nothing', async () => {
    const before = (await api.auditList(null)).length;
    const err = (await api
      .auditCreate({ scope: { kind: 'team', id: 999 }, taken_on: '2026-02-30', note: '', stages: [rate('planning', 5, 0, 99999), rate('planning', 1, 9)] })
      .catch((e: unknown) => e)) as api.ApiError;
    expect(err.kind).toBe('invalid_input');
    for (const part of ['2026-02-30', 'no team with id 999', 'rated twice', 'slowdown 5', 'AI use 9', 'id 99999']) expect(err.message).toContain(part);
    expect((await api.auditList(null)).length).toBe(before);
  });

  it('deletes and restores an audit under the same id', async () => {
    const teams = await api.teamList();
    const made = await api.auditCreate({ scope: { kind: 'team', id: teams[0].id }, taken_on: '2026-10-05', note: '', stages: [rate('strategy', 2, 2)] });
    expect(made.scope_name).toBe(`team ${teams[0].name}`);
    const deleted = await api.auditDelete(made.id);
    expect((await api.auditGet(made.id).catch((e: unknown) => e)) as api.ApiError).toMatchObject({ kind: 'not_found' });
    expect(await api.auditRestore(deleted)).toEqual(made);
    expect(((await api.auditRestore(deleted).catch((e: unknown) => e)) as api.ApiError).kind).toBe('conflict');
  });
});

describe('mock host: audits into plans', () => {
  it("adds the worst bottlenecks to a plan once, in the core's words", async () => {
    let ic: number | null = null;
    for (const n of (await api.orgSearch('Engineer', 200)).filter((x) => x.kind === 'human' && x.span === 0)) {
      const list = await api.assessmentList(n.id, 'ai-native-ic-leader');
      if (list.some((a) => a.assessor_role === 'self' || a.assessor_role === 'manager')) {
        ic = n.id;
        break;
      }
    }
    expect(ic).not.toBeNull();
    const profile = (await api.profileList('ai-native-ic-leader')).find((p) => p.key === 'ic-leader')!;
    const plan = await api.planCreate({ person_id: ic!, profile_id: profile.id, start_date: '2026-01-05', moves: [], direction: null, reports_stay: false });
    const audit = await api.auditCreate({
      scope: { kind: 'person', id: ic! },
      taken_on: '2026-01-10',
      note: '',
      stages: [{ ...rate('code_review', 4, 1, agent), next_change: 'Agents review first' }, rate('planning', 2, 0), rate('strategy', 1, 0)],
    });
    const fed = await api.planAddAuditActions(plan.id, audit.id);
    expect([fed.added, fed.already_there]).toEqual([2, 0]);
    const items = fed.plan.items.filter((i) => i.audit_id === audit.id);
    expect(items.map((i) => [i.stage, i.phase, i.kind, i.title])).toEqual([
      ['code_review', 1, 'reviews', 'Code review: try "Agents review first"'],
      ['planning', 1, 'hands_on', 'Planning: find one change that removes the slowdown, and try it for two weeks'],
    ]);
    expect(items[0].done_when).toBe(
      'Agreed with Triage Agent, who owns code review; the change has run for two weeks, and the next audit rates the code review slowdown below "The main bottleneck".',
    );
    expect(await api.planAddAuditActions(plan.id, audit.id)).toMatchObject({ added: 0, already_there: 2 });
  });
});
