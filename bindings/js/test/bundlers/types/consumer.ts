// A TypeScript consumer of the packed package: every entry, under each
// moduleResolution (tsconfig.<mode>.json), skipLibCheck false, no DOM lib,
// no esnext.disposable lib.
import { Calendar, Regulation, Ticket, ReglamentError, type Instant, type ClocksCamel } from 'reglament';
import * as slim from 'reglament/slim';
import { init, type ReglamentApi } from 'reglament/init';
import { init as initSlim } from 'reglament/slim/init';
import * as calendarOnly from 'reglament/calendar';
import { init as initCalendar, type CalendarApi } from 'reglament/calendar/init';

const cal: Calendar = Calendar.defaultKyiv();
const due: Instant = cal.add('2026-03-27T15:00:00Z', { hours: 2 });
const when: Date = cal.addDate(due, 7200);
const reg = Regulation.default();
const t = new Ticket('T-1');
const c: ClocksCamel = t.clocks(reg, when, { camelCase: true });
const dueAt: string | null = c.resolution.dueAt;
const zones: 'all' | readonly string[] = slim.zones;

async function lazily(bytes: Uint8Array): Promise<string> {
  const api: ReglamentApi = await init();
  const other = await initSlim(bytes);
  try {
    return api.Calendar.defaultKyiv().add(due, 60) + other.version();
  } catch (e) {
    if (e instanceof ReglamentError) return e.code + (e.cause.field ?? '');
    throw e;
  }
}

// @ts-expect-error a duration's units are hours, minutes, seconds
cal.add(due, { milliseconds: 5 });

async function calendarAlone(): Promise<string> {
  const api: CalendarApi = await initCalendar();
  const v: 'calendar' = calendarOnly.variant();
  // @ts-expect-error the calendar entry has no Regulation
  api.Regulation;
  return api.Calendar.defaultKyiv().add(due, { minutes: 5 }) + v;
}

export { dueAt, zones, lazily, calendarAlone };
