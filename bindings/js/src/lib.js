// Binds the wasm-bindgen glue of one build (full or slim) into the public
// API: error classes instead of opaque objects, no panic reaching the caller
// as `unreachable`, and `queue()` over live tickets. No rule is written here:
// every method calls the core.
import { makeError, ReglamentError, ReglamentTypeError } from './errors.js';

export function bind(raw) {
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

  const Calendar = guardClass(raw.Calendar);
  const Regulation = guardClass(raw.Regulation);
  const Ticket = guardClass(raw.Ticket);

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
    holidays: guard(raw.holidays),
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
