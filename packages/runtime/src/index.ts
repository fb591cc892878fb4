export * from './civil-date.js';
export type { YearSchedule } from './calendar/schedule.js';
export { WorkdayCalendar, chinaCalendar, type CalendarResult } from './calendar/calendar.js';
