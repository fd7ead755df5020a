import { describe, expect, it } from 'vitest';

import type { ColumnPreview } from '../../lib/bindings/ColumnPreview';
import type { ImportPreview } from '../../lib/bindings/ImportPreview';
import { canImport, duplicateFields, progressPercent, withColumnField } from './importLogic';

const columns: ColumnPreview[] = [
  { index: 0, header: 'Employee ID', field: 'id', samples: [] },
  { index: 1, header: 'Name', field: 'name', samples: [] },
  { index: 2, header: 'Boss', field: null, samples: [] },
];

function preview(problems: ImportPreview['problems']): ImportPreview {
  return {
    file_name: 'a.csv',
    encoding: 'UTF-8',
    delimiter: ',',
    rows: 3,
    columns,
    problems,
    adds: 3,
    updates: 0,
    unchanged: 0,
    removes: 0,
    kept_missing: 0,
    warnings: [],
    people_before: 0,
    removal_needs_confirmation: false,
  };
}

describe('import logic', () => {
  it('builds a full mapping from the preview plus one change', () => {
    expect(withColumnField(columns, 2, 'manager_id')).toEqual(['id', 'name', 'manager_id']);
    expect(withColumnField(columns, 0, null)).toEqual([null, 'name', null]);
  });

  it('finds fields mapped twice', () => {
    const twice = columns.map((c) => (c.index === 2 ? { ...c, field: 'name' as const } : c));
    expect(duplicateFields(twice)).toEqual(['name']);
    expect(duplicateFields(columns)).toEqual([]);
  });

  it('refuses to import a file with any problem', () => {
    expect(canImport(preview([]))).toBe(true);
    expect(canImport(preview([{ line: 4, message: 'no name', people: [] }]))).toBe(false);
    expect(canImport(null)).toBe(false);
  });

  it('turns progress into a percentage', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ phase: 'writing', done: 50, total: 200 })).toBe(25);
    expect(progressPercent({ phase: 'reading', done: 5, total: 0 })).toBe(0);
    expect(progressPercent({ phase: 'writing', done: 300, total: 200 })).toBe(100);
    expect(progressPercent({ phase: 'done', done: 0, total: 0 })).toBe(100);
  });
});
