// Host answers shared by the component tests.
import type { ImportPreview } from '../lib/bindings/ImportPreview';
import type { Metrics } from '../lib/bindings/Metrics';
import type { Person } from '../lib/bindings/Person';

export function metrics(over: Partial<Metrics> = {}): Metrics {
  return {
    root_id: null,
    root_name: null,
    headcount: 12345,
    managers: 3,
    ics: 9,
    agents: 4,
    ic_to_manager_ratio: 3,
    layers: 3,
    span_mean: 10 / 3,
    span_median: 2.5,
    span_min: 1,
    span_max: 7,
    span_distribution: [
      { span: 1, managers: 1 },
      { span: 7, managers: 2 },
    ],
    per_layer: [1, 2, 9],
    managers_of_managers: 1,
    managers_of_ics: 2,
    single_report_managers: 1,
    flags: {
      single_report: [{ id: 5, name: 'Grace Hopper', span: 1 }],
      narrow: [{ id: 5, name: 'Grace Hopper', span: 1 }],
      wide: Array.from({ length: 150 }, (_, i) => ({ id: 100 + i, name: `Wide ${i}`, span: 20 + i })),
    },
    role_mismatches: [{ id: 8, name: 'Linus Torvalds', declared: 'manager', structural: 'ic', span: 0 }],
    thresholds: { narrow_span_max: 2, wide_span_min: 15 },
    ...over,
  };
}

export function person(over: Partial<Person> = {}): Person {
  return {
    id: 1,
    ext_id: 'E1',
    name: 'Ada Lovelace',
    title: 'Engineer',
    kind: 'human',
    role_track: 'ic',
    level: 'L5',
    team_id: null,
    team: null,
    email: 'ada@example.com',
    manager_id: 9,
    manager_name: 'Grace Hopper',
    attributes: {},
    direct_reports: 0,
    agents_supervised: 0,
    disambiguation: null,
    ...over,
  };
}

export function importPreview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file_name: 'people.csv',
    encoding: 'windows-1252',
    delimiter: ';',
    rows: 3,
    columns: [
      { index: 0, header: 'Emp', field: 'id', samples: ['E1'] },
      { index: 1, header: 'Name', field: 'name', samples: ['Ada'] },
      { index: 2, header: 'Boss', field: null, samples: ['E9'] },
    ],
    problems: [],
    adds: 2,
    updates: 1,
    unchanged: 0,
    removes: 0,
    kept_missing: 5,
    warnings: [],
    removal_needs_confirmation: false,
    people_before: 6,
    ...over,
  };
}
