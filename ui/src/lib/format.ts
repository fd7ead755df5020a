// Number and label formatting shared by the screens.
import type { Field } from './bindings/Field';
import type { RoleTrack } from './bindings/RoleTrack';

export const DASH = '—';

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 -> "12,345"; null -> "—". */
export function formatInt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return intFormat.format(value);
}

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Short form for tight spaces: 9,999 stays exact, 12,345 -> "12.3K". */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return Math.abs(value) < 10_000 ? intFormat.format(value) : compactFormat.format(value);
}

/** Fixed decimals ("3.50"); null -> "—". */
export function formatFixed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toFixed(digits);
}

/** Integers as such, otherwise at most `digits` decimals ("2.5"). */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  if (Number.isInteger(value)) return formatInt(value);
  return String(Number(value.toFixed(digits)));
}

/** The IC:manager ratio as "3.25 : 1" style text is left to the caller; this is the number. */
export function formatRatio(value: number | null | undefined): string {
  return formatFixed(value, 2);
}

/** The machine-readable value for data-value attributes: no separators, "" when absent. */
export function dataValue(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return digits === undefined ? String(value) : value.toFixed(digits);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export const ROLE_LABELS: Record<RoleTrack, string> = {
  ic: 'IC',
  manager: 'Manager',
  ic_leader: 'IC leader',
};

export function roleLabel(role: RoleTrack | null | undefined): string {
  return role ? ROLE_LABELS[role] : 'None';
}

export const FIELD_LABELS: Record<Field, string> = {
  id: 'Employee id',
  manager_id: 'Manager id',
  manager_email: 'Manager email',
  name: 'Full name',
  first_name: 'First name',
  last_name: 'Last name',
  title: 'Title',
  team: 'Team',
  email: 'Email',
  kind: 'Kind (human / agent)',
  role_track: 'Role track',
  level: 'Level',
};

export const FIELDS = Object.keys(FIELD_LABELS) as Field[];

export function delimiterLabel(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'Comma (,)';
    case ';':
      return 'Semicolon (;)';
    case '\t':
      return 'Tab';
    default:
      return JSON.stringify(delimiter);
  }
}

/** Last path segment, for both / and \ separators. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
