// Entry of dist/lint.js (the `nomad-jobs-lint` bin); webpack adds the shebang.
import { runLint } from './lintCommand';

const output = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };

runLint(process.argv.slice(2), output).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    output.stderr(`nomad-jobs-lint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
