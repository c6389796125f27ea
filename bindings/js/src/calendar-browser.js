// `reglament/calendar` in browsers and bundlers (the calendar alone: Calendar, holidays, every IANA zone): a convenience
// over `reglament/calendar/init` with top-level await.
import { init } from './calendar-init.js';

const api = await init();

export const { Calendar, holidays, version, timezones, variant, zones } = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
