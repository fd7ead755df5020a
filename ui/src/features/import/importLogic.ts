// Pure helpers of the import wizard.
import type { ColumnPreview } from '../../lib/bindings/ColumnPreview';
import type { Field } from '../../lib/bindings/Field';
import type { ImportPhase } from '../../lib/bindings/ImportPhase';
import type { ImportPreview } from '../../lib/bindings/ImportPreview';
import type { ImportProgress } from '../../lib/bindings/ImportProgress';

/**
 * The explicit mapping after the user sets column `index` to `field`
 * (null = keep as attribute). Starts from what the preview shows, which is the
 * automatic mapping until the user changes something.
 */
export function withColumnField(
  columns: readonly ColumnPreview[],
  index: number,
  field: Field | null,
): (Field | null)[] {
  const mapping: (Field | null)[] = [];
  for (const c of columns) mapping[c.index] = c.field;
  for (let i = 0; i < mapping.length; i += 1) if (mapping[i] === undefined) mapping[i] = null;
  mapping[index] = field;
  return mapping;
}

/** Fields that more than one column maps to. */
export function duplicateFields(columns: readonly ColumnPreview[]): Field[] {
  const seen = new Map<Field, number>();
  for (const c of columns) if (c.field) seen.set(c.field, (seen.get(c.field) ?? 0) + 1);
  return [...seen.entries()].filter(([, n]) => n > 1).map(([f]) => f);
}

/** A file can be imported only when the check found no problem at all. */
export function canImport(preview: ImportPreview | null): boolean {
  return preview !== null && preview.problems.length === 0;
}

/** 0–100, rounded; an unknown total counts as 0 until the phase is done. */
export function progressPercent(p: ImportProgress | null): number {
  if (!p) return 0;
  if (p.phase === 'done') return 100;
  if (p.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

export const PHASE_LABELS: Record<ImportPhase, string> = {
  reading: 'Reading the file',
  validating: 'Checking the rows',
  writing: 'Writing to the workspace',
  done: 'Finished',
};
