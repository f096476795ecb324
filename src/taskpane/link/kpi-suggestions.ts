/**
 * KPIs suggested from a sheet's row labels ("Claims turnaround (days)" →
 * claims.turnaround_days), for the analyst to confirm: fuzzy matching on the
 * KPI's name and id, never applied without the user seeing it.
 */
import Fuse from 'fuse.js';
import type { KpiWithPath } from '../../core/model-tree';

export function kpiMatcher(kpis: readonly KpiWithPath[]): (label: string) => KpiWithPath | undefined {
  const fuse = new Fuse(kpis, {
    keys: [
      { name: 'name', weight: 0.7 },
      { name: 'id', weight: 0.3 },
    ],
    includeScore: true,
    ignoreLocation: true,
    // Loose enough for "Claims turnaround (days)" → "Claims turnaround", strict enough to leave prose alone.
    threshold: 0.45,
  });
  return (label) => {
    const text = label.replace(/\(.*?\)/g, ' ').trim();
    if (text === '') return undefined;
    return fuse.search(text, { limit: 1 })[0]?.item;
  };
}
