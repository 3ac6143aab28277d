#!/usr/bin/env node
// Command-line linter for pipelines: the language server's engine, no editor.
console.error('nomad-jobs-lint: not built yet');
process.exit(2);
