// A fake Tauri host for `npm run dev:mock`: an in-memory org behind the same
// commands as the Rust side, so the UI can be run and looked at in a plain
// browser. Only loaded in mock mode; never part of the real build.
import type { DeletedPerson } from '../lib/bindings/DeletedPerson';
import type { ImportOptions } from '../lib/bindings/ImportOptions';
import type { ImportPreview } from '../lib/bindings/ImportPreview';
import type { ImportProgress } from '../lib/bindings/ImportProgress';
import type { Metrics } from '../lib/bindings/Metrics';
import type { OrgChildren } from '../lib/bindings/OrgChildren';
import type { OrgNode } from '../lib/bindings/OrgNode';
import type { Person } from '../lib/bindings/Person';
import type { PersonInput } from '../lib/bindings/PersonInput';
import type { ReportsDestination } from '../lib/bindings/ReportsDestination';
import type { RoleTrack } from '../lib/bindings/RoleTrack';
import type { Team } from '../lib/bindings/Team';
import type { Thresholds } from '../lib/bindings/Thresholds';
import type { WorkspaceInfo } from '../lib/bindings/WorkspaceInfo';
import type { GapReport } from '../lib/bindings/GapReport';
import { handleSkills, isHandled, seedSkills, type SkillsHost } from './mockSkills';
import { handleAudit, isAuditHandled, resetAudit } from './mockAudit';
import { handleTemplates, isTemplatesHandled, resetTemplates } from './mockTemplates';
import { handleTransition, hasPlan, isTransitionHandled, resetTransition, type TransitionHost } from './mockTransition';
import { markUndone, keepUndo, mockWrite, openedWorkspace, undoRecord } from './mockShared';

type Row = Omit<Person, 'team' | 'manager_name' | 'direct_reports' | 'agents_supervised' | 'disambiguation'>;
type Args = Record<string, unknown>;

class HostError {
  constructor(
    public kind: string,
    public message: string,
    public problems?: unknown[],
  ) {}
}

let rows = new Map<number, Row>();
let teams = new Map<number, { id: number; name: string }>();
let thresholds: Thresholds = { narrow_span_max: 2, wide_span_min: 15 };
let info: WorkspaceInfo | null = null;
let nextId = 1;
let kids = new Map<number | null, number[]>();

function rebuild() {
  kids = new Map();
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const r of sorted) {
    const list = kids.get(r.manager_id) ?? [];
    list.push(r.id);
    kids.set(r.manager_id, list);
  }
  if (info) info = { ...info, people: rows.size, teams: teams.size };
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Alan', 'Radia', 'Edsger', 'Hedy', 'Donald', 'Katherine', 'Niklaus', 'Sophie', 'Tim', 'Anita', 'Guido', 'Lynn'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Turing', 'Perlman', 'Dijkstra', 'Lamarr', 'Knuth', 'Johnson', 'Wirth', 'Wilson', 'Berners', 'Borg', 'Rossum', 'Conway'];

function seedDemo() {
  rows = new Map();
  teams = new Map();
  nextId = 1;
  const rand = rng(42);
  const name = () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
  const teamNames = ['Platform', 'Payments', 'Search', 'Mobile', 'Data', 'Security', 'Growth', 'Infra'];
  teamNames.forEach((n, i) => teams.set(i + 1, { id: i + 1, name: n }));
  const add = (n: string, title: string, manager: number | null, role: RoleTrack | null, team: number | null, kind: 'human' | 'agent' = 'human') => {
    const id = nextId++;
    rows.set(id, {
      id,
      ext_id: `E${1000 + id}`,
      name: n,
      title,
      kind,
      role_track: role,
      level: kind === 'agent' ? '' : `L${3 + Math.floor(rand() * 5)}`,
      team_id: team,
      email: kind === 'agent' ? '' : `${n.toLowerCase().replace(/[^a-z]+/g, '.')}.${id}@example.com`,
      manager_id: manager,
      attributes: { location: rand() < 0.5 ? 'Berlin' : 'Remote' },
    });
    return id;
  };
  const ceo = add('Morgan Vale', 'Chief Technology Officer', null, 'manager', null);
  for (let v = 0; v < 5; v += 1) {
    const team = v + 1;
    const vp = add(name(), `VP Engineering, ${teamNames[v]}`, ceo, 'manager', team);
    const directors = 3 + Math.floor(rand() * 3);
    for (let d = 0; d < directors; d += 1) {
      const dir = add(name(), 'Director of Engineering', vp, 'manager', team);
      const managers = 2 + Math.floor(rand() * 4);
      for (let m = 0; m < managers; m += 1) {
        const mgr = add(name(), 'Engineering Manager', dir, rand() < 0.15 ? 'ic' : 'manager', team);
        const ics = Math.floor(rand() * 11) + 1;
        for (let i = 0; i < ics; i += 1) add(name(), rand() < 0.2 ? 'Senior Engineer' : 'Software Engineer', mgr, rand() < 0.1 ? 'manager' : 'ic', team);
        if (rand() < 0.4) add(`Review Agent ${mgr}`, 'Code review agent', mgr, null, team, 'agent');
      }
    }
  }
  // `?wide=N` gives the wide manager N reports, to try large lists.
  const wideCount = Number(new URLSearchParams(window.location.search).get('wide') ?? 180) || 180;
  const wide = add('Wren Okafor', 'Head of Support Engineering', ceo, 'manager', 8);
  for (let i = 0; i < wideCount; i += 1) add(name(), 'Support Engineer', wide, 'ic', 8);
  const lead = add('Sam Rivera', 'Staff Engineer (IC leader)', ceo, 'ic_leader', 6);
  add('Triage Agent', 'Bug triage agent', lead, null, 6, 'agent');
  add('Docs Agent', 'Documentation agent', lead, null, 6, 'agent');
  add(name(), 'Security Engineer', lead, 'ic', 6);
  rebuild();
  seedSkills(skillsHost, rand);
  resetTransition();
  resetAudit();
  resetTemplates();
}

const skillsHost: SkillsHost = {
  person(id) {
    const r = rows.get(id);
    return r ? { name: r.name, title: r.title } : null;
  },
  subtreeHumans(id) {
    if (!rows.has(id)) throw new HostError('not_found', `No person with id ${id}.`);
    const out: number[] = [];
    const queue = [id];
    for (let i = 0; i < queue.length; i += 1) {
      const cur = queue[i];
      if (rows.get(cur)?.kind === 'human') out.push(cur);
      queue.push(...(kids.get(cur) ?? []));
    }
    return out;
  },
  teamMembers(teamId) {
    if (!teams.has(teamId)) throw new HostError('not_found', `No team with id ${teamId}.`);
    return [...rows.values()].filter((r) => r.team_id === teamId && r.kind === 'human').sort((a, b) => a.name.localeCompare(b.name)).map((r) => r.id);
  },
  humans() {
    return [...rows.values()].filter((r) => r.kind === 'human').map((r) => r.id);
  },
  fail(kind, message, problems) {
    throw new HostError(kind, message, problems);
  },
};

function counts(id: number) {
  let humans = 0;
  let agents = 0;
  for (const c of kids.get(id) ?? []) {
    if (rows.get(c)?.kind === 'agent') agents += 1;
    else humans += 1;
  }
  return { humans, agents };
}

function descendants(id: number): number {
  let n = 0;
  const stack = [...(kids.get(id) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    n += 1;
    stack.push(...(kids.get(c) ?? []));
  }
  return n;
}

function person(id: number): Person {
  const r = rows.get(id);
  if (!r) throw new HostError('not_found', `No person with id ${id}.`);
  const c = counts(id);
  return {
    ...r,
    team: r.team_id === null ? null : (teams.get(r.team_id)?.name ?? null),
    manager_name: r.manager_id === null ? null : (rows.get(r.manager_id)?.name ?? null),
    direct_reports: c.humans,
    agents_supervised: c.agents,
    // Telling namesakes apart is the host's rule; the mock does not copy it.
    disambiguation: null,
  };
}

function node(id: number): OrgNode {
  const r = rows.get(id)!;
  const c = counts(id);
  return {
    id,
    name: r.name,
    title: r.title,
    kind: r.kind,
    children: c.humans + c.agents,
    span: c.humans,
    descendants: descendants(id),
    // Telling namesakes apart is the host's rule; the mock does not copy it.
    disambiguation: null,
  };
}

function chain(id: number): number[] {
  const out: number[] = [];
  let cur: number | null = id;
  while (cur !== null) {
    out.unshift(cur);
    cur = rows.get(cur)?.manager_id ?? null;
  }
  return out;
}

function checkManager(id: number | null, managerId: number | null) {
  if (managerId === null) return;
  if (!rows.has(managerId)) throw new HostError('not_found', `No person with id ${managerId}.`);
  if (id === null) return;
  const path = chain(managerId);
  if (path.includes(id)) {
    const names = path.slice(path.indexOf(id)).map((p) => rows.get(p)!.name);
    throw new HostError('cycle', `${rows.get(id)!.name} cannot report to ${rows.get(managerId)!.name}: ${names.join(' → ')} would become a loop.`);
  }
}

/** Moves one person in `rows` and `kids` without re-sorting everyone (reorg previews move many). */
function setManager(id: number, to: number | null) {
  const r = rows.get(id);
  if (!r) throw new HostError('not_found', `No person with id ${id}.`);
  checkManager(id, to);
  if (to !== null && rows.get(to)!.kind === 'agent' && r.kind === 'human') {
    throw new HostError('invalid_input', `${r.name} cannot report to ${rows.get(to)!.name}: an AI agent cannot manage people.`);
  }
  const old = kids.get(r.manager_id) ?? [];
  old.splice(old.indexOf(id), 1);
  const list = kids.get(to) ?? [];
  let at = 0;
  while (at < list.length && rows.get(list[at])!.name.localeCompare(r.name) <= 0) at += 1;
  list.splice(at, 0, id);
  kids.set(to, list);
  rows.set(id, { ...r, manager_id: to });
}

const transitionHost: TransitionHost = {
  name: (id) => rows.get(id)?.name ?? null,
  role: (id) => ({ role: rows.get(id)?.role_track ?? null, reports: counts(id).humans }),
  managerOf: (id) => rows.get(id)?.manager_id ?? null,
  span: (id) => counts(id).humans,
  metrics: () => metrics(null),
  setManager,
  gaps: (personId, profileId) => handleSkills('gap_analysis', { personId, profileId }, skillsHost) as GapReport,
  // The host's clock is UTC, like the app's.
  today: () => new Date().toISOString().slice(0, 10),
  fail(kind, message) {
    throw new HostError(kind, message);
  },
};

function validate(input: PersonInput) {
  if (!input.name.trim()) throw new HostError('invalid_input', 'A person needs a name.');
}

function metrics(rootId: number | null): Metrics {
  const scope: { id: number; layer: number }[] = [];
  const starts = rootId === null ? (kids.get(null) ?? []) : [rootId];
  const stack = starts.map((id) => ({ id, layer: 1 }));
  while (stack.length) {
    const it = stack.pop()!;
    scope.push(it);
    for (const c of kids.get(it.id) ?? []) stack.push({ id: c, layer: it.layer + 1 });
  }
  const humans = scope.filter((s) => rows.get(s.id)!.kind === 'human');
  const spans = new Map<number, number>();
  for (const h of humans) spans.set(h.id, counts(h.id).humans);
  const managers = humans.filter((h) => spans.get(h.id)! > 0);
  const spanList = managers.map((m) => spans.get(m.id)!).sort((a, b) => a - b);
  const dist = new Map<number, number>();
  for (const s of spanList) dist.set(s, (dist.get(s) ?? 0) + 1);
  const perLayer: number[] = [];
  for (const h of humans) perLayer[h.layer - 1] = (perLayer[h.layer - 1] ?? 0) + 1;
  for (let i = 0; i < perLayer.length; i += 1) perLayer[i] ??= 0;
  const flag = (pred: (s: number) => boolean) =>
    managers.filter((m) => pred(spans.get(m.id)!)).map((m) => ({ id: m.id, name: rows.get(m.id)!.name, span: spans.get(m.id)! }));
  const mom = managers.filter((m) => (kids.get(m.id) ?? []).some((c) => (spans.get(c) ?? 0) > 0)).length;
  const mismatches = humans.flatMap((h) => {
    const r = rows.get(h.id)!;
    const structural: RoleTrack = spans.get(h.id)! > 0 ? 'manager' : 'ic';
    if (!r.role_track || r.role_track === 'ic_leader' || r.role_track === structural) return [];
    return [{ id: h.id, name: r.name, declared: r.role_track, structural, span: spans.get(h.id)! }];
  });
  const n = spanList.length;
  return {
    root_id: rootId,
    root_name: rootId === null ? null : rows.get(rootId)!.name,
    headcount: humans.length,
    managers: n,
    ics: humans.length - n,
    agents: scope.length - humans.length,
    ic_to_manager_ratio: n ? (humans.length - n) / n : null,
    layers: perLayer.length,
    span_mean: n ? spanList.reduce((a, b) => a + b, 0) / n : null,
    span_median: n ? (n % 2 ? spanList[(n - 1) / 2] : (spanList[n / 2 - 1] + spanList[n / 2]) / 2) : null,
    span_min: n ? spanList[0] : null,
    span_max: n ? spanList[n - 1] : null,
    span_distribution: [...dist.entries()].map(([span, m]) => ({ span, managers: m })),
    per_layer: perLayer,
    managers_of_managers: mom,
    managers_of_ics: n - mom,
    single_report_managers: spanList.filter((s) => s === 1).length,
    flags: {
      single_report: flag((s) => s === 1),
      narrow: flag((s) => s <= thresholds.narrow_span_max),
      wide: flag((s) => s >= thresholds.wide_span_min),
    },
    role_mismatches: mismatches,
    thresholds,
  };
}

function preview(path: string, options: ImportOptions): ImportPreview {
  if (path.includes('missing')) throw new HostError('io', `Cannot read ${path}: no such file.`);
  const headers = ['Employee ID', 'Full Name', 'Job Title', 'Manager ID', 'Department', 'Location'];
  const auto = ['id', 'name', 'title', 'manager_id', 'team', null] as const;
  const mapping = options.mapping ?? [...auto];
  const bad = path.includes('bad');
  return {
    file_name: path.split('/').pop() ?? path,
    encoding: 'UTF-8',
    delimiter: ',',
    rows: 1250,
    columns: headers.map((header, index) => ({
      index,
      header,
      field: mapping[index] ?? null,
      samples: [['E1001', 'Ada Lovelace', 'Engineer', 'E1000', 'Platform', 'Berlin'][index], ['E1002', 'Alan Turing', 'Manager', '', 'Search', 'Remote'][index]],
    })),
    problems: bad
      ? [
          { line: 14, message: 'Manager id E9999 is not in the file or the workspace.', people: ['Ada Lovelace'] },
          { line: 20, message: 'Reporting cycle: E1010 → E1011 → E1010.', people: ['Grace Hopper', 'Linus Torvalds'] },
        ]
      : [],
    adds: 1100,
    updates: 120,
    unchanged: 30,
    removes: options.remove_missing ? rows.size : 0,
    kept_missing: options.remove_missing ? 0 : rows.size,
    warnings: path.includes('warn')
      ? [{ line: 2, message: 'column "Location" holds values that are not email addresses ("Berlin" on line 2): kept as the attribute "Location"', people: [] }]
      : [],
    // When a removal needs confirming is the host's rule; the mock does not copy it.
    removal_needs_confirmation: false,
    people_before: rows.size,
  };
}

/** What a person's deletion keeps for its undo. */
interface DeletedRow {
  row: Row;
  former: number[];
  /** Where the former reports went. */
  to: number | null;
}

function fail(kind: string, message: string): never {
  throw new HostError(kind, message);
}

function delay(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

async function handle(cmd: string, a: Args): Promise<unknown> {
  const num = (k: string) => a[k] as number;
  const needWs = () => {
    if (!info) throw new HostError('not_found', 'No workspace is open.');
  };
  switch (cmd) {
    case 'workspace_info':
      return info;
    case 'workspace_start_error':
      // `?start_error` pretends the last workspace could not be reopened.
      return new URLSearchParams(window.location.search).has('start_error')
        ? 'Could not reopen /home/me/Leadline/old.leadline: the file does not exist.'
        : null;
    case 'workspace_open_demo':
    case 'workspace_pick_open':
      seedDemo();
      info = { path: '/home/me/Leadline/demo.leadline', file_name: 'demo.leadline', people: rows.size, teams: teams.size };
      openedWorkspace(info.path);
      return info;
    case 'workspace_open':
      if (!String(a.path).endsWith('.leadline')) throw new HostError('not_a_workspace', `${a.path} is not a Leadline workspace.`);
      seedDemo();
      info = { path: String(a.path), file_name: String(a.path).split('/').pop()!, people: rows.size, teams: teams.size };
      openedWorkspace(info.path);
      return info;
    case 'workspace_pick_create':
    case 'workspace_create':
      rows = new Map();
      teams = new Map();
      rebuild();
      seedSkills(skillsHost, rng(7));
      resetTransition();
      resetAudit();
      resetTemplates();
      info = { path: String(a.path ?? '/home/me/new.leadline'), file_name: String(a.path ?? 'new.leadline').split('/').pop()!, people: 0, teams: 0 };
      openedWorkspace(info.path);
      return info;
  }
  needWs();
  switch (cmd) {
    case 'person_get':
      return person(num('id'));
    case 'person_page': {
      const f = String(a.filter).toLowerCase();
      const all = [...rows.values()]
        .filter((r) => !f || [r.name, r.title, r.email, r.ext_id, r.team_id ? teams.get(r.team_id)?.name : ''].some((v) => v?.toLowerCase().includes(f)))
        .sort((x, y) => x.name.localeCompare(y.name));
      const offset = num('offset');
      return { total: all.length, offset, rows: all.slice(offset, offset + num('limit')).map((r) => person(r.id)) };
    }
    case 'person_create': {
      const input = a.input as PersonInput;
      validate(input);
      checkManager(null, input.manager_id);
      const id = nextId++;
      rows.set(id, { id, ext_id: `N${id}`, attributes: {}, ...input });
      rebuild();
      return person(id);
    }
    case 'person_update': {
      const input = a.input as PersonInput;
      const r = rows.get(num('id'));
      if (!r) throw new HostError('not_found', 'No such person.');
      validate(input);
      checkManager(r.id, input.manager_id);
      rows.set(r.id, { ...r, ...input });
      rebuild();
      return person(r.id);
    }
    case 'person_move': {
      const r = rows.get(num('id'));
      if (!r) throw new HostError('not_found', 'No such person.');
      checkManager(r.id, a.managerId as number | null);
      rows.set(r.id, { ...r, manager_id: a.managerId as number | null });
      rebuild();
      return person(r.id);
    }
    case 'person_delete': {
      const p = person(num('id'));
      if (hasPlan(p.id)) throw new HostError('conflict', `${p.name} has a transition plan; delete the plan first, on the Transition screen`);
      const dest = a.reports as ReportsDestination;
      const to = dest.to === 'up_one_level' ? p.manager_id : dest.to === 'person' ? dest.id : null;
      if (dest.to === 'person') checkManager(null, dest.id);
      const former = [...(kids.get(p.id) ?? [])];
      for (const c of former) rows.set(c, { ...rows.get(c)!, manager_id: to });
      const { team: _t, manager_name: _m, direct_reports: _d, agents_supervised: _a, disambiguation: _n, ...row } = p;
      const undo_id = keepUndo('person', { row, former, to } satisfies DeletedRow);
      rows.delete(p.id);
      rebuild();
      return { undo_id, person: p, former_reports: former, reports_went_to: to, assessments: [], owned_audit_stages: [] } satisfies DeletedPerson;
    }
    case 'person_restore': {
      const d = undoRecord<DeletedRow>('person', a.undoId, fail);
      if (rows.has(d.row.id)) throw new HostError('conflict', `${d.row.name} is already back`);
      if (d.row.manager_id !== null && !rows.has(d.row.manager_id)) {
        throw new HostError('conflict', `cannot bring back ${d.row.name}: their manager has been deleted since`);
      }
      rows.set(d.row.id, d.row);
      // Like the host: only reports still where the deletion sent them come back; anyone moved since stays.
      for (const c of d.former) if (rows.get(c)?.manager_id === d.to) rows.set(c, { ...rows.get(c)!, manager_id: d.row.id });
      markUndone(a.undoId);
      rebuild();
      return person(d.row.id);
    }
    case 'team_list':
      return [...teams.values()]
        .map((t): Team => ({ ...t, members: [...rows.values()].filter((r) => r.team_id === t.id).length }))
        .sort((x, y) => x.name.localeCompare(y.name));
    case 'team_create': {
      const name = String(a.name).trim();
      if (!name) throw new HostError('invalid_input', 'A team needs a name.');
      if ([...teams.values()].some((t) => t.name === name)) throw new HostError('conflict', `A team named ${name} already exists.`);
      const id = Math.max(0, ...teams.keys()) + 1;
      teams.set(id, { id, name });
      rebuild();
      return { id, name, members: 0 };
    }
    case 'team_rename': {
      const t = teams.get(num('id'));
      if (!t) throw new HostError('not_found', 'No such team.');
      t.name = String(a.name);
      return { ...t, members: 0 };
    }
    case 'team_delete':
      teams.delete(num('id'));
      for (const r of rows.values()) if (r.team_id === num('id')) r.team_id = null;
      rebuild();
      return null;
    case 'org_children': {
      // Like Tauri, refuse a call without the required arguments.
      for (const key of ['offset', 'limit']) {
        if (typeof a[key] !== 'number') throw `invalid args \`${key}\` for command \`org_children\`: command org_children missing required key ${key}`;
      }
      const all = kids.get(a.parentId as number | null) ?? [];
      const offset = num('offset');
      const limit = Math.min(num('limit'), 1000);
      return { total: all.length, offset, nodes: all.slice(offset, offset + limit).map(node) } satisfies OrgChildren;
    }
    case 'org_chain':
      if (!rows.has(num('id'))) throw new HostError('not_found', 'No such person.');
      return chain(num('id')).map(node);
    case 'org_search': {
      const q = String(a.query).toLowerCase();
      return [...rows.values()]
        .filter((r) => r.name.toLowerCase().includes(q) || r.title.toLowerCase().includes(q))
        .slice(0, num('limit'))
        .map((r) => node(r.id));
    }
    case 'metrics_get':
      return metrics((a.rootId as number | null) ?? null);
    case 'structure_check':
      // The mock's own writes never make a cycle, and it reads no other tool's files.
      return null;
    case 'structure_repair':
      throw new HostError('not_found', 'There is no reporting cycle to repair.');
    case 'thresholds_get':
      return thresholds;
    case 'thresholds_set': {
      const t = a.thresholds as Thresholds;
      if (t.narrow_span_max >= t.wide_span_min) {
        throw new HostError('invalid_input', `The narrow threshold (${t.narrow_span_max}) must be below the wide one (${t.wide_span_min}).`);
      }
      thresholds = t;
      return t;
    }
    case 'import_pick_file':
      return '/home/me/Downloads/hris-export.csv';
    case 'import_preview':
      return preview(String(a.path), a.options as ImportOptions);
    case 'import_apply': {
      const options = a.options as ImportOptions;
      const p = preview(String(a.path), options);
      if (p.problems.length) throw new HostError('import_invalid', 'The file has problems; nothing was imported.', p.problems);
      const ch = a.onProgress as { onmessage: (m: ImportProgress) => void };
      for (const phase of ['reading', 'validating', 'writing'] as const) {
        for (let done = 0; done <= p.rows; done += 250) {
          ch.onmessage({ phase, done, total: p.rows });
          await delay(60);
        }
      }
      ch.onmessage({ phase: 'done', done: p.rows, total: p.rows });
      return { added: p.adds, updated: p.updates, unchanged: p.unchanged, removed: p.removes, teams_created: 2 };
    }
    case 'export_pick_and_write':
      return `/home/me/Downloads/leadline-export.${String(a.format)}`;
    case 'export_write':
      return mockWrite(String(a.path), a.overwrite, fail);
    default: {
      const result = handleSkills(cmd, a, skillsHost);
      if (isHandled(result)) return result;
      const planned = handleTransition(cmd, a, transitionHost);
      if (isTransitionHandled(planned)) return planned;
      const audited = handleAudit(cmd, a, transitionHost);
      if (isAuditHandled(audited)) return audited;
      const templated = handleTemplates(cmd, a, transitionHost);
      if (isTemplatesHandled(templated)) return templated;
      throw new HostError('unknown', `The mock host has no command ${cmd}.`);
    }
  }
}

export function installMockHost(): void {
  const callbacks = new Map<number, (v: unknown) => void>();
  let cb = 0;
  (window as unknown as { __TAURI_INTERNALS__: unknown }).__TAURI_INTERNALS__ = {
    transformCallback(fn: (v: unknown) => void) {
      cb += 1;
      callbacks.set(cb, fn);
      return cb;
    },
    unregisterCallback(id: number) {
      callbacks.delete(id);
    },
    async invoke(cmd: string, args: Args = {}) {
      await delay(40);
      try {
        return await handle(cmd, args);
      } catch (e) {
        if (e instanceof HostError) throw { kind: e.kind, message: e.message, ...(e.problems ? { problems: e.problems } : {}) };
        throw e;
      }
    },
    convertFileSrc(path: string) {
      return path;
    },
  };
}
