// The demo support board. Every decision comes from the reglament core
// (WebAssembly): which buttons a role may press (`tryApply`), refusals with
// their clause and sentence, the SLA clocks in working time, the calendar's
// working hours and holidays. The page only renders answers and keeps the
// event list (as a host would).
import { Regulation, Ticket, labels, version } from '../src/browser.js';

const reg = Regulation.default();
const cal = reg.calendar();
const TZ = cal.timezone;
const STATUSES = ['backlog', 'sprint', 'in_progress', 'done', 'release', 'archived', 'rejected'];
const ACTORS = { user: 'user-1', operator: 'op-1', consultant: 'cons-1', customer_service: 'cs-1' };

// The page's own words (everything about the regulation comes from the core).
const WORDS = {
  uk: {
    title: 'Дошка технічної підтримки', role: 'Роль', lang: 'Мова', now: 'Зараз', live: 'живий час',
    newRequest: 'Нова заявка', channel: 'Канал', priority: 'Пріоритет', category: 'Категорія',
    description: 'Опис', conditions: 'Умови', register: 'Зареєструвати', week: 'Робочий тиждень',
    other: 'інші дії (регламент їх не дозволяє)', refused: 'Відмовлено', clause: 'пункт', warning: 'Попередження',
    left: 'залишилось', overdue: 'прострочено на', due: 'строк', archiveDue: 'архів з',
    footer: 'Усі правила — у ядрі reglament (WebAssembly); сторінка лише показує його відповіді.',
    days: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'нд'], dayOff: 'вихідний',
  },
  en: {
    title: 'Support board', role: 'Role', lang: 'Language', now: 'Now', live: 'live time',
    newRequest: 'New request', channel: 'Channel', priority: 'Priority', category: 'Category',
    description: 'Description', conditions: 'Conditions', register: 'Register', week: 'Working week',
    other: 'other actions (the regulation does not allow them)', refused: 'Refused', clause: 'clause', warning: 'Warning',
    left: 'left', overdue: 'overdue by', due: 'due', archiveDue: 'archive from',
    footer: 'Every rule lives in the reglament core (WebAssembly); the page only shows its answers.',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], dayOff: 'day off',
  },
};

const state = {
  now: Date.parse('2026-04-27T09:00:00+03:00'), // Monday 09:00 Kyiv; Friday 1 May is a public holiday
  lang: 'uk',
  role: 'operator',
  tickets: [], // {ticket, events}
  next: 1,
};
const $ = (id) => document.getElementById(id);
const iso = () => new Date(state.now).toISOString().replace('.000Z', 'Z');
let L = labels(state.lang);
const W = () => WORDS[state.lang];

function local(instant, withDate = true) {
  const opts = { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (withDate) Object.assign(opts, { weekday: 'short', day: '2-digit', month: '2-digit' });
  return new Intl.DateTimeFormat(state.lang === 'uk' ? 'uk-UA' : 'en-GB', opts).format(new Date(instant));
}

function hms(seconds) {
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The candidate events a card offers, with the details the event format requires. */
function candidates() {
  const actor = { id: ACTORS[state.role], role: state.role };
  const at = iso();
  const e = (kind, extra = {}) => ({ kind, at, actor, ...extra });
  return [
    e('classify', { category: 'incident' }),
    e('change_priority', { priority: 'critical' }),
    e('ask_user', { text: state.lang === 'uk' ? 'Уточніть, будь ласка, номер рахунку' : 'Which invoice number, please?' }),
    e('user_answer', { text: '17' }),
    e('reply', { text: state.lang === 'uk' ? 'Працюємо над заявкою' : 'We are on it' }),
    e('plan_sprint', { sprint: '2026-14' }),
    e('start_work'),
    e('request_approval', { action: 'server_recovery' }),
    e('approve', { action: 'server_recovery', evidence: '<approval-1@customer.example>' }),
    e('refuse_approval', { action: 'server_recovery', evidence: '<refusal-1@customer.example>' }),
    e('perform_action', { action: 'server_recovery' }),
    e('extend_deadline', { metric: 'resolution', add_seconds: 9 * 3600, evidence: '<extension-1@customer.example>' }),
    e('complete'),
    e('release'),
    e('reopen', { to: 'in_progress' }),
    e('accept'),
    e('archive'),
    e('reject', { reason: state.lang === 'uk' ? 'Опис не містить умов відтворення' : 'The description lacks the steps to reproduce' }),
    e('comment', { text: state.lang === 'uk' ? 'Коментар' : 'A comment' }),
  ];
}

function showOutcome(out, kind) {
  const box = $('refusal');
  if (!out.accepted) {
    const r = out.refusal;
    const other = state.lang === 'uk' ? r.message_en : r.message_uk;
    box.className = '';
    box.innerHTML = '';
    box.append(
      Object.assign(document.createElement('div'), {
        innerHTML: `<span class="clause">${W().refused} — ${W().clause} ${r.clause}</span> · <code data-testid="refusal-code">${r.code}</code> · ${L.kind[kind]}`,
      }),
      Object.assign(document.createElement('div'), { textContent: state.lang === 'uk' ? r.message_uk : r.message_en, className: 'sentence' }),
      Object.assign(document.createElement('div'), { textContent: other, className: 'other' }),
    );
    box.dataset.clause = r.clause;
    box.hidden = false;
  } else if (out.warnings.length) {
    box.className = 'warning';
    box.innerHTML = '';
    for (const w of out.warnings) {
      box.append(Object.assign(document.createElement('div'), {
        textContent: `${W().warning} (${W().clause} ${w.clause}): ${state.lang === 'uk' ? w.message_uk : w.message_en}`,
      }));
    }
    box.dataset.clause = '';
    box.hidden = false;
  } else {
    box.hidden = true;
  }
}

function act(entry, event) {
  const out = entry.ticket.apply(reg, event);
  if (out.accepted) {
    entry.events.push(event); // the host stores the accepted history
    entry.plan?.free(); // the clocks changed: the next tick makes a new plan
    entry.plan = null;
  }
  showOutcome(out, event.kind);
  render();
}

function clockLine(name, c) {
  const div = document.createElement('div');
  div.className = `clock ${c.state}`;
  let text;
  if (c.state === 'met') text = `✓ ${local(c.met_at)}`;
  else if (c.remaining == null || c.state === 'stopped' || c.state === 'unclassified') text = L.clock_state[c.state];
  else if (c.remaining >= 0) text = `${hms(c.remaining)} ${W().left}`;
  else text = `${W().overdue} ${hms(c.remaining)}`;
  div.innerHTML = `<span>${L.metric[name]}</span><span data-testid="clock-${name}">${text}</span>`;
  div.title = c.due_at ? `${W().due}: ${local(c.due_at)} · ${L.clock_state[c.state]}` : L.clock_state[c.state];
  return div;
}

function card(entry) {
  const t = entry.ticket;
  const div = document.createElement('div');
  div.className = `card p-${t.priority}`;
  div.setAttribute('data-testid', `card-${t.id}`);
  const first = entry.events[0];
  div.innerHTML = `<div class="id">${t.id} · ${L.priority[t.priority] ?? ''}</div>
    <div class="meta">${t.category ? L.category[t.category] : '—'}</div>
    <div class="desc"></div>`;
  div.querySelector('.desc').textContent = first?.description ?? '';
  const clocksBox = document.createElement('div');
  clocksBox.className = 'clocks';
  div.append(clocksBox);
  if (t.archiveDueAt && t.status === 'release') {
    div.append(Object.assign(document.createElement('div'), { className: 'clock', textContent: `${W().archiveDue} ${local(t.archiveDueAt)}` }));
  }
  const allowed = document.createElement('div');
  allowed.className = 'actions';
  const more = document.createElement('details');
  more.className = 'more';
  more.innerHTML = `<summary>${W().other}</summary>`;
  const refusedBox = document.createElement('div');
  refusedBox.className = 'actions';
  more.append(refusedBox);
  for (const event of candidates()) {
    const out = t.tryApply(reg, event);
    const b = document.createElement('button');
    b.textContent = L.kind[event.kind];
    b.title = event.kind;
    b.setAttribute('data-testid', `${t.id}-${event.kind}`);
    b.addEventListener('click', () => act(entry, event));
    if (out.accepted) allowed.append(b);
    else {
      b.className = 'muted';
      b.title = `${event.kind}: ${W().clause} ${out.refusal.clause}`;
      refusedBox.append(b);
    }
  }
  div.append(allowed, more);
  entry.clocksBox = clocksBox;
  return div;
}

function updateClocks() {
  $('now').textContent = local(state.now);
  for (const entry of state.tickets) {
    if (!entry.clocksBox) continue;
    // a plan per request, made after its last event: each second's read is
    // a lookup and a copy instead of a computation from the events
    entry.plan ??= entry.ticket.clockPlan(reg);
    const now = iso();
    const c = now >= entry.plan.validFrom ? entry.plan.clocks(now) : entry.ticket.clocks(reg, now);
    entry.clocksBox.replaceChildren(
      clockLine('response', c.response),
      clockLine('resolution', c.resolution),
      ...(c.update_interval ? [clockLine('update_interval', c.update_interval)] : []),
    );
  }
}

function renderWeek() {
  const box = $('week');
  const today = cal.localDate(iso());
  const noon = Date.parse(`${today}T12:00:00Z`);
  const dow = (new Date(noon).getUTCDay() + 6) % 7; // Monday = 0
  const rows = [];
  for (let i = 0; i < 7; i++) {
    const date = new Date(noon + (i - dow) * 86_400_000).toISOString().slice(0, 10);
    const nextDate = new Date(noon + (i - dow + 1) * 86_400_000).toISOString().slice(0, 10);
    const hours = cal.workingIntervals(cal.localToInstant(`${date}T00:00`), cal.localToInstant(`${nextDate}T00:00`))
      .map(([a, b]) => `${local(a, false)}–${local(b, false)}`).join(', ');
    const off = cal.dayOff(date);
    const name = off?.name ? (state.lang === 'uk' ? off.name.uk : off.name.en) : '';
    const cls = [hours ? '' : 'off', date === today ? 'today' : ''].join(' ');
    rows.push(`<tr><td class="${cls}">${W().days[i]} ${date.slice(5)}</td><td class="${cls}">${hours || W().dayOff}${name ? ` — ${name}` : ''}</td></tr>`);
  }
  box.innerHTML = `<h2>${W().week}</h2><table data-testid="week-table">${rows.join('')}</table>`;
}

// The selects' options in the page's language: the core's labels of each
// code (the value stays the code the events carry).
function labelSelects() {
  const lists = [['#role', L.role], ['select[name="channel"]', L.channel], ['select[name="priority"]', L.priority], ['select[name="category"]', L.category]];
  for (const [sel, names] of lists) {
    for (const o of document.querySelector(sel).options) {
      if (o.value && names[o.value]) o.textContent = names[o.value];
      else if (!o.value) o.textContent = state.lang === 'uk' ? '— без категорії —' : '— unclassified —';
    }
  }
}

function render() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = W()[el.dataset.i18n];
  labelSelects();
  document.documentElement.lang = state.lang;
  const board = $('board');
  board.replaceChildren();
  for (const s of STATUSES) {
    const col = document.createElement('div');
    col.className = 'column';
    col.setAttribute('data-testid', `column-${s}`);
    const here = state.tickets.filter((e) => e.ticket.status === s);
    col.innerHTML = `<h3><span>${L.status[s]}</span><span>${here.length}</span></h3>`;
    for (const e of here) col.append(card(e));
    board.append(col);
  }
  renderWeek();
  updateClocks();
}

$('new').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const id = `T-${state.next}`;
  const event = {
    kind: 'register', at: iso(), actor: { id: ACTORS[state.role], role: state.role },
    channel: f.get('channel'), priority: f.get('priority'),
    description: f.get('description'), conditions: f.get('conditions'),
  };
  if (f.get('category')) event.category = f.get('category');
  const ticket = new Ticket(id);
  const out = ticket.apply(reg, event);
  showOutcome(out, 'register');
  if (out.accepted) {
    state.tickets.push({ ticket, events: [event] });
    state.next += 1;
  } else {
    ticket.free();
  }
  render();
});
$('role').addEventListener('change', (e) => { state.role = e.target.value; render(); });
$('lang').addEventListener('change', (e) => { state.lang = e.target.value; L = labels(state.lang); render(); });
$('plus-hour').addEventListener('click', () => { state.now += 3600_000; render(); });
$('plus-day').addEventListener('click', () => { state.now += 86_400_000; render(); });
$('plus-11-days').addEventListener('click', () => { state.now += 11 * 86_400_000; render(); });
setInterval(() => {
  if ($('live').checked) {
    state.now += 1000;
    updateClocks();
  }
}, 1000);
$('version').textContent = `reglament ${version()}`;
render();
window.__board = { state, ready: true };
