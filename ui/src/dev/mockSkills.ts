// The skills half of the mock host (`npm run dev:mock`): frameworks with
// versions, role profiles, assessments, gaps, history and the heatmap, kept
// in memory and following the same rules as leadline-core closely enough to
// look at the screens. The built-in framework is the real one from the core.
import builtinFile from '../../../src-tauri/core/src/skills/builtin/ai-native-ic-leader.json';
import type { Assessment } from '../lib/bindings/Assessment';
import type { AssessmentInput } from '../lib/bindings/AssessmentInput';
import type { AssessorRole } from '../lib/bindings/AssessorRole';
import type { Comparison } from '../lib/bindings/Comparison';
import type { Framework } from '../lib/bindings/Framework';
import type { FrameworkFile } from '../lib/bindings/FrameworkFile';
import type { FrameworkImportPreview } from '../lib/bindings/FrameworkImportPreview';
import type { FrameworkSummary } from '../lib/bindings/FrameworkSummary';
import type { GapReport } from '../lib/bindings/GapReport';
import type { GapRow } from '../lib/bindings/GapRow';
import type { Heatmap } from '../lib/bindings/Heatmap';
import type { HeatmapScope } from '../lib/bindings/HeatmapScope';
import type { ProfileFile } from '../lib/bindings/ProfileFile';
import type { RoleProfile } from '../lib/bindings/RoleProfile';
import type { SaveOutcome } from '../lib/bindings/SaveOutcome';
import type { SkillHistory } from '../lib/bindings/SkillHistory';
import type { DeletedAssessment } from '../lib/bindings/DeletedAssessment';
import { markUndone, keepUndo, mockWrite, undoRecord } from './mockShared';

type Args = Record<string, unknown>;

export interface SkillsHost {
  /** Name and title of a person, or null when there is no such person. */
  person(id: number): { name: string; title: string } | null;
  subtreeHumans(id: number): number[];
  teamMembers(teamId: number): number[];
  humans(): number[];
  fail(kind: string, message: string, problems?: { line: null; message: string; people: string[] }[]): never;
}

const NOT_HANDLED = Symbol('not handled');

let frameworks: Framework[] = [];
let profiles: RoleProfile[] = [];
let assessments: Assessment[] = [];
let nextId = 1;

const isKey = (t: string) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(t);

function problemsOf(file: FrameworkFile): string[] {
  const p: string[] = [];
  if (file.format !== 'leadline-framework') p.push(`format is "${file.format}", expected "leadline-framework"`);
  if (!isKey(file.key)) p.push(`key "${file.key}" must be lowercase letters, digits and dashes`);
  if (!file.name.trim()) p.push('name is empty');
  if (file.scale.length !== 5 || file.scale.some((l) => !l.trim())) p.push(`scale must have 5 non-empty labels, it has ${file.scale.length}`);
  if (file.areas.length === 0) p.push('areas is empty: a framework needs at least one area with a skill');
  const areaKeys = new Set<string>();
  const skillKeys = new Set<string>();
  file.areas.forEach((area, a) => {
    if (!isKey(area.key)) p.push(`areas[${a}]: key "${area.key}" must be lowercase letters, digits and dashes`);
    else if (areaKeys.has(area.key)) p.push(`areas[${a}]: area key "${area.key}" is used twice`);
    areaKeys.add(area.key);
    if (!area.name.trim()) p.push(`areas[${a}]: name is empty`);
    if (area.skills.length === 0) p.push(`areas[${a}] (${area.name}): has no skills`);
    area.skills.forEach((skill, s) => {
      const at = `areas[${a}].skills[${s}]`;
      if (!isKey(skill.key)) p.push(`${at}: key "${skill.key}" must be lowercase letters, digits and dashes`);
      else if (skillKeys.has(skill.key)) p.push(`${at}: skill key "${skill.key}" is used twice`);
      skillKeys.add(skill.key);
      if (!skill.name.trim()) p.push(`${at}: name is empty`);
      skill.levels.forEach((l, i) => {
        if (!l.trim()) p.push(`${at} (${skill.name}): level ${i + 1} has no description`);
      });
    });
  });
  for (const prof of file.profiles) {
    for (const [k, v] of Object.entries(prof.targets)) {
      if (!skillKeys.has(k)) p.push(`profile ${prof.name}: target for unknown skill "${k}"`);
      if (v < 1 || v > 5) p.push(`profile ${prof.name}: target ${v} for "${k}" is outside the scale 1–5`);
    }
  }
  return p;
}

function store(file: FrameworkFile, builtin: boolean, replaceId: number | null, version: number): Framework {
  const f: Framework = {
    id: replaceId ?? nextId++,
    key: file.key,
    version,
    name: file.name.trim(),
    description: file.description.trim(),
    scale: file.scale.map((l) => l.trim()),
    builtin,
    areas: file.areas.map((a) => ({
      key: a.key,
      name: a.name.trim(),
      skills: a.skills.map((s) => ({ id: nextId++, key: s.key, name: s.name.trim(), description: s.description.trim(), levels: s.levels.map((l) => l.trim()) })),
    })),
  };
  frameworks = frameworks.filter((x) => x.id !== f.id).concat(f);
  return f;
}

function writeProfile(key: string, p: ProfileFile, builtin: boolean, host: SkillsHost): RoleProfile {
  const existing = profiles.find((x) => x.framework_key === key && x.key === p.key);
  if (existing?.builtin && !builtin) host.fail('conflict', `"${p.name}" is a built-in profile and cannot be changed; save it under a new key`);
  const saved: RoleProfile = { id: existing?.id ?? nextId++, framework_key: key, key: p.key, name: p.name.trim(), description: p.description.trim(), builtin, targets: { ...p.targets } };
  profiles = existing ? profiles.map((x) => (x.id === saved.id ? saved : x)) : [...profiles, saved];
  return saved;
}

function save(file: FrameworkFile, builtin: boolean, host: SkillsHost): Framework {
  const problems = problemsOf(file);
  if (problems.length) host.fail('framework_invalid', `The framework has ${problems.length} problem(s).`, problems.map((message) => ({ line: null, message, people: [] })));
  const latest = latestOf(file.key);
  if (latest?.builtin && !builtin) host.fail('conflict', `"${file.name}" is a built-in framework and cannot be changed; save it under a new key to make your own`);
  let f: Framework;
  if (!latest) f = store(file, builtin, null, Math.max(1, file.version));
  else if (assessments.some((a) => a.framework_id === latest.id)) f = store(file, builtin, null, latest.version + 1);
  else f = store(file, builtin, latest.id, latest.version);
  for (const p of file.profiles) writeProfile(file.key, p, builtin, host);
  return f;
}

function latestOf(key: string): Framework | undefined {
  return frameworks.filter((f) => f.key === key).sort((a, b) => b.version - a.version)[0];
}

function get(id: number, host: SkillsHost): Framework {
  return frameworks.find((f) => f.id === id) ?? host.fail('not_found', `no framework with id ${id}`);
}

function documentOf(f: Framework): FrameworkFile {
  return {
    format: 'leadline-framework',
    format_version: 1,
    key: f.key,
    name: f.name,
    version: f.version,
    description: f.description,
    scale: [...f.scale],
    areas: f.areas.map((a) => ({ key: a.key, name: a.name, skills: a.skills.map((s) => ({ key: s.key, name: s.name, description: s.description, levels: [...s.levels] })) })),
    profiles: profiles.filter((p) => p.framework_key === f.key).map((p) => ({ key: p.key, name: p.name, description: p.description, targets: { ...p.targets } })),
  };
}

const skillsOf = (f: Framework) => f.areas.flatMap((a) => a.skills.map((s) => ({ area: a, skill: s })));

function listFor(personId: number, key: string | null): Assessment[] {
  return assessments
    .filter((a) => a.person_id === personId && (key === null || a.framework_key === key))
    .sort((a, b) => b.assessed_on.localeCompare(a.assessed_on) || b.id - a.id);
}

function create(input: AssessmentInput, host: SkillsHost): Assessment {
  const f = get(input.framework_id, host);
  if (!host.person(input.person_id)) host.fail('not_found', `no person with id ${input.person_id}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.assessed_on.trim())) host.fail('invalid_input', `"${input.assessed_on}" is not a date (YYYY-MM-DD)`);
  if (input.ratings.length === 0) host.fail('invalid_input', 'an assessment needs at least one rating');
  const byKey = new Map(skillsOf(f).map(({ skill }) => [skill.key, skill]));
  for (const r of input.ratings) {
    if (!byKey.has(r.skill_key)) host.fail('invalid_input', `"${r.skill_key}" is not a skill of ${f.name} version ${f.version}`);
    if (r.level < 1 || r.level > 5) host.fail('invalid_input', `rating ${r.level} for "${r.skill_key}" is outside the scale 1–5`);
  }
  const order = skillsOf(f).map(({ skill }) => skill.key);
  const a: Assessment = {
    id: nextId++,
    person_id: input.person_id,
    framework_id: f.id,
    framework_key: f.key,
    framework_version: f.version,
    assessor_role: input.assessor_role,
    assessor_name: input.assessor_name.trim(),
    assessed_on: input.assessed_on.trim(),
    round: input.round.trim(),
    note: input.note.trim(),
    ratings: input.ratings
      .map((r) => ({ skill_key: r.skill_key, skill_name: byKey.get(r.skill_key)!.name, level: r.level, interest: r.interest, note: r.note.trim() }))
      .sort((x, y) => order.indexOf(x.skill_key) - order.indexOf(y.skill_key)),
  };
  assessments.push(a);
  return a;
}

function compare(selfId: number, managerId: number, host: SkillsHost): Comparison {
  const s = assessments.find((a) => a.id === selfId) ?? host.fail('not_found', `no assessment with id ${selfId}`);
  const m = assessments.find((a) => a.id === managerId) ?? host.fail('not_found', `no assessment with id ${managerId}`);
  const f = latestOf(s.framework_key)!;
  return {
    self_assessment_id: s.id,
    manager_assessment_id: m.id,
    skills: skillsOf(f).map(({ area, skill }) => {
      const sr = s.ratings.find((r) => r.skill_key === skill.key);
      const mr = m.ratings.find((r) => r.skill_key === skill.key);
      return {
        area: area.name,
        skill_key: skill.key,
        skill_name: skill.name,
        self_level: sr?.level ?? null,
        manager_level: mr?.level ?? null,
        difference: sr && mr ? mr.level - sr.level : null,
        self_note: sr?.note ?? '',
        manager_note: mr?.note ?? '',
      };
    }),
  };
}

function gaps(personId: number, profileId: number, host: SkillsHost): GapReport {
  const profile = profiles.find((p) => p.id === profileId) ?? host.fail('not_found', `no role profile with id ${profileId}`);
  const f = latestOf(profile.framework_key)!;
  const list = listFor(personId, f.key);
  const selves = list.filter((a) => a.assessor_role === 'self');
  const managers = list.filter((a) => a.assessor_role === 'manager');
  const previous = managers[0] ? managers[1] : selves[1];
  const lv = (a: Assessment | undefined, k: string) => a?.ratings.find((r) => r.skill_key === k)?.level ?? null;
  const skills: GapRow[] = skillsOf(f).map(({ area, skill }) => {
    const self = lv(selves[0], skill.key);
    const manager = lv(managers[0], skill.key);
    const current = manager ?? self;
    const target = profile.targets[skill.key] ?? null;
    const interests = [selves[0], managers[0]].map((a) => a?.ratings.find((r) => r.skill_key === skill.key)?.interest ?? null).filter((i): i is number => i !== null);
    return {
      area: area.name,
      skill_key: skill.key,
      skill_name: skill.name,
      target,
      current,
      self_level: self,
      manager_level: manager,
      previous_level: lv(previous, skill.key),
      gap: current !== null && target !== null ? Math.max(0, target - current) : null,
      interest: interests.length ? Math.max(...interests) : null,
    };
  });
  return {
    person_id: personId,
    profile,
    framework_name: f.name,
    scale: f.scale,
    self_assessed_on: selves[0]?.assessed_on ?? null,
    manager_assessed_on: managers[0]?.assessed_on ?? null,
    previous_assessed_on: previous?.assessed_on ?? null,
    skills,
    gaps: skills.filter((r) => (r.gap ?? 0) > 0).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || (b.interest ?? 0) - (a.interest ?? 0)),
  };
}

function history(personId: number, key: string, host: SkillsHost): SkillHistory[] {
  const f = latestOf(key) ?? host.fail('not_found', `no framework with key "${key}"`);
  const list = listFor(personId, key).reverse();
  return skillsOf(f).map(({ skill }) => ({
    skill_key: skill.key,
    skill_name: skill.name,
    points: list.flatMap((a) => {
      const r = a.ratings.find((x) => x.skill_key === skill.key);
      return r
        ? [{ assessment_id: a.id, round: a.round, framework_version: a.framework_version, assessed_on: a.assessed_on, assessor_role: a.assessor_role, level: r.level }]
        : [];
    }),
  }));
}

function heatmap(scope: HeatmapScope, key: string, profileId: number | null, host: SkillsHost): Heatmap {
  const f = latestOf(key) ?? host.fail('not_found', `no framework with key "${key}"`);
  const profile = profileId === null ? null : (profiles.find((p) => p.id === profileId) ?? host.fail('not_found', `no role profile with id ${profileId}`));
  const people = scope.kind === 'subtree' ? host.subtreeHumans(scope.person_id) : host.teamMembers(scope.team_id);
  const skills = skillsOf(f);
  const index = new Map(skills.map(({ skill }, i) => [skill.key, i]));
  const latest = new Map<number, (number | null)[]>();
  const ordered = assessments
    .filter((a) => a.framework_key === key)
    .sort((a, b) => a.assessed_on.localeCompare(b.assessed_on) || Number(a.assessor_role === 'manager') - Number(b.assessor_role === 'manager') || a.id - b.id);
  for (const a of ordered) {
    const cells = latest.get(a.person_id) ?? Array(skills.length).fill(null);
    for (const r of a.ratings) {
      const i = index.get(r.skill_key);
      if (i !== undefined) cells[i] = r.level;
    }
    latest.set(a.person_id, cells);
  }
  const rows = people.flatMap((id) => {
    const p = host.person(id);
    return p ? [{ person_id: id, name: p.name, title: p.title, levels: latest.get(id) ?? Array(skills.length).fill(null) }] : [];
  });
  const hs = skills.map(({ area, skill }, i) => {
    const levels = rows.map((r) => r.levels[i]).filter((l): l is number => l !== null);
    const target = profile?.targets[skill.key] ?? null;
    return {
      key: skill.key,
      name: skill.name,
      area: area.name,
      target,
      average: levels.length ? levels.reduce((x, y) => x + y, 0) / levels.length : null,
      rated: levels.length,
      at_target: target === null ? 0 : levels.filter((l) => l >= target).length,
    };
  });
  return { framework_name: f.name, scale: [...f.scale], skills: hs, rows, nobody_at_target: hs.filter((s) => s.target !== null && s.at_target === 0).map((s) => s.key) };
}

/** Fills the store: the built-in framework, a user framework, and two rounds of assessments for most people. */
export function seedSkills(host: SkillsHost, rand: () => number): void {
  frameworks = [];
  profiles = [];
  assessments = [];
  nextId = 1;
  const fw = save(builtinFile as FrameworkFile, true, host);
  const small: FrameworkFile = {
    format: 'leadline-framework',
    format_version: 1,
    key: 'platform-craft',
    name: 'Platform craft',
    version: 1,
    description: 'A small team framework for platform engineers.',
    scale: ['Aware', 'Working', 'Practised', 'Expert', 'Authority'],
    areas: [
      {
        key: 'operations',
        name: 'Operations',
        skills: [
          { key: 'incident-response', name: 'Incident response', description: 'Running and learning from incidents.', levels: ['Joins incidents.', 'Handles pages alone.', 'Leads incidents.', 'Improves the process.', 'Sets the org practice.'] },
          { key: 'capacity-planning', name: 'Capacity planning', description: '', levels: ['Reads dashboards.', 'Forecasts one service.', 'Plans for a team.', 'Plans across teams.', 'Owns the org plan.'] },
        ],
      },
    ],
    profiles: [{ key: 'platform-senior', name: 'Senior platform engineer', description: '', targets: { 'incident-response': 3, 'capacity-planning': 3 } }],
  };
  save(small, false, host);
  const keys = skillsOf(fw).map(({ skill }) => skill.key);
  const people = host.humans();
  people.forEach((id, n) => {
    if (n % 7 === 6) return; // some people are not assessed yet
    const base = keys.map(() => 1 + Math.floor(rand() * 4));
    const rounds: [string, string][] = n % 3 === 0 ? [['2025-H2', '2025-11-'], ['2026-H1', '2026-04-']] : [['2026-H1', '2026-04-']];
    rounds.forEach(([round, month], r) => {
      for (const role of ['self', 'manager'] as AssessorRole[]) {
        if (role === 'self' && n % 5 === 4) continue;
        const day = String(10 + Math.floor(rand() * 15)).padStart(2, '0');
        create(
          {
            person_id: id,
            framework_id: fw.id,
            assessor_role: role,
            assessor_name: role === 'self' ? '' : 'Their manager',
            assessed_on: `${month}${day}`,
            round,
            note: '',
            ratings: keys.map((k, i) => ({
              skill_key: k,
              level: Math.max(1, Math.min(5, base[i] + r + (role === 'self' ? Math.floor(rand() * 3) - 1 : 0))),
              interest: Math.floor(rand() * 3),
              note: rand() < 0.1 ? 'Led the rollout of the review agent.' : '',
            })),
          },
          host,
        );
      }
    });
  });
}

function summaryOf(f: Framework): FrameworkSummary {
  return {
    id: f.id,
    key: f.key,
    version: f.version,
    name: f.name,
    builtin: f.builtin,
    skills: skillsOf(f).length,
    assessments: assessments.filter((x) => x.framework_id === f.id).length,
  };
}

/**
 * The document a framework file path stands for: a copy of "Platform craft"
 * keyed by the file name, so `platform-craft.json` targets the stored one and
 * `ai-native-ic-leader.json` the built-in; "missing" and "bad" paths fail.
 */
function importedFile(path: string, host: SkillsHost): FrameworkFile {
  if (path.includes('missing')) host.fail('io', `cannot read ${path}: No such file or directory (os error 2)`);
  if (path.includes('bad')) {
    host.fail('framework_invalid', 'The framework file has 2 problems.', [
      { line: null, message: 'areas[0].skills[1] (Pairing): needs 5 level descriptions, has 3', people: [] },
      { line: null, message: 'profiles[0] (Lead): target 7 for "pairing" is outside the scale 1–5', people: [] },
    ]);
  }
  const base = path.split('/').pop()!.replace(/\.json$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'imported';
  const doc = documentOf(latestOf('platform-craft')!);
  const existing = latestOf(base);
  return { ...doc, key: base, name: existing?.name ?? `Imported ${base}`, profiles: [] };
}

export function handleSkills(cmd: string, a: Args, host: SkillsHost): unknown {
  const num = (k: string) => a[k] as number;
  switch (cmd) {
    case 'framework_list':
      return frameworks
        .map(summaryOf)
        .sort((x, y) => Number(y.builtin) - Number(x.builtin) || x.name.localeCompare(y.name) || x.key.localeCompare(y.key) || y.version - x.version);
    case 'framework_get':
      return get(num('id'), host);
    case 'framework_document':
      return documentOf(get(num('id'), host));
    case 'framework_save':
      return save(a.file as FrameworkFile, false, host);
    case 'framework_pick_file':
      return '/home/me/Downloads/framework.json';
    case 'framework_import_preview': {
      const file = importedFile(String(a.path), host);
      const problems = problemsOf(file);
      if (problems.length) host.fail('framework_invalid', `The framework has ${problems.length} problem(s).`, problems.map((message) => ({ line: null, message, people: [] })));
      const latest = latestOf(file.key);
      const existing = latest ? summaryOf(latest) : null;
      const outcome: SaveOutcome = !existing ? 'create' : existing.builtin ? 'refused_builtin' : existing.assessments > 0 ? 'new_version' : 'replace';
      return { file, existing, outcome } satisfies FrameworkImportPreview;
    }
    case 'framework_import':
      return save(importedFile(String(a.path), host), false, host);
    case 'framework_export_pick':
      return `/home/me/Downloads/${get(num('id'), host).key}.json`;
    case 'framework_export_write':
      get(num('id'), host);
      return mockWrite(String(a.path), a.overwrite, host.fail);
    case 'profile_list':
      return profiles.filter((p) => p.framework_key === a.frameworkKey).sort((x, y) => Number(y.builtin) - Number(x.builtin) || x.id - y.id);
    case 'profile_save': {
      const key = String(a.frameworkKey);
      const p = a.profile as ProfileFile;
      const f = latestOf(key) ?? host.fail('not_found', `no framework with key "${key}"`);
      const skillKeys = new Set(skillsOf(f).map(({ skill }) => skill.key));
      const problems: string[] = [];
      if (!isKey(p.key)) problems.push(`profile: key "${p.key}" must be lowercase letters, digits and dashes`);
      if (!p.name.trim()) problems.push('profile: name is empty');
      for (const k of Object.keys(p.targets)) if (!skillKeys.has(k)) problems.push(`profile (${p.name}): target for unknown skill "${k}"`);
      if (problems.length) host.fail('framework_invalid', 'The profile has problems.', problems.map((message) => ({ line: null, message, people: [] })));
      return writeProfile(key, p, false, host);
    }
    case 'profile_delete': {
      const p = profiles.find((x) => x.id === num('id')) ?? host.fail('not_found', 'no such profile');
      if (p.builtin) host.fail('conflict', `"${p.name}" is a built-in profile and cannot be deleted`);
      profiles = profiles.filter((x) => x.id !== p.id);
      return null;
    }
    case 'assessment_create':
      return create(a.input as AssessmentInput, host);
    case 'assessment_list':
      return listFor(num('personId'), (a.frameworkKey as string | null) ?? null);
    case 'assessment_delete': {
      const found = assessments.find((x) => x.id === num('id')) ?? host.fail('not_found', `no assessment with id ${num('id')}`);
      assessments = assessments.filter((x) => x !== found);
      return { undo_id: keepUndo('assessment', found), assessment: found } satisfies DeletedAssessment;
    }
    case 'assessment_restore': {
      const back = undoRecord<Assessment>('assessment', a.undoId, host.fail);
      if (assessments.some((x) => x.id === back.id)) host.fail('conflict', `the assessment of ${back.assessed_on} is already there`);
      if (!host.person(back.person_id)) host.fail('conflict', `the person assessed on ${back.assessed_on} has been deleted since`);
      assessments.push(back);
      markUndone(a.undoId);
      return back;
    }
    case 'assessment_compare':
      return compare(num('selfId'), num('managerId'), host);
    case 'gap_analysis':
      return gaps(num('personId'), num('profileId'), host);
    case 'skill_history':
      return history(num('personId'), String(a.frameworkKey), host);
    case 'team_heatmap':
      return heatmap(a.scope as HeatmapScope, String(a.frameworkKey), (a.profileId as number | null) ?? null, host);
    default:
      return NOT_HANDLED;
  }
}

export function isHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}
