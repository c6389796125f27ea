// Types of `reglament/calendar/init`: `init()` resolves to the calendar API.
import type * as CalendarApiModule from './calendar.js';
import type { InitInput } from './init.js';

export {
  ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal,
} from './index.js';
export type { InitInput } from './init.js';

/** Everything `reglament/calendar` exports. */
export type CalendarApi = typeof CalendarApiModule;

/** Loads the calendar module once and resolves to its API (see `reglament/init`). */
export function init(input?: InitInput): Promise<CalendarApi>;
export default init;
