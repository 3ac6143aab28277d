// The extension under test, as the extension host sees it.
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../../client/src/extension';
import { waitFor } from './wait';

export const EXTENSION_ID = 'nomad-jobs.nomad-jobs';

export function nomadExtension(): vscode.Extension<NomadExtensionApi> {
  const extension = vscode.extensions.getExtension<NomadExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the test VS Code`);
  return extension;
}

/** Waits until something the test did has activated the extension, and returns its API. */
export async function activatedApi(): Promise<NomadExtensionApi> {
  const extension = nomadExtension();
  await waitFor(() => extension.isActive, 'the extension to activate');
  return extension.exports;
}
