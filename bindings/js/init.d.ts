// Types of `reglament/init` and `reglament/slim/init`: the same API as
// `reglament`, returned by `init()` instead of loaded at import time.
// No DOM or Node types are needed: the inputs are described structurally.
import type * as Reglament from './index.js';

export {
  ReglamentError, ReglamentRangeError, ReglamentTypeError, ReglamentRefusal,
} from './index.js';

/** Everything `reglament` exports (classes, functions, `zones`, error classes). */
export type ReglamentApi = typeof Reglament;

/** A URL object (`new URL(...)`). */
export interface URLLike { readonly href: string }
/** A fetch `Response` (its status is checked: a 404 is a `wasm_load_failed`). */
export interface ResponseLike { readonly ok: boolean; readonly status: number; readonly url: string; arrayBuffer(): Promise<ArrayBuffer> }

/**
 * Where the WebAssembly module comes from:
 * - nothing: next to the package's glue (in Node, read from the package;
 *   in browsers, fetched from the URL your bundler gives it; an IIFE bundle
 *   has no such URL and must pass one);
 * - a URL (string or `URL`): fetched (in Node, a path or `file:` URL is read);
 * - a `Response` or a promise of one (e.g. `fetch(url)`);
 * - the bytes (`ArrayBuffer`, `Uint8Array`, any `ArrayBufferView`);
 * - a compiled `WebAssembly.Module`.
 */
export type InitInput =
  | string
  | URLLike
  | ResponseLike
  | PromiseLike<ResponseLike>
  | ArrayBuffer
  | ArrayBufferView
  | object;

/**
 * Loads and instantiates the module once and resolves to the API; later
 * calls resolve to the same object (their argument is ignored). A failed
 * fetch or compile rejects with a `ReglamentError` of code
 * `"wasm_load_failed"` that names the URL and the fix; a later call tries
 * again.
 */
export function init(input?: InitInput): Promise<ReglamentApi>;
export default init;
