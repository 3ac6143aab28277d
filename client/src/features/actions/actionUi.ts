// The UI seam of every action: each prompt, confirmation and message an
// action uses goes through this interface, so unit tests script the answers
// and integration tests run the real thing (vscodeActionUi.ts). No vscode here.

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickOptions {
  title: string;
  placeholder?: string;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  value?: string;
  placeholder?: string;
  /** Returns the problem with the text, shown under the box; undefined when it is fine. */
  validate?: (value: string) => string | undefined;
  /** Hide what is typed (secrets). */
  password?: boolean;
}

export interface ConfirmOptions {
  /** Second line of the modal, e.g. what exactly will happen. */
  detail?: string;
  /** Button labels; the first is the default. Cancel is always offered by the dialog itself. */
  actions: string[];
}

/** A file the user chose as payload, already read. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface ActionUi {
  /** Resolves to the picked item's value, or undefined when the user backed out. */
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal question; resolves to the chosen action label, or undefined for Cancel. */
  confirm(message: string, options: ConfirmOptions): Promise<string | undefined>;
  info(message: string): void;
  /** An error notification: what failed, then what to do about it. */
  error(message: string, advice?: string): void;
  /** Asks for a file and reads it; undefined when cancelled. */
  chooseFile(title: string): Promise<ChosenFile | undefined>;
  /** The text of the active editor as UTF-8 bytes, with its name; undefined when no editor is active. */
  activeEditorContent(): ChosenFile | undefined;
  /** Opens a side-by-side comparison of two documents. */
  showDiff(left: string, right: string, title: string): Promise<void>;
  /** Runs a command of this or another extension (e.g. revealing a job in the tree). */
  executeCommand(command: string, ...args: unknown[]): Promise<unknown>;
  /** Opens a web address in the user's browser. */
  openExternal(url: string): Promise<void>;
  /** Shows a progress notification while `task` runs. */
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
  /**
   * A progress notification with a Cancel button: `signal` aborts when the user
   * cancels; `report` replaces the line under the title (e.g. "batch 2 of 3").
   */
  withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T>;
}
