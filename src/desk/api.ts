import type { JsonStep, Question } from '../workflows/interview.js';

/** The server's answers the desk reads, with the policy identity. */
export interface Policy { readonly id: string; readonly title: string; readonly version: string | null; readonly hash: string }
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
export async function evaluate(policy: string, answers: Readonly<Record<string, string>>, unknown: readonly string[], locale: string): Promise<{ step: Step } | { refused: Refusal }> {
  const query = `locale=${encodeURIComponent(locale)}${unknown.length > 0 ? `&unknown=${encodeURIComponent(unknown.join(','))}` : ''}`;
  const r = await fetch(`v1/policies/${encodeURIComponent(policy)}/evaluate?${query}`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(answers) });
  const body = (await r.json()) as Step & Refusal;
  if (r.status === 400) return { refused: body };
  if (!r.ok) throw new Error(body.error?.message ?? `${r.status}`);
  return { step: body };
}
