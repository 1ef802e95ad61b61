/**
 * What the live-updates socket (`/api/live`) sends: one message per recorded event the user may
 * see, without the event's data — enough for a page to know that its list is stale, never a
 * citizen's personal details.
 */
export interface TLiveEvent {
  id: number;
  type: string;
  subjectType: string | null;
  subjectId: string | null;
  departmentId: string | null;
  at: string;
}
