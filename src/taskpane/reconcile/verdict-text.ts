/** Verdicts in words, so meaning never rests on colour alone. */
import type { Verdict } from '../../core/verdict';

export const VERDICT_LABEL: Record<Verdict, string> = {
  match: 'Matches',
  diverged: 'Differs',
  'local-only': 'Only in this sheet',
  'canonical-only': 'Blank here',
  unreadable: 'Not a number',
};

/** The order findings are listed in: what needs action first. */
export const VERDICT_ORDER: Verdict[] = ['diverged', 'unreadable', 'local-only', 'canonical-only', 'match'];

export function badgeColor(verdict: Verdict): 'danger' | 'warning' | 'informative' | 'success' {
  if (verdict === 'diverged') return 'danger';
  if (verdict === 'unreadable') return 'warning';
  if (verdict === 'match') return 'success';
  return 'informative';
}
