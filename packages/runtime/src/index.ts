export * from './civil-date.js';
export { readYearSchedules, type YearSchedule, type ScheduleProblem } from './calendar/schedule.js';
export { WorkdayCalendar, chinaCalendar, type CalendarResult } from './calendar/calendar.js';
export { elapsed, inPeriod, periodLength, windowStart, withinWindow, type PeriodUnit } from './counting.js';
export * from './validation/index.js';
