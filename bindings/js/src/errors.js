// The error classes of the package. Every failure is thrown as one of these
// (never as a bare string):
//
//   ReglamentError        extends Error       input rejected by the core (code, field)
//   ReglamentRangeError   extends RangeError  code "out_of_range"
//   ReglamentTypeError    extends TypeError   code "invalid_argument": a JS value of the wrong type
//   ReglamentRefusal      extends ReglamentError  the regulation refused an event (clause, role, status)
//
// `err instanceof ReglamentError` is true for all four.
//
// The WebAssembly module imports `makeError` from this file (the generated
// glue says `import ... from "../../src/errors.js"`), so every build throws
// these very classes.
//
// `structuredClone(err)` (postMessage to a worker, IndexedDB) keeps only an
// Error's name (standard names only), message, stack and `cause`: the data
// of the error is therefore also in `err.cause` (`{code, field, clause}`),
// which survives: `structuredClone(err).cause.code === err.code`.

const ownHasInstance = Function.prototype[Symbol.hasInstance];

/** The error's data as plain data, kept by `structuredClone`. */
function causeOf(d) {
  return { cause: { code: d.code, field: d.field ?? null, clause: d.clause ?? null } };
}

function init(self, d) {
  self.code = d.code;
  self.field = d.field ?? null;
  self.clause = d.clause ?? null;
  self.messageEn = d.messageEn ?? d.message;
  self.messageUk = d.messageUk ?? null;
}

export class ReglamentError extends Error {
  constructor(d) {
    super(d.message, causeOf(d));
    init(this, d);
  }

  static [Symbol.hasInstance](x) {
    if (ownHasInstance.call(this, x)) return true;
    return this === ReglamentError &&
      (ownHasInstance.call(ReglamentRangeError, x) || ownHasInstance.call(ReglamentTypeError, x));
  }
}
Object.defineProperty(ReglamentError.prototype, 'name', { value: 'ReglamentError', writable: true, configurable: true });

export class ReglamentRangeError extends RangeError {
  constructor(d) {
    super(d.message, causeOf(d));
    init(this, d);
  }
}
Object.defineProperty(ReglamentRangeError.prototype, 'name', { value: 'ReglamentRangeError', writable: true, configurable: true });

export class ReglamentTypeError extends TypeError {
  constructor(d) {
    super(d.message, causeOf(d));
    init(this, d);
  }
}
Object.defineProperty(ReglamentTypeError.prototype, 'name', { value: 'ReglamentTypeError', writable: true, configurable: true });

export class ReglamentRefusal extends ReglamentError {
  constructor(d) {
    super(d);
    this.role = d.role;
    this.status = d.status ?? null;
    this.kind = d.kind;
    this.refusal = d.refusal;
  }
}
Object.defineProperty(ReglamentRefusal.prototype, 'name', { value: 'ReglamentRefusal', writable: true, configurable: true });

/** Called by the WebAssembly module: `cls` is "error", "range", "type" or "refusal". */
export function makeError(cls, d) {
  switch (cls) {
    case 'range': return new ReglamentRangeError(d);
    case 'type': return new ReglamentTypeError(d);
    case 'refusal': return new ReglamentRefusal(d);
    default: return new ReglamentError(d);
  }
}
