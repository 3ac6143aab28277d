// Nomad's own job validation (Job.Validate and what it reaches, plus the
// checks of job registration) on the file's job, after Nomad's defaults:
// the rules in ../semantic/, run on the same view of HCL, HCL-JSON and API
// JSON. Quiet while the file has syntax errors: a half-read job would give
// findings about what the parser could not see.
import { DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { formatDuration } from '../../completion/snippets';
import type { ValidationRule } from '../rule';
import type { Place, RuleContext } from '../ruleContext';
import { jobFacts } from '../semantic/jobFacts';
import { apiJobView, hclJobView, type ObjectView } from '../semantic/jobView';
import type { FindingOptions, Findings, SemanticRule } from '../semantic/semanticRule';
import { semanticRules } from '../semantic/semanticRules';
import { versionAtLeast } from '../../../schema/targetVersion';

/** The Nomad release the schema follows: rules are checked for it when no target version is known. */
export const NEWEST_NOMAD = '2.0.5';

export const semanticRule: ValidationRule = {
  checkDocument(ctx) {
    runSemanticRules(ctx, semanticRules);
  },
};

export function runSemanticRules(ctx: RuleContext, rules: readonly SemanticRule[]): void {
  const parsed = ctx.parsed;
  if (parsed.shape === 'not-a-job' || parsed.syntaxErrors.length > 0) return;
  const view: ObjectView | undefined = parsed.shape === 'api-json' ? apiJobView(parsed.job, ctx.document) : hclJobView(parsed.hcl.body, ctx.schema);
  if (!view) return;
  const version = ctx.targetVersion ?? NEWEST_NOMAD;
  const facts = jobFacts(view);
  const findings = new RuleFindings(ctx, parsed.shape === 'api-json' ? 'api-json' : 'hcl', version);
  for (const rule of rulesFor(rules, version)) {
    findings.rule = rule;
    try {
      rule.check(facts, findings);
    } catch {
      // A rule must never take the others (or the server) down with it on odd input.
    }
  }
}

/** The rules that apply to a version, worked out once per rule list and version (a document is validated on every edit). */
const applicable = new WeakMap<readonly SemanticRule[], Map<string, readonly SemanticRule[]>>();

function rulesFor(rules: readonly SemanticRule[], version: string): readonly SemanticRule[] {
  let byVersion = applicable.get(rules);
  if (!byVersion) applicable.set(rules, (byVersion = new Map()));
  let found = byVersion.get(version);
  if (!found) byVersion.set(version, (found = rules.filter((rule) => applies(rule, version))));
  return found;
}

export function applies(rule: SemanticRule, version: string): boolean {
  return (rule.since === undefined || versionAtLeast(version, rule.since)) && (rule.until === undefined || !versionAtLeast(version, rule.until));
}

class RuleFindings implements Findings {
  /** The rule running now: its id is the code of what it reports. */
  rule: SemanticRule | undefined;

  constructor(private readonly ctx: RuleContext, readonly shape: 'hcl' | 'api-json', readonly version: string) {}

  report(place: Place, message: string, options: FindingOptions = {}): void {
    const uri = this.ctx.document.uri;
    const relatedInformation: DiagnosticRelatedInformation[] = (options.related ?? []).map((related) => ({ location: { uri, range: rangeOf(related.place) }, message: related.message }));
    const fixes = (options.fixes ?? []).map((fix) => ({ title: fix.title, range: rangeOf(fix.place), newText: fix.newText }));
    this.ctx.report(place, options.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, this.rule?.id ?? 'semantic', message, {
      ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
      ...(fixes.length > 0 ? { data: { fixes } satisfies SemanticFixData } : {}),
    });
  }

  name(hclName: string, apiName: string): string {
    return this.shape === 'hcl' ? hclName : apiName;
  }

  durationText(nanoseconds: number): string {
    return this.shape === 'hcl' ? JSON.stringify(formatDuration(nanoseconds)) : String(nanoseconds);
  }
}

function rangeOf(place: Place) {
  return 'range' in place ? place.range : place;
}

/** `data` of a semantic finding with quick fixes: replacements computed when the finding was made. */
export interface SemanticFixData {
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly range: ReturnType<typeof rangeOf>; readonly newText: string }>;
}
