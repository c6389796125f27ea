// Types of `reglament/calendar`: the calendar alone (working-time
// arithmetic, Ukrainian holidays, every IANA zone) — the same classes and
// functions as in `reglament`, in a smaller module.
export {
  Calendar, holidays, version, timezones, zones,
  ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal,
  type InstantInput, type Instant, type LocalDate, type Seconds, type Duration,
  type CalendarSpec, type Shift, type DayOff, type HolidayName, type HolidayYear, type HolidayMode,
  type ErrorCode, type ReglamentErrorFields,
} from './index.js';

/** Which build this is: always "calendar" here. */
export function variant(): 'calendar';
