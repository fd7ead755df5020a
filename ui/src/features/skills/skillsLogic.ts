// Pure helpers of the Skills screens: rounds, defaults, comparisons.
import type { Assessment } from '../../lib/bindings/Assessment';
import type { AssessorRole } from '../../lib/bindings/AssessorRole';
import type { ComparedSkill } from '../../lib/bindings/ComparedSkill';
import type { FrameworkSummary } from '../../lib/bindings/FrameworkSummary';
import type { RatingInput } from '../../lib/bindings/RatingInput';
import type { RoleProfile } from '../../lib/bindings/RoleProfile';
import { DASH, plural } from '../../lib/format';

/** Key of the built-in framework the screens open on. */
export const BUILTIN_KEY = 'ai-native-ic-leader';
/** Key of the role profile the gap analysis opens on. */
export const DEFAULT_PROFILE_KEY = 'ic-leader';

export const ROLES: AssessorRole[] = ['self', 'manager', 'peer', 'mentor'];
export const ROLE_LABELS: Record<AssessorRole, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peer',
  mentor: 'Mentor',
};

/** Interest 0, 1, 2 as the person would say it. */
export const INTEREST_LABELS = ['Not now', 'Open', 'Wants to grow'] as const;

export function interestLabel(interest: number | null | undefined): string {
  return interest === null || interest === undefined ? DASH : (INTEREST_LABELS[interest] ?? DASH);
}

// ---- rounds -------------------------------------------------------------------

/** Half-year round of a date: 2026-03-14 -> "2026-H1", 2026-07-01 -> "2026-H2". */
export function defaultRound(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number);
  if (!y || !m) return '';
  return `${y}-H${m <= 6 ? 1 : 2}`;
}

// ---- defaults -----------------------------------------------------------------

/** The newest version of each framework key, in the order the host listed the keys. */
export function latestVersions(list: FrameworkSummary[]): FrameworkSummary[] {
  const byKey = new Map<string, FrameworkSummary>();
  for (const f of list) {
    const seen = byKey.get(f.key);
    if (!seen || f.version > seen.version) byKey.set(f.key, f);
  }
  return [...byKey.values()];
}

/** The built-in AI-native framework when present, else any built-in, else the first. */
export function defaultFrameworkKey(latest: FrameworkSummary[]): string | null {
  return (
    latest.find((f) => f.key === BUILTIN_KEY)?.key ??
    latest.find((f) => f.builtin)?.key ??
    latest[0]?.key ??
    null
  );
}

/** "IC leader" when the framework has it, else the first built-in profile, else the first. */
export function defaultProfileId(profiles: RoleProfile[]): number | null {
  const named = profiles.find(
    (p) => p.key === DEFAULT_PROFILE_KEY || p.name.trim().toLowerCase() === 'ic leader',
  );
  return (named ?? profiles.find((p) => p.builtin) ?? profiles[0])?.id ?? null;
}

export interface Pair {
  self: Assessment | null;
  manager: Assessment | null;
}

/**
 * The self and manager assessments to compare by default: the latest of each
 * from the newest round that has both, else simply the latest of each.
 * `assessments` is newest first, as the host lists them.
 */
export function defaultPair(assessments: Assessment[]): Pair {
  for (const a of assessments) {
    if (!a.round.trim() || (a.assessor_role !== 'self' && a.assessor_role !== 'manager')) continue;
    const both = pairInRound(assessments, a.round);
    if (both) return both;
  }
  return {
    self: assessments.find((a) => a.assessor_role === 'self') ?? null,
    manager: assessments.find((a) => a.assessor_role === 'manager') ?? null,
  };
}

/** The latest self and manager assessments of a round, when it has both. */
export function pairInRound(assessments: Assessment[], round: string): { self: Assessment; manager: Assessment } | null {
  const r = round.trim();
  if (!r) return null;
  const self = assessments.find((a) => a.round.trim() === r && a.assessor_role === 'self');
  const manager = assessments.find((a) => a.round.trim() === r && a.assessor_role === 'manager');
  return self && manager ? { self, manager } : null;
}

export function assessmentLabel(a: Assessment): string {
  const who = a.assessor_name.trim() ? ` · ${a.assessor_name.trim()}` : '';
  const round = a.round.trim() ? ` · ${a.round.trim()}` : '';
  return `${a.assessed_on} · ${ROLE_LABELS[a.assessor_role]}${who}${round} (v${a.framework_version})`;
}

// ---- comparison -----------------------------------------------------------------

export type DiffStrength = 'strong' | 'mild' | 'none';

/** |difference| ≥ 2 is strong, 1 mild; null when one side did not rate the skill. */
export function diffStrength(difference: number | null): DiffStrength | null {
  if (difference === null) return null;
  const d = Math.abs(difference);
  return d >= 2 ? 'strong' : d === 1 ? 'mild' : 'none';
}

/** "+2", "−1", "0"; a dash when there is no difference to show. */
export function formatDiff(difference: number | null): string {
  if (difference === null) return DASH;
  if (difference > 0) return `+${difference}`;
  if (difference < 0) return `−${Math.abs(difference)}`;
  return '0';
}

export interface DiffCounts {
  strong: number;
  mild: number;
  same: number;
  /** Skills only one side rated. */
  unpaired: number;
}

export function diffCounts(skills: ComparedSkill[]): DiffCounts {
  const counts: DiffCounts = { strong: 0, mild: 0, same: 0, unpaired: 0 };
  for (const s of skills) {
    const k = diffStrength(s.difference);
    if (k === 'strong') counts.strong += 1;
    else if (k === 'mild') counts.mild += 1;
    else if (k === 'none') counts.same += 1;
    else if (s.self_level !== null || s.manager_level !== null) counts.unpaired += 1;
  }
  return counts;
}

/** One sentence for the top of the comparison. */
export function diffSummary(skills: ComparedSkill[]): string {
  const c = diffCounts(skills);
  if (c.strong + c.mild + c.same === 0) return 'No skill was rated by both.';
  if (c.strong + c.mild === 0) return `Self and manager agree on all ${plural(c.same, 'skill')} both rated.`;
  const verb = (n: number) => (n === 1 ? 'differs' : 'differ');
  const head = c.strong > 0 ? `${plural(c.strong, 'skill')} ${verb(c.strong)} by 2 or more` : 'No skill differs by 2 or more';
  const rest: string[] = [];
  if (c.mild > 0) rest.push(c.strong > 0 ? `${c.mild} by 1` : `${c.mild} ${verb(c.mild)} by 1`);
  if (c.same > 0) rest.push(`${c.same} the same`);
  return `${head}; ${rest.join(', ')}.`.replace('; .', '.');
}

// ---- the assessment form ----------------------------------------------------------

export interface RatingDraft {
  level: number | null;
  /** "" = not said, else "0" | "1" | "2" (the select's value). */
  interest: string;
  note: string;
}

export function emptyDraft(): RatingDraft {
  return { level: null, interest: '', note: '' };
}

/** The ratings to send: every skill with a level, in the given skill order. */
export function ratingsFrom(order: string[], drafts: Record<string, RatingDraft>): RatingInput[] {
  const out: RatingInput[] = [];
  for (const key of order) {
    const d = drafts[key];
    if (!d || d.level === null) continue;
    out.push({
      skill_key: key,
      level: d.level,
      interest: d.interest === '' ? null : Number(d.interest),
      note: d.note.trim(),
    });
  }
  return out;
}
