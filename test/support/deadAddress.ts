// An address where nothing listens, for tests of an unreachable cluster. The
// runners in scripts/ need the same thing before anything is compiled, so the
// one implementation is scripts/lib/deadAddress.js (see there for how the port
// is chosen); this gives tests its typed form.
import { repoFile } from './repoPaths';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tooling = require(repoFile('scripts', 'lib', 'deadAddress.js')) as { deadAddress(): Promise<string> };

export const deadAddress: () => Promise<string> = tooling.deadAddress;
