// What every sample page checks with the API it loaded, whichever bundler
// built it: an answer of the core, a Date sibling, a thrown ReglamentError
// with its code, and which build it is. The page puts the result on
// `window.__reglament` (read by test.mjs in Chromium).
export function check(api, how) {
  const cal = api.Calendar.defaultKyiv();
  const due = cal.add('2026-03-27T15:00:00Z', { hours: 2 });
  const dueDate = cal.addDate(new Date('2026-03-27T15:00:00Z'), 7200).toISOString();
  let error = null;
  try {
    cal.add('not an instant', 1);
  } catch (e) {
    error = { isReglamentError: e instanceof api.ReglamentError, code: e.code, cloned: structuredClone(e).cause.code };
  }
  return { how, due, dueDate, error, variant: api.variant(), printed: String(cal) };
}

export function show(result) {
  globalThis.__reglament = result;
  if (typeof document === 'object') document.body.textContent = JSON.stringify(result);
}

export function fail(how, e) {
  show({ how, failed: true, name: e?.name, code: e?.code ?? null, message: String(e?.message ?? e) });
}
