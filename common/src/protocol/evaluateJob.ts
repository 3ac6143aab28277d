// Client -> server request: a native HCL job file as HCL-JSON with its variable values applied,
// evaluated by the language server (see services/evaluate/jobEvaluation.ts). The plan feature
// asks for it where the cluster's /v1/jobs/parse cannot take variables (before Nomad 1.6).

export interface EvaluateJobParams {
  /** An open document. */
  readonly uri: string;
  /** Variable assignments in HCL (`name = value` lines), as /v1/jobs/parse would take them. */
  readonly variables: string;
}

export type EvaluateJobResult =
  | { readonly ok: true; readonly hclJson: { job: Record<string, unknown> } }
  | { readonly ok: false; readonly message: string; readonly line?: number };

export const EVALUATE_JOB_REQUEST = 'nomad/evaluateJob';
