// Binds the wasm-bindgen glue of one build (full or slim) into the public
// API: error classes instead of opaque objects, no panic reaching the caller
// as `unreachable`, and `queue()` over live tickets. No rule is written here:
// every method calls the core.
import { makeError, ReglamentError, ReglamentTypeError } from './errors.js';

/** "00" to "99". */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);
/** The day last written by isoSeconds, and its text up to the `T`. */
let lastDay = NaN;
let lastDayText = '';

/**
 * Unix seconds as RFC 3339 in UTC with `Z`, as the core writes instants
 * (`instant::format`), for years 0000 to 9999 (every calendar's range lies
 * inside). The civil date of a day number is the usual era arithmetic of the
 * proleptic Gregorian calendar; the last day's text is kept, since answers
 * cluster on few days.
 * @param {number} s whole seconds
 * @returns {string}
 */
export function isoSeconds(s) {
  const days = Math.floor(s / 86400);
  const sod = s - days * 86400;
  if (days !== lastDay) {
    const z = days + 719468; // days from 0000-03-01
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097; // [0, 146096]
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from March 1st
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    lastDayText = `${String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}T`;
    lastDay = days;
  }
  const h = Math.floor(sod / 3600);
  const r = sod - h * 3600;
  const mi = Math.floor(r / 60);
  return lastDayText + TWO_DIGITS[h] + ':' + TWO_DIGITS[mi] + ':' + TWO_DIGITS[r - mi * 60] + 'Z';
}

export function bind(raw, memory) {
  const state = { panicked: false, panicMessage: null };

  raw.__setHooks(makeError, (message) => {
    state.panicMessage = message;
  });

  function panicError() {
    const message = `reglament panicked (a defect of the library; please report it): ${state.panicMessage ?? 'unknown panic'}. ` +
      'The WebAssembly instance is unusable now: reload the page or restart the process.';
    return new ReglamentError({ code: 'panic', message, field: null, clause: null, messageEn: message, messageUk: null });
  }

  // The glue's own argument checks throw plain Errors: give them the
  // package's class and code.
  const GLUE = [
    [/^expected instance of (\w+)/, (m) => `expected a ${m[1]} object`],
    [/^null pointer passed to rust/, () => 'the object was freed (free() was called, or it was moved)'],
    [/^recursive use of an object detected/, () => 'the object is in use by another call'],
  ];

  function convert(e) {
    if (e instanceof WebAssembly.RuntimeError) {
      state.panicked = true;
      return panicError();
    }
    if (e instanceof Error && !(e instanceof ReglamentError)) {
      for (const [re, text] of GLUE) {
        const m = re.exec(e.message);
        if (m) {
          const message = text(m);
          return new ReglamentTypeError({ code: 'invalid_argument', field: null, message, messageEn: message });
        }
      }
    }
    return e;
  }

  function guard(fn) {
    return function guarded(...args) {
      if (state.panicked) throw panicError();
      try {
        return fn.apply(this, args);
      } catch (e) {
        throw convert(e);
      }
    };
  }

  function guardClass(cls) {
    const proto = cls.prototype;
    for (const key of Reflect.ownKeys(proto)) {
      if (key === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (typeof d.value === 'function') d.value = guard(d.value);
      if (d.get) d.get = guard(d.get);
      if (d.set) d.set = guard(d.set);
      Object.defineProperty(proto, key, d);
    }
    for (const key of Reflect.ownKeys(cls)) {
      if (typeof key === 'string' && key.startsWith('__')) continue; // wasm-bindgen internals
      const d = Object.getOwnPropertyDescriptor(cls, key);
      if (typeof d.value === 'function' && d.writable) {
        d.value = guard(d.value);
        Object.defineProperty(cls, key, d);
      }
    }
    // `new Cls(...)` goes through the same guard; the proxy forwards
    // everything else, so `instanceof` and the static methods work.
    const p = new Proxy(cls, {
      construct(target, args, newTarget) {
        return guard(() => Reflect.construct(target, args, newTarget === p ? target : newTarget))();
      },
    });
    return p;
  }

  // Fast paths for the calendar's arithmetic (wasm/src/calendar.rs): a Date
  // or an RFC 3339 string in, Unix seconds through the core, the answer
  // out; `NaN` (or -1) from the core means "not an answer", and the call is
  // made again through the checked method, which throws the right error.
  // This skips the JsValue arguments and the string result, which cost more
  // than the arithmetic itself.
  const P = raw.Calendar.prototype;
  const fast = { add: P.__addSecs, sub: P.__subSecs, elapsed: P.__elapsedSecs, isWorking: P.__isWorkingSecs };
  const Calendar = guardClass(raw.Calendar);
  const checked = { add: P.add, sub: P.sub, elapsed: P.elapsed, isWorking: P.isWorking };

  // An instant's text goes to the core through a fixed buffer in the
  // module's memory (ASCII only; anything else takes the glue's copy).
  const [textAt, textCapacity] = raw.__textBuffer();
  let bytes = null;
  function stringSeconds(s) {
    const n = s.length;
    if (n > textCapacity) return raw.__instantSecs(s);
    if (bytes === null || bytes.buffer !== memory.buffer) bytes = new Uint8Array(memory.buffer);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return raw.__instantSecs(s);
      bytes[textAt + i] = c;
    }
    return raw.__bufferedInstantSecs(n);
  }

  function secondsOf(v) {
    if (typeof v === 'string') return stringSeconds(v);
    if (v instanceof Date) return Math.floor(v.getTime() / 1000); // NaN when invalid
    return NaN;
  }

  // For the test suite: the checked methods, which the fast ones must equal.
  Object.defineProperty(P, '__checked', { value: checked, enumerable: false });

  // One function per method, without rest arguments or spreading: these
  // are the hot calls of a board that recomputes deadlines.
  function define(name, f) {
    Object.defineProperty(P, name, { value: f, writable: true, configurable: true, enumerable: false });
  }

  // add and sub: an instant and a number of seconds in, an instant out.
  function shift(name) {
    const quick = fast[name];
    const slow = checked[name];
    const f = function (t, seconds) {
      if (!state.panicked && typeof seconds === 'number') {
        let u;
        try {
          u = quick.call(this, secondsOf(t), seconds);
        } catch (e) {
          throw convert(e);
        }
        if (u === u) return isoSeconds(u);
      }
      return slow.call(this, t, seconds);
    };
    Object.defineProperty(f, 'name', { value: name });
    return f;
  }

  define('add', shift('add'));
  define('sub', shift('sub'));

  define('elapsed', function elapsed(from, to) {
    if (!state.panicked) {
      let e;
      try {
        e = fast.elapsed.call(this, secondsOf(from), secondsOf(to));
      } catch (err) {
        throw convert(err);
      }
      if (e === e) return e;
    }
    return checked.elapsed.call(this, from, to);
  });

  define('isWorking', function isWorking(t) {
    if (!state.panicked) {
      let w;
      try {
        w = fast.isWorking.call(this, secondsOf(t));
      } catch (e) {
        throw convert(e);
      }
      if (w >= 0) return w === 1;
    }
    return checked.isWorking.call(this, t);
  });
  const Regulation = guardClass(raw.Regulation);
  const Ticket = guardClass(raw.Ticket);
  const ClockPlan = guardClass(raw.ClockPlan);

  // Several tickets go to the core by handle (the objects stay the caller's).
  function handles(tickets) {
    if (!Array.isArray(tickets)) {
      throw new ReglamentTypeError({ code: 'invalid_argument', field: 'tickets', message: 'tickets: expected an array of Ticket objects' });
    }
    return Uint32Array.from(tickets, (t) => (t instanceof raw.Ticket && t.__wbg_ptr ? t.__handle : 0));
  }

  const queue = guard((tickets) => Array.from(raw.__queue(handles(tickets)), (i) => tickets[i]));

  const compliance = guard((regulation, tickets, options = {}) =>
    raw.__compliance(regulation, handles(tickets), options.from ?? null, options.to ?? null, options.now));

  const whatIf = guard((a, b, events, options = {}) => raw.whatIf(a, b, events, options.now ?? null, options.id ?? null));

  return {
    Calendar,
    Regulation,
    Ticket,
    ClockPlan,
    holidays: guard(raw.holidays),
    chain: guard(raw.chain),
    chainHead: guard(raw.chainHead),
    verify: guard(raw.verify),
    merkleRoot: guard(raw.merkleRoot),
    report: guard(raw.report),
    mustRegister: guard(raw.mustRegister),
    version: guard(raw.version),
    timezones: guard(raw.timezones),
    labels: guard(raw.labels),
    zones: raw.__slim() ? Object.freeze(raw.timezones()) : 'all',
    queue,
    compliance,
    whatIf,
    __panicForTest: guard(raw.__panicForTest),
  };
}
