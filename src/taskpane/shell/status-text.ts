/** Statuses in words (never by colour alone), with the badge colour that goes beside the words. */
import type { Status } from '../../core/status';

export const STATUS_LABEL: Record<Status, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

export function statusColor(status: Status): 'success' | 'warning' | 'danger' | 'subtle' {
  if (status === 'on-track') return 'success';
  if (status === 'at-risk') return 'warning';
  if (status === 'off-track') return 'danger';
  return 'subtle';
}
