import type { JsonStep, Question } from '../workflows/interview.js';
import type { RegisterEntry } from '../workflows/register.js';

export type { RegisterEntry };

/** The server's answers the desk reads, with the policy identity. */
export interface Policy { readonly id: string; readonly title: string; readonly version: string | null; readonly hash: string; readonly departments: readonly { readonly id: string; readonly label: string }[] }
export interface Step extends JsonStep { readonly policy: { readonly id: string; readonly version: string | null; readonly hash: string } }
export interface Refusal { readonly diagnostics?: readonly { readonly message: string; readonly help?: string | null }[]; readonly error?: { readonly message: string } }
export type { Question };

/** The access token the page was opened with (`?access_token=`), sent with every request. */
const token = new URLSearchParams(location.search).get('access_token');
const headers = (extra: Record<string, string> = {}): Record<string, string> => (token ? { ...extra, authorization: `Bearer ${token}` } : extra);

/** The policies served, titles in `locale`. */
export async function listPolicies(locale: string): Promise<Policy[]> {
  const r = await fetch(`v1/policies?locale=${encodeURIComponent(locale)}`, { headers: headers() });
  if (!r.ok) throw new Error(`${r.status}`);
  return (await r.json()) as Policy[];
}

/** Evaluates the answers so far: the next step, or why an answer is refused. */
export async function evaluate(policy: string, answers: Readonly<Record<string, string | number>>, unknown: readonly string[], locale: string): Promise<{ step: Step } | { refused: Refusal }> {
  const query = `locale=${encodeURIComponent(locale)}${unknown.length > 0 ? `&unknown=${encodeURIComponent(unknown.join(','))}` : ''}`;
  const r = await fetch(`v1/policies/${encodeURIComponent(policy)}/evaluate?${query}`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(answers) });
  const body = (await r.json()) as Step & Refusal;
  if (r.status === 400) return { refused: body };
  if (!r.ok) throw new Error(body.error?.message ?? `${r.status}`);
  return { step: body };
}


/** A failed register request: the server's message and, for a refused value or move, what is allowed. */
export class RegisterRefusal extends Error {
  constructor(message: string, readonly allowed: readonly string[] = []) {
    super(message);
  }
}

async function registerAnswer<T>(r: Response): Promise<T> {
  const body = (await r.json()) as T & { error?: { message: string; allowed?: string[] }; needs?: string[]; questions?: { label: string; ask: string }[]; diagnostics?: { message: string }[] };
  if (r.ok) return body;
  if (body.error) throw new RegisterRefusal(body.error.message, body.error.allowed);
  if (body.diagnostics && body.diagnostics.length > 0) throw new RegisterRefusal(body.diagnostics.map((d) => d.message).join('\n'));
  throw new RegisterRefusal((body.questions ?? []).map((q) => `${q.label}：${q.ask}`).join('\n') || `${r.status}`);
}

/** Records the case answered so far (evaluated again by the server; only a decided case is recorded). */
export async function recordCase(policy: string, answers: Readonly<Record<string, string | number>>, staff: string, locale: string): Promise<RegisterEntry> {
  const r = await fetch(`v1/register?locale=${encodeURIComponent(locale)}`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ policy, case: answers, staff }) });
  return registerAnswer<RegisterEntry>(r);
}

/** A page of the register, with the server's clock and day (its answer headers). */
export interface RegisterPage { readonly entries: RegisterEntry[]; readonly next: string | null; readonly now: Date; readonly today: string }

/** Lists the register with filters (empty ones left out). */
export async function listRegister(filters: Readonly<Record<string, string>>): Promise<RegisterPage> {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const r = await fetch(`v1/register?${query.toString()}`, { headers: headers() });
  const body = await registerAnswer<{ entries: RegisterEntry[]; next: string | null }>(r);
  const now = r.headers.get('sopwright-now');
  return { ...body, now: now === null ? new Date() : new Date(now), today: r.headers.get('sopwright-today') ?? '' };
}

/** Moves a case to another status, with a note. */
export async function moveEntry(id: number, status: string, staff: string, note: string): Promise<RegisterEntry> {
  const r = await fetch(`v1/register/${id}/status`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ status, staff, ...(note !== '' ? { note } : {}) }) });
  return registerAnswer<RegisterEntry>(r);
}

/** Adds a note to a case without moving it. */
export async function addNote(id: number, staff: string, note: string): Promise<RegisterEntry> {
  const r = await fetch(`v1/register/${id}/notes`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ staff, note }) });
  return registerAnswer<RegisterEntry>(r);
}

/** Hands a case to another department, with an optional note. */
export async function reassign(id: number, owner: string, staff: string, note: string): Promise<RegisterEntry> {
  const r = await fetch(`v1/register/${id}/owner`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ owner, staff, ...(note !== '' ? { note } : {}) }) });
  return registerAnswer<RegisterEntry>(r);
}
