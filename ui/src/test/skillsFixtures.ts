// Host answers for the Skills component tests: a small framework of three
// skills in two areas, its profiles, assessments and what is read from them.
import type { Assessment } from '../lib/bindings/Assessment';
import type { Framework } from '../lib/bindings/Framework';
import type { FrameworkFile } from '../lib/bindings/FrameworkFile';
import type { FrameworkSummary } from '../lib/bindings/FrameworkSummary';
import type { GapReport } from '../lib/bindings/GapReport';
import type { GapRow } from '../lib/bindings/GapRow';
import type { Heatmap } from '../lib/bindings/Heatmap';
import type { RoleProfile } from '../lib/bindings/RoleProfile';

export const SCALE = ['Learning', 'Practicing', 'Proficient', 'Leading', 'Shaping'];

const levels = (name: string) => [1, 2, 3, 4, 5].map((l) => `${name} at level ${l}.`);

export function framework(over: Partial<Framework> = {}): Framework {
  return {
    id: 1,
    key: 'ai-native-ic-leader',
    version: 1,
    name: 'AI-native IC leader',
    description: 'Leading through agents and people.',
    scale: SCALE,
    builtin: true,
    areas: [
      {
        key: 'directing-work',
        name: 'Directing work',
        skills: [
          { id: 11, key: 'delegating-work', name: 'Delegating to people and agents', description: 'Handing off.', levels: levels('Delegating') },
          { id: 12, key: 'decomposing-work', name: 'Breaking down big work', description: '', levels: levels('Decomposing') },
        ],
      },
      {
        key: 'leading-people',
        name: 'Leading people',
        skills: [{ id: 13, key: 'coaching', name: 'Coaching', description: '', levels: levels('Coaching') }],
      },
    ],
    ...over,
  };
}

export function frameworkFile(over: Partial<FrameworkFile> = {}): FrameworkFile {
  const f = framework();
  return {
    format: 'leadline-framework',
    format_version: 1,
    key: f.key,
    name: f.name,
    version: f.version,
    description: f.description,
    scale: [...f.scale],
    areas: f.areas.map((a) => ({ key: a.key, name: a.name, skills: a.skills.map((s) => ({ key: s.key, name: s.name, description: s.description, levels: [...s.levels] })) })),
    profiles: [{ key: 'ic-leader', name: 'IC leader', description: '', direction: 'to_ic', targets: { 'delegating-work': 4, 'decomposing-work': 4, coaching: 3 } }],
    ...over,
  };
}

export function summaries(): FrameworkSummary[] {
  return [
    { id: 1, key: 'ai-native-ic-leader', version: 1, name: 'AI-native IC leader', builtin: true, skills: 3, assessments: 4 },
    { id: 7, key: 'platform-craft', version: 2, name: 'Platform craft', builtin: false, skills: 2, assessments: 0 },
    { id: 5, key: 'platform-craft', version: 1, name: 'Platform craft', builtin: false, skills: 2, assessments: 3 },
  ];
}

export function profiles(): RoleProfile[] {
  return [
    { id: 21, framework_key: 'ai-native-ic-leader', key: 'engineering-manager', name: 'Engineering manager', description: '', builtin: true, direction: 'to_manager', targets: { 'delegating-work': 4, 'decomposing-work': 3, coaching: 4 } },
    { id: 22, framework_key: 'ai-native-ic-leader', key: 'ic-leader', name: 'IC leader', description: '', builtin: true, direction: 'to_ic', targets: { 'delegating-work': 4, 'decomposing-work': 4, coaching: 3 } },
    { id: 30, framework_key: 'ai-native-ic-leader', key: 'my-lead', name: 'My lead', description: 'Ours', builtin: false, direction: 'to_ic', targets: { coaching: 2 } },
  ];
}

export function assessment(over: Partial<Assessment> = {}): Assessment {
  return {
    id: 100,
    person_id: 4,
    framework_id: 1,
    framework_key: 'ai-native-ic-leader',
    framework_version: 1,
    assessor_role: 'self',
    assessor_name: '',
    assessed_on: '2026-03-01',
    round: '2026-H1',
    note: '',
    ratings: [
      { skill_key: 'delegating-work', skill_name: 'Delegating to people and agents', level: 2, interest: 2, note: 'Still redo agent output' },
      { skill_key: 'decomposing-work', skill_name: 'Breaking down big work', level: 3, interest: null, note: '' },
    ],
    ...over,
  };
}

export function gapRow(over: Partial<GapRow>): GapRow {
  return {
    area: 'Directing work',
    skill_key: 'delegating-work',
    skill_name: 'Delegating to people and agents',
    target: 4,
    current: 2,
    self_level: 3,
    manager_level: 2,
    previous_level: 1,
    gap: 2,
    interest: 2,
    ...over,
  };
}

export function gapReport(over: Partial<GapReport> = {}): GapReport {
  const skills = [
    gapRow({}),
    gapRow({ skill_key: 'decomposing-work', skill_name: 'Breaking down big work', target: 4, current: 3, self_level: 3, manager_level: 3, previous_level: 2, gap: 1, interest: 0 }),
    gapRow({ area: 'Leading people', skill_key: 'coaching', skill_name: 'Coaching', target: 3, current: 4, self_level: 4, manager_level: 4, previous_level: null, gap: 0, interest: null }),
  ];
  return {
    person_id: 4,
    profile: profiles()[1],
    framework_name: 'AI-native IC leader',
    scale: SCALE,
    self_assessed_on: '2026-03-01',
    manager_assessed_on: '2026-03-05',
    previous_assessed_on: '2025-10-01',
    skills,
    gaps: [skills[0], skills[1]],
    ...over,
  };
}

/** `people` rows over `skills` skills; person i has level (i + s) % 5 + 1 in skill s, and person 0 is unrated in skill 0. */
export function heatmap(people: number, skillCount = 15, over: Partial<Heatmap> = {}): Heatmap {
  const skills = Array.from({ length: skillCount }, (_, s) => ({
    key: `skill-${s}`,
    name: `Skill number ${s}`,
    area: s < 5 ? 'Area A' : 'Area B',
    target: s === 0 ? 5 : s === 1 ? 2 : null,
    average: 3,
    rated: people,
    at_target: s === 0 ? 0 : people,
  }));
  const rows = Array.from({ length: people }, (_, i) => ({
    person_id: i + 1,
    name: `Person ${String(i).padStart(4, '0')}`,
    title: i % 2 ? 'Engineer' : 'Manager',
    levels: skills.map((_, s) => (i === 0 && s === 0 ? null : ((i + s) % 5) + 1)),
  }));
  return { framework_name: 'AI-native IC leader', scale: SCALE, skills, rows, nobody_at_target: ['skill-0'], ...over };
}
