// Decides which live resources run: those owned by expanded nodes, and only while the view is visible.
// Owners are identified by node keys: path-like strings where a descendant's key starts with `ancestor/`.

export interface Watchable {
  start(): void;
  stop(): void;
}

interface Entry {
  owner: string;
  /** Set while an ancestor is collapsed: the key of the node whose expansion resumes this entry. */
  suspendedBy?: string;
}

export function isWithin(key: string, ancestor: string): boolean {
  return key === ancestor || key.startsWith(`${ancestor}/`);
}

export class WatchSet {
  private readonly entries = new Map<Watchable, Entry>();
  private visible = false;

  /** The owner is shown expanded: keep its resource live (when the view is visible). */
  want(resource: Watchable, owner: string): void {
    this.entries.set(resource, { owner });
    if (this.visible) resource.start();
  }

  /** A node collapsed: its own resources stop for good, those of expanded descendants until it expands again. */
  collapsed(key: string): void {
    for (const [resource, entry] of this.entries) {
      if (!isWithin(entry.owner, key)) continue;
      if (entry.owner === key) {
        this.entries.delete(resource);
      } else if (!entry.suspendedBy) {
        entry.suspendedBy = key;
      } else {
        continue;
      }
      resource.stop();
    }
  }

  /** A node expanded again: resume what its collapse suspended (VS Code does not re-ask for those children). */
  expanded(key: string): void {
    for (const [resource, entry] of this.entries) {
      if (entry.suspendedBy !== key) continue;
      entry.suspendedBy = undefined;
      if (this.visible) resource.start();
    }
  }

  /** The node and everything below it left the tree (e.g. the job was deleted). */
  forget(key: string): void {
    for (const [resource, entry] of this.entries) {
      if (!isWithin(entry.owner, key)) continue;
      this.entries.delete(resource);
      resource.stop();
    }
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    for (const [resource, entry] of this.entries) {
      if (!visible) resource.stop();
      else if (!entry.suspendedBy) resource.start();
    }
  }

  dispose(): void {
    for (const resource of this.entries.keys()) resource.stop();
    this.entries.clear();
  }
}
