// Settings per resource (a folder may pin its own `nomad.schemaVersion`),
// pulled from the client and cached by URI until the configuration changes.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SCHEMA_VERSION, SETTINGS_SECTION, type NomadServerSettings } from '../../../common/src/protocol/settings';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<NomadServerSettings>>();
  private globalSettings: NomadServerSettings = {};

  constructor(private readonly connection: Connection, private readonly canPull: boolean) {}

  get(uri: string): Promise<NomadServerSettings> {
    if (!this.canPull) return Promise.resolve(this.globalSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((value: unknown) => (value && typeof value === 'object' ? (value as NomadServerSettings) : {}))
        .catch(() => ({}));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** From workspace/didChangeConfiguration: pushed settings (clients that cannot be asked) or just "re-read". */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = (pushed as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (section && typeof section === 'object') this.globalSettings = section as NomadServerSettings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

export function schemaVersionOf(settings: NomadServerSettings): string {
  return typeof settings.schemaVersion === 'string' && settings.schemaVersion.trim() !== '' ? settings.schemaVersion : DEFAULT_SCHEMA_VERSION;
}
