/** The sidebar's filters and the photo query each one stands for. */
import type { PhotoQuery } from '../../../../preload/contract';

/** A named filter of the sidebar. */
export interface Filter {
  id: string;
  label: string;
  state: PhotoQuery['state'];
}

/** Filters in the order shown. */
export const FILTERS: Filter[] = [
  { id: 'all', label: 'All photos', state: undefined },
  { id: 'not-uploaded', label: 'Not uploaded', state: 'not-uploaded' },
  { id: 'problems', label: 'Problems', state: 'problems' },
  { id: 'uploaded', label: 'Uploaded', state: 'uploaded' },
  { id: 'failed', label: 'Failed', state: 'failed' },
  { id: 'uncertain', label: 'Uncertain', state: 'uncertain' },
  { id: 'changed', label: 'Changed since upload', state: 'changed' },
  { id: 'excluded', label: 'Excluded', state: 'excluded' },
];
