// The part of the `nomad.*` settings the language server reads, per resource.

export const SETTINGS_SECTION = 'nomad';

export interface NomadServerSettings {
  /** `auto` (follow the connected cluster) or a Nomad version such as `1.6.0` to check features against. */
  readonly schemaVersion?: string;
}

export const DEFAULT_SCHEMA_VERSION = 'auto';
