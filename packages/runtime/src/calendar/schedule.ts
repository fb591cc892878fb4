/**
 * One year of the mainland China working-day schedule, stored as the differences from a Monday–Friday
 * week: weekdays that are public holidays (`off`) and weekend days that are make-up workdays (`on`, 调休).
 * Dates are `MM-DD` within `year`.
 */
export interface YearSchedule {
  readonly year: number;
  /** Names of the holidays that year (for messages and audits). */
  readonly holidays?: readonly string[];
  readonly off: readonly string[];
  readonly on: readonly string[];
}
