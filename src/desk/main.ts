import './desk.css';
import { addNote, evaluate, listPolicies, listRegister, moveEntry, reassign, recordCase, type Policy, type Question, type Refusal, type RegisterEntry, type Step } from './api.js';
import { el, show } from './dom.js';
import { TEXTS, type DeskTexts } from './texts.js';

/**
 * The desk: staff pick a policy, answer one question at a time (choices as buttons, amounts in a
 * field checked by the server's case reader on the spot), and get the outcome card. All the logic
 * of which question comes next lives in the server's interview workflow; the page only shows it.
 */

type Locale = 'zh-CN' | 'en';

interface State {
  locale: Locale;
  policies: Policy[];
  policy: string | null;
  /** Answers as typed or picked, in the order given (the back button undoes the last). */
  answers: [string, string][];
  unknown: string[];
  /** The register view's filters (empty: any); `day` starts as the server's today. */
  filters: { day: string; status: string; owner: string; outcome: string };
  /** Owners and outcomes seen in the register, id → label, for the filter choices. */
  owners: Map<string, string>;
  outcomes: Map<string, string>;
}

const app = document.getElementById('app') as HTMLElement;
const state: State = {
  locale: document.documentElement.lang === 'en' ? 'en' : 'zh-CN', policies: [], policy: null, answers: [], unknown: [],
  filters: { day: '', status: '', owner: '', outcome: '' }, owners: new Map(), outcomes: new Map(),
};
const t = (): DeskTexts => TEXTS[state.locale];

function setChrome(): void {
  document.documentElement.lang = state.locale;
  document.title = `${t().title} · sopwright`;
  (document.getElementById('title') as HTMLElement).textContent = t().title;
  (document.getElementById('new-case') as HTMLElement).textContent = t().newCase;
  (document.getElementById('register') as HTMLElement).textContent = t().register;
  const other = document.getElementById('locale') as HTMLElement;
  other.textContent = t().otherLocale;
  other.setAttribute('lang', state.locale === 'en' ? 'zh-CN' : 'en');
}

/** Moves keyboard focus to the new content, so the next Tab reaches its first control. */
function focusMain(): void {
  const first = app.querySelector<HTMLElement>('[data-autofocus]') ?? app;
  first.focus();
}

async function start(): Promise<void> {
  setChrome();
  show(app, el('p', {}, t().loading));
  try {
    state.policies = await listPolicies(state.locale);
  } catch (error) {
    show(app, el('p', { class: 'error', role: 'alert' }, t().failed, String(error)));
    return;
  }
  if (state.policy === null && state.policies.length === 1) state.policy = state.policies[0].id;
  if (state.policy === null) return pickPolicy();
  return step();
}

function pickPolicy(): void {
  show(
    app,
    el('h2', { tabindex: '-1', 'data-autofocus': true }, t().pickPolicy),
    el('div', { class: 'choices' }, ...state.policies.map((p) =>
      el('button', { type: 'button', class: 'choice', 'data-policy': p.id, onclick: () => { state.policy = p.id; void step(); } },
        p.title, el('small', {}, ` ${t().version} ${p.version ?? ''}`)))),
  );
  focusMain();
}

const unknownParam = (): string[] => state.unknown;
/**
 * Facts asked in a numeric field, by policy: their answers go to the server as JSON numbers (a
 * quoted number is text to the case reader). Keyed by policy, as another policy's fact of the
 * same name may be text.
 */
const numberFacts = new Set<string>();
const numberKey = (fact: string): string => `${state.policy ?? ''}\u0000${fact}`;
const answerRecord = (): Record<string, string | number> =>
  Object.fromEntries(state.answers.map(([fact, text]) => {
    const n = numberFacts.has(numberKey(fact)) ? Number(text) : Number.NaN;
    return [fact, Number.isFinite(n) ? n : text];
  }));

/** Asks the server where the case stands and shows the next question or the outcome. */
async function step(refusal?: { fact: string; text: string }): Promise<void> {
  if (state.policy === null) return pickPolicy();
  let r: Awaited<ReturnType<typeof evaluate>>;
  try {
    r = await evaluate(state.policy, answerRecord(), unknownParam(), state.locale);
  } catch (error) {
    show(app, el('p', { class: 'error', role: 'alert' }, t().failed, String(error)));
    return;
  }
  if ('refused' in r) {
    // The last answer was refused: take it back and ask again, saying why.
    const last = state.answers.pop();
    await step({ fact: last?.[0] ?? '', text: refusalText(r.refused) });
    return;
  }
  const s = r.step;
  if (s.next !== null) return ask(s, s.next, refusal?.fact === s.next.fact ? refusal.text : undefined);
  return card(s);
}

function refusalText(r: Refusal): string {
  if (r.diagnostics) return r.diagnostics.map((d) => (d.help ? `${d.message}（${d.help}）` : d.message)).join('\n');
  return r.error?.message ?? '';
}

function answer(fact: string, value: string): void {
  state.answers.push([fact, value]);
  void step();
}

function back(): void {
  if (state.unknown.length > 0 && state.answers.length === 0) state.unknown.pop();
  else state.answers.pop();
  void step();
}

function ask(s: Step, q: Question, problem?: string): void {
  const controls = q.choices.length > 0
    ? el('div', { class: 'choices', role: 'group', 'aria-labelledby': 'question' }, ...q.choices.map((c, i) =>
      el('button', { type: 'button', class: 'choice', 'data-value': c.value, ...(i === 0 ? { 'data-autofocus': true } : {}), onclick: () => answer(q.fact, c.value) }, c.label)))
    : typedField(q, problem);
  show(
    app,
    el('section', { class: 'question', 'aria-live': 'polite', 'data-fact': q.fact },
      el('p', { class: 'fact' }, q.label),
      el('h2', { id: 'question' }, q.ask),
      controls,
      problem !== undefined && q.choices.length > 0 ? el('p', { class: 'error', role: 'alert' }, problem) : null,
      el('div', { class: 'secondary' },
        el('button', { type: 'button', class: 'dont-know', onclick: () => { state.unknown.push(q.fact); void step(); } }, t().dontKnow),
        state.answers.length + state.unknown.length > 0 ? el('button', { type: 'button', class: 'back', onclick: back }, t().back) : null)),
    nowLine(s),
    s.why.length > 0 ? el('details', { class: 'so-far' }, el('summary', {}, t().why), el('ol', {}, ...s.why.map((w) => el('li', {}, w)))) : null,
  );
  focusMain();
}

/**
 * The browser's own input for each kind of typed answer: a numeric field for numbers, date and
 * time pickers for dates, clock times and moments (each also typed from the keyboard, field by
 * field); money and durations are text, since staff write `30元` or `2小时30分`.
 */
const INPUT_TYPES: Readonly<Record<string, string>> = { number: 'number', date: 'date', time: 'time', datetime: 'datetime-local' };

/** A field for a typed answer: checked by the browser first (a whole date, a number), then by the server's case reader when sent. */
function typedField(q: Question, problem?: string): HTMLElement {
  const type = INPUT_TYPES[q.type] ?? 'text';
  if (type === 'number') numberFacts.add(numberKey(q.fact));
  const input = el('input', {
    id: 'answer', name: q.fact, type, autocomplete: 'off', 'data-autofocus': true, 'aria-describedby': 'hint',
    ...(type === 'text' ? { inputmode: q.type === 'money' ? 'decimal' : 'text' } : { required: true }),
    // Whole numbers step by one; bounds are the field's own min and max, so the browser refuses 2.5 or 25 on the spot.
    ...(type === 'number' ? { step: q.bounds?.whole ? '1' : 'any', ...(q.bounds?.min != null ? { min: q.bounds.min } : {}), ...(q.bounds?.max != null ? { max: q.bounds.max } : {}) } : {}),
    ...(problem !== undefined ? { 'aria-invalid': 'true' } : {}),
  });
  const hint = el('p', { id: 'hint', class: problem !== undefined ? 'error' : 'hint', ...(problem !== undefined ? { role: 'alert' } : {}) }, problem ?? q.hint);
  const form = el('form', { class: 'typed', novalidate: true, onsubmit: (e: Event) => {
    e.preventDefault();
    const text = input.value.trim();
    if (type === 'text' && text === '') return input.focus();
    // A half-filled date or letters in a number field: the browser knows before the server does.
    if (type !== 'text' && (text === '' || !input.checkValidity())) {
      const invalid = t().invalid;
      // What the field allows (the bounds in words) follows the complaint.
      show(hint, invalid[q.type] ?? invalid.other, q.bounds !== null && q.hint !== '' ? `${state.locale === 'en' ? ': ' : '：'}${q.hint}` : '');
      hint.className = 'error';
      hint.setAttribute('role', 'alert');
      input.setAttribute('aria-invalid', 'true');
      return input.focus();
    }
    answer(q.fact, text);
  } },
  el('label', { for: 'answer', class: 'visually-hidden' }, q.label),
  input,
  el('button', { type: 'submit' }, t().answer),
  hint);
  return form;
}

/** A due moment as staff read it, in the policy's zone as the server wrote it: `2026-12-03 16:00`. */
function dueText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso);
  if (m === null) return iso;
  return `${m[1]} ${m[2]}${m[3] !== undefined && m[3] !== ':00' ? m[3] : ''}`;
}

function nowLine(s: Step): HTMLElement | null {
  return s.now === null ? null : el('p', { class: 'now' }, t().nowFilled, s.now);
}

/** The outcome card: what to do, who, by when, what to say (with a copy button), and why. */
function card(s: Step): void {
  const tx = t();
  const within = s.deadline === null ? null : s.deadline.amount === 0 && s.deadline.unit === 'day' ? tx.sameDay : tx.within(s.deadline.amount, s.deadline.unit);
  // The due moment whenever the server knows it (a deadline counted from a fact too: "2 hours after the report").
  const dueMoment = s.due === null ? null : el('time', { class: 'due-moment', datetime: s.due }, dueText(s.due));
  const due = within === null && dueMoment === null ? null : [within !== null && dueMoment !== null ? `${within} · ` : within ?? '', dueMoment];
  const list = (title: string, items: readonly string[]) => (items.length === 0 ? null : el('section', {}, el('h3', {}, title), el('ul', {}, ...items.map((i) => el('li', {}, i)))));
  const values = Object.entries(s.values).filter(([, v]) => v !== null);
  const copyButton = el('button', { type: 'button', class: 'copy' }, tx.copy);
  copyButton.addEventListener('click', () => void copy(s.say ?? '', copyButton));
  const decided = s.outcome !== null && s.status === 'decided';
  show(
    app,
    el('article', { class: `card ${decided ? 'decided' : 'undecided'}`, 'aria-labelledby': 'outcome' },
      el('p', { class: 'fact' }, decided ? tx.outcome : tx.undecided),
      el('h2', { id: 'outcome', tabindex: '-1', 'data-autofocus': true }, s.label ?? tx.undecided),
      s.owner !== null ? el('p', { class: 'owner' }, el('strong', {}, tx.owner), ' ', s.owner.label) : null,
      due !== null ? el('p', { class: 'due' }, el('strong', {}, tx.due), ' ', ...due) : null,
      s.steps.length > 0 ? el('section', {}, el('h3', {}, tx.steps), el('ol', { class: 'checklist' }, ...s.steps.map((text, i) =>
        el('li', {}, el('label', {}, el('input', { type: 'checkbox', id: `step-${i}` }), ' ', text))))) : null,
      list(tx.documents, s.documents),
      s.say !== null ? el('section', { class: 'say' }, el('h3', {}, tx.say), el('pre', { id: 'say-text' }, s.say), copyButton) : null,
      list(tx.notes, s.notes),
      values.length > 0 ? list(tx.values, values.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)) : null,
      s.unknown.length > 0 || s.needs.length > 0 ? list(tx.findOut, s.questions.map((q) => `${q.label}：${q.ask}`)) : null,
      s.skipped.length > 0 ? list(tx.skipped, s.skipped) : null,
      list(tx.why, s.why),
      nowLine(s),
      decided ? recordForm() : null,
      el('div', { class: 'secondary' },
        el('button', { type: 'button', class: 'new-case', onclick: newCase }, tx.newCase),
        state.answers.length + state.unknown.length > 0 ? el('button', { type: 'button', class: 'back', onclick: back }, tx.back) : null)),
  );
  focusMain();
}

async function copy(text: string, button: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (plain http on another machine): select the text for Ctrl-C instead.
    const pre = document.getElementById('say-text');
    if (pre) getSelection()?.selectAllChildren(pre);
  }
  button.textContent = t().copied;
}

/** The staff name, remembered on this computer so each recording is one click. */
const STAFF_KEY = 'sopwright.staff';
function savedStaff(): string {
  try {
    return localStorage.getItem(STAFF_KEY) ?? '';
  } catch {
    return '';
  }
}
function saveStaff(name: string): void {
  try {
    localStorage.setItem(STAFF_KEY, name);
  } catch {
    // No storage (private mode): the name is asked again next time.
  }
}

/** Under a decided outcome: the staff name and one button that records the case in the register. */
function recordForm(): HTMLElement {
  const tx = t();
  const staff = el('input', { id: 'staff', name: 'staff', type: 'text', autocomplete: 'name', required: true, value: savedStaff() });
  const result = el('p', { class: 'record-result', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', class: 'record' }, tx.record);
  return el('form', { class: 'record-form', novalidate: true, onsubmit: (e: Event) => {
    e.preventDefault();
    const name = staff.value.trim();
    if (name === '' || state.policy === null) return staff.focus();
    saveStaff(name);
    button.setAttribute('disabled', '');
    recordCase(state.policy, answerRecord(), name, state.locale).then(
      (entry) => {
        show(result, t().recorded(entry.id), ' ', el('button', { type: 'button', class: 'open-register', onclick: () => void registerView() }, t().register));
        result.className = 'record-result recorded';
      },
      (error: Error) => {
        button.removeAttribute('disabled');
        show(result, t().notRecorded, error.message);
        result.className = 'record-result error';
        result.setAttribute('role', 'alert');
      },
    );
  } },
  el('label', { for: 'staff' }, tx.staffName), staff, button, result);
}

/** A select of filter choices: "all", then each id with its label. */
function filterSelect(name: keyof State['filters'], label: string, choices: readonly [string, string][]): HTMLElement {
  const current = state.filters[name];
  const select = el('select', { id: `filter-${name}`, name },
    el('option', { value: '' }, t().all),
    ...choices.map(([id, text]) => el('option', { value: id, ...(id === current ? { selected: true } : {}) }, text)));
  return el('label', {}, label, ' ', select);
}

const entryLabel = (texts: Readonly<Record<string, string>> | null, fallback: string): string => (texts === null ? fallback : texts[state.locale] ?? Object.values(texts)[0] ?? fallback);

/** The owner of a case by the policy's current label (a reassigned case's recorded label is the first owner's). */
function ownerLabel(e: RegisterEntry): string {
  const served = state.policies.find((p) => p.id === e.policy.id)?.departments.find((d) => d.id === e.owner);
  return served?.label ?? entryLabel(e.labels.owner, e.owner ?? '');
}

/**
 * The register view: the day's cases (today's by the server's clock at first), overdue ones
 * first as the server judges them, filtered by day, status, owner and outcome; each case can be
 * moved along its status with a note. The server refuses a move its rules forbid, and says which.
 */
/** Entries per page of the register view: 200, or `?page_size=` (1–1000, the server's limit). */
const pageSize = Math.min(1000, Math.max(1, Number(new URLSearchParams(location.search).get('page_size')) || 200));

async function registerView(): Promise<void> {
  const tx = t();
  show(app, el('p', {}, tx.loading));
  const filters: Record<string, string> = { ...state.filters, limit: String(pageSize) };
  let page: Awaited<ReturnType<typeof listRegister>>;
  let overdue: Awaited<ReturnType<typeof listRegister>>;
  try {
    if (filters.day === '') {
      // Today is the server's day: its clock is the register's.
      const probe = await listRegister({ limit: '1' });
      state.filters.day = probe.today;
      filters.day = probe.today;
    }
    [page, overdue] = await Promise.all([listRegister(filters), listRegister({ ...filters, overdue: 'true' })]);
  } catch (error) {
    show(app, el('p', { class: 'error', role: 'alert' }, tx.failed, (error as Error).message));
    return;
  }
  const late = new Set(overdue.entries.map((e) => e.id));
  const entries = [...overdue.entries, ...page.entries.filter((e) => !late.has(e.id))];
  for (const e of entries) {
    if (e.owner !== null) state.owners.set(e.owner, ownerLabel(e));
    state.outcomes.set(e.outcome, entryLabel(e.labels.outcome, e.outcome));
  }
  const dayInput = el('input', { id: 'filter-day', name: 'day', type: 'date', value: state.filters.day });
  const form = el('form', { class: 'filters', onsubmit: (e: Event) => {
    e.preventDefault();
    const data = new FormData(form);
    state.filters = { day: String(data.get('day') ?? ''), status: String(data.get('status') ?? ''), owner: String(data.get('owner') ?? ''), outcome: String(data.get('outcome') ?? '') };
    void registerView();
  } },
  el('label', {}, tx.day, ' ', dayInput),
  filterSelect('status', tx.status, Object.entries(tx.statuses)),
  filterSelect('owner', tx.owner, [...state.owners]),
  filterSelect('outcome', tx.outcomeFilter, [...state.outcomes]),
  el('button', { type: 'submit', class: 'apply' }, tx.show));
  const list = el('ol', { class: 'entries' }, ...entries.map((e) => entryItem(e, late.has(e.id))));
  // Further pages (cursor `next`) are appended on demand; overdue ones are already at the top.
  let next = page.next;
  const more: HTMLButtonElement = el('button', { type: 'button', class: 'more', onclick: () => {
    if (next === null) return;
    more.setAttribute('disabled', '');
    listRegister({ ...filters, after: next }).then((p) => {
      list.append(...p.entries.filter((e) => !late.has(e.id)).map((e) => entryItem(e, false)));
      next = p.next;
      if (next === null) more.remove();
      else more.removeAttribute('disabled');
    }, (error: Error) => {
      more.removeAttribute('disabled');
      more.after(el('p', { class: 'error', role: 'alert' }, tx.failed, error.message));
    });
  } }, tx.more);
  show(
    app,
    el('h2', { tabindex: '-1', 'data-autofocus': true }, tx.register, ' · ', state.filters.day),
    form,
    entries.length === 0 ? el('p', { class: 'empty' }, tx.none) : list,
    next !== null ? more : null,
  );
  focusMain();
}

/**
 * One case of the register: what, who, by when, where it stands, and what staff can do with it:
 * move it along its status, add a note, or hand it to another department of its policy (each
 * with the staff name; the server refuses what its rules forbid, and the refusal shows here).
 */
function entryItem(e: RegisterEntry, overdue: boolean): HTMLElement {
  const tx = t();
  const note = el('input', { class: 'move-note', name: 'note', type: 'text', placeholder: tx.note, 'aria-label': tx.note });
  const staff = el('input', { class: 'move-staff', name: 'staff', type: 'text', value: savedStaff(), 'aria-label': tx.staffName, placeholder: tx.staffName });
  const to = el('select', { class: 'move-status', name: 'status', 'aria-label': tx.moveTo },
    ...Object.entries(tx.statuses).filter(([id]) => id !== e.status).map(([id, label]) => el('option', { value: id }, label)));
  const problem = el('p', { class: 'move-error error' });
  const departments = (state.policies.find((p) => p.id === e.policy.id)?.departments ?? []).filter((d) => d.id !== e.owner);
  const owner = el('select', { class: 'reassign-owner', name: 'owner', 'aria-label': tx.reassignTo },
    ...departments.map((d) => el('option', { value: d.id }, d.label)));
  /** Runs one action with the staff name (and the note when it needs one), then shows the register again. */
  const act = (run: (name: string, text: string) => Promise<unknown>, needsNote = false): void => {
    const name = staff.value.trim();
    if (name === '') return staff.focus();
    const text = note.value.trim();
    if (needsNote && text === '') {
      problem.textContent = tx.noteNeeded;
      problem.setAttribute('role', 'alert');
      return note.focus();
    }
    saveStaff(name);
    run(name, text).then(
      () => void registerView(),
      (error: Error) => {
        problem.textContent = error.message;
        problem.setAttribute('role', 'alert');
      },
    );
  };
  const move = el('form', { class: 'move', onsubmit: (ev: Event) => {
    ev.preventDefault();
    act((name, text) => moveEntry(e.id, to.value, name, text));
  } }, to, staff, note, el('button', { type: 'submit', class: 'move-button' }, tx.move),
  el('button', { type: 'button', class: 'add-note', onclick: () => act((name, text) => addNote(e.id, name, text), true) }, tx.addNote),
  departments.length > 0 ? owner : null,
  departments.length > 0 ? el('button', { type: 'button', class: 'reassign-button', onclick: () => act((name, text) => reassign(e.id, owner.value, name, text)) }, tx.reassign) : null,
  problem);
  const lastNote = e.notes.at(-1);
  return el('li', { class: `entry status-${e.status}${overdue ? ' overdue' : ''}`, 'data-id': String(e.id) },
    el('p', { class: 'entry-head' },
      el('strong', {}, `#${e.id} `, entryLabel(e.labels.outcome, e.outcome)), ' ',
      el('span', { class: 'status' }, tx.statuses[e.status] ?? e.status),
      overdue ? el('span', { class: 'overdue-badge' }, tx.overdue) : null),
    el('p', { class: 'entry-meta' },
      e.owner !== null ? el('span', { class: 'entry-owner' }, `${tx.owner} ${ownerLabel(e)}`) : null,
      e.owner !== null ? ' · ' : '',
      e.due !== null ? `${tx.due} ${e.due} · ` : '',
      `${tx.recordedBy} ${e.staff}`),
    lastNote !== undefined ? el('p', { class: 'entry-note' }, `${tx.note}：${lastNote.text}`) : null,
    move);
}

function newCase(): void {
  state.answers = [];
  state.unknown = [];
  if (state.policies.length > 1) state.policy = null;
  void start();
}

(document.getElementById('new-case') as HTMLElement).addEventListener('click', newCase);
(document.getElementById('register') as HTMLElement).addEventListener('click', () => void registerView());
(document.getElementById('locale') as HTMLElement).addEventListener('click', () => {
  state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
  void start();
});
document.addEventListener('keydown', (e) => {
  // Digits pick a choice, so a case can be answered from the keyboard without Tab.
  if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
  const n = Number(e.key);
  if (!Number.isInteger(n) || n < 1) return;
  const choice = app.querySelectorAll<HTMLButtonElement>('.choices .choice')[n - 1];
  if (choice) {
    e.preventDefault();
    choice.click();
  }
});
void start();
