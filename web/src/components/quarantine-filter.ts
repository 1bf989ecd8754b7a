/** What the data-quality drill-down shows: quarantined rows by reason, load and entity, one page at a time. */
export interface QuarantineFilter {
  reason?: string;
  loadId?: number;
  entity?: string;
  offset: number;
}
