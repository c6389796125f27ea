// The one place that turns a loaded WebAssembly build (the glue wasm-bindgen
// generates in dist/<variant>/) into the package's API. It writes no rule
// and converts nothing: the classes and functions are the module's own
// (wasm/src/), errors are built there as the classes of errors.js. What it
// does: load the module (init: a URL, a Response, bytes or a compiled
// WebAssembly.Module; a failure becomes a ReglamentError `wasm_load_failed`
// that names the URL and the fix), pick the public names, and give the
// classes a Node `util.inspect` form (their `toString()`), the only thing
// added to wasm-bindgen's classes.
import { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal } from './errors.js';

export { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal };

const CLASSES = ['Calendar', 'Regulation', 'Ticket', 'ClockPlan'];
const FUNCTIONS = [
  'holidays', 'mustRegister', 'queue', 'compliance', 'whatIf', 'chain', 'chainHead', 'verify',
  'merkleRoot', 'report', 'version', 'timezones', 'labels', 'variant',
];
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const apis = new WeakMap();

/** The public API of an initialised glue module (the same object on every call). */
export function apiOf(raw) {
  let api = apis.get(raw);
  if (api) return api;
  api = { ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal };
  for (const name of CLASSES) {
    const cls = raw[name];
    if (!cls) continue; // the calendar build has only Calendar
    if (!Object.prototype.hasOwnProperty.call(cls.prototype, INSPECT)) {
      Object.defineProperty(cls.prototype, INSPECT, {
        value() {
          try {
            return this.toString();
          } catch {
            return `${name}(freed)`;
          }
        },
        configurable: true,
      });
    }
    api[name] = cls;
  }
  for (const name of FUNCTIONS) if (raw[name]) api[name] = raw[name];
  api.zones = raw.variant() !== 'slim' ? 'all' : Object.freeze(raw.timezones());
  if (raw.__panicForTest) api.__panicForTest = raw.__panicForTest;
  Object.freeze(api);
  apis.set(raw, api);
  return api;
}

/** Instantiates synchronously from the module's bytes (Node entries). */
export function loadSync(raw, bytes) {
  raw.initSync({ module: bytes });
  return apiOf(raw);
}

function loadFailed(what, why, variant, cause) {
  const file = `node_modules/reglament/dist/${variant}/reglament_wasm_bg.wasm`;
  const message = `reglament: could not load the WebAssembly module from ${what}: ${why}. ` +
    `Fix: serve ${file} at that address (a bundler that does not copy it, such as esbuild, ` +
    'needs it copied next to the bundle), or pass its URL, a Response, its bytes or a compiled ' +
    'WebAssembly.Module: `await init(url)`.';
  const e = new ReglamentError({ code: 'wasm_load_failed', field: null, clause: null, message, messageEn: message, messageUk: null });
  if (cause !== undefined) Object.defineProperty(e, 'reason', { value: cause, enumerable: false });
  return e;
}

const describe = (x) => (x instanceof URL ? x.href : typeof x === 'string' ? x : (typeof Request === 'function' && x instanceof Request) ? x.url : String(x));

/**
 * `init(input?)` for one variant.
 * @param raw the generated glue (dist/<variant>/reglament_wasm.js)
 * @param variant "full" | "slim" | "calendar"
 * @param defaultLocation () => URL of the .wasm next to the glue (may throw
 *   where the bundle has no `import.meta.url`)
 * @param readLocal (url) => Promise<bytes> for file: URLs (Node), or null
 */
export function makeInit(raw, variant, defaultLocation, readLocal) {
  let loading = null;
  return function init(input) {
    if (loading) return loading;
    loading = load(input).then(() => apiOf(raw), (e) => {
      loading = null;
      throw e;
    });
    return loading;
  };

  async function load(input) {
    let source = input;
    if (source && typeof source === 'object' && Object.getPrototypeOf(source) === Object.prototype) {
      source = source.module_or_path ?? source.module ?? source.url; // { module_or_path } as wasm-bindgen takes it
    }
    if (source === undefined || source === null) {
      try {
        source = defaultLocation();
      } catch (e) {
        throw loadFailed('the default location (next to the package\'s glue)',
          'this bundle has no `import.meta.url` (an IIFE or CommonJS bundle), so the address is unknown', variant, e);
      }
    }
    let what = 'the given bytes';
    if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
      what = describe(source);
      let url = null;
      try {
        url = new URL(what, typeof document === 'object' && document.baseURI ? document.baseURI : undefined);
      } catch {
        url = null; // a relative path in Node: a file
      }
      if (readLocal && (url === null || url.protocol === 'file:')) {
        try {
          source = await readLocal(url ?? what);
        } catch (e) {
          throw loadFailed(what, e.message, variant, e);
        }
      } else {
        try {
          source = await fetch(source);
        } catch (e) {
          throw loadFailed(what, `fetch failed (${e.message})`, variant, e);
        }
      }
    }
    if (typeof Response === 'function' && source instanceof Response) {
      what = source.url || what;
      if (!source.ok) throw loadFailed(what, `HTTP ${source.status} ${source.statusText}`.trim(), variant);
    }
    try {
      await raw.default({ module_or_path: source });
    } catch (e) {
      throw loadFailed(what, `${e?.name ?? 'Error'}: ${e?.message ?? e}`, variant, e);
    }
  }
}
