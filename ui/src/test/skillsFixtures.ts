// Hand-written host answers left for FrameworksPane.test.ts alone, which is
// being merged with the framework view and export dialog tests elsewhere: once
// that lands, it moves onto the core's fixtures (test/core.ts) like every other
// test, and this file goes. Do not use it in new tests.
import type { Framework } from '../lib/bindings/Framework';
import type { FrameworkFile } from '../lib/bindings/FrameworkFile';
import type { FrameworkSummary } from '../lib/bindings/FrameworkSummary';
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
