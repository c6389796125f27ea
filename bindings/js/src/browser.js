// `reglament` in browsers and bundlers (every IANA time zone): a convenience over
// `reglament/init` that loads the module with top-level await. To load it
// lazily, from your own URL, or in an IIFE bundle, import the init entry.
import { init } from './init.js';

const api = await init();

export const {
  Calendar, Regulation, Ticket, ClockPlan, holidays, mustRegister, queue, compliance, whatIf, chain, chainHead, verify, merkleRoot, report, version, timezones, labels, variant, zones,
} = api;
export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';
