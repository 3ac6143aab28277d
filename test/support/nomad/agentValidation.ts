// Asks a Nomad agent what it thinks of a jobspec, the way `nomad job validate`
// does: POST /v1/jobs/parse (HCL to the API's Job, without defaults), then
// PUT /v1/validate/job. Used to confirm the language server's semantic rules
// against a real agent.

export interface AgentVerdict {
  /** The job as the agent parsed it (API JSON), or undefined when parsing failed. */
  readonly job: unknown;
  /** Parse failure or validation errors; empty when the agent accepts the job. */
  readonly errors: readonly string[];
  readonly warnings: string;
}

export async function validateOnAgent(address: string, hcl: string, token?: string): Promise<AgentVerdict> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(token ? { 'X-Nomad-Token': token } : {}) };
  const parsed = await fetch(`${address}/v1/jobs/parse`, { method: 'POST', headers, body: JSON.stringify({ JobHCL: hcl, Canonicalize: false }) });
  const parsedText = await parsed.text();
  if (!parsed.ok) return { job: undefined, errors: [`parse: ${parsedText.trim()}`], warnings: '' };
  const job: unknown = JSON.parse(parsedText);
  const validated = await fetch(`${address}/v1/validate/job`, { method: 'PUT', headers, body: JSON.stringify({ Job: job }) });
  const text = await validated.text();
  if (!validated.ok) return { job, errors: [text.trim()], warnings: '' };
  const body = JSON.parse(text) as { ValidationErrors?: string[] | null; Error?: string; Warnings?: string };
  const errors = body.ValidationErrors ?? (body.Error ? [body.Error] : []);
  return { job, errors, warnings: body.Warnings ?? '' };
}
