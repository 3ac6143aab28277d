// @ts-check
// Memory of the language service with N large documents open, each parsed,
// validated and kept as the server keeps it (its ParsedDocuments cache, which
// holds syntax trees only for the most recently edited documents). Run by
// languageServer.bench.js in its own process with --expose-gc; prints JSON:
// process RSS and the growth per document.
//   node --expose-gc bench/languageServer.memory.js LINES DOCUMENTS
'use strict';
const path = require('path');
const { generateJob } = require('./jobspecGenerator');

const OUT = path.join(__dirname, '..', 'out', 'server', 'src');

function collect() {
  const gc = /** @type {() => void} */ (global.gc);
  gc();
  gc();
}

function mib(/** @type {number} */ bytes) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function main() {
  const lines = Number(process.argv[2] ?? 5000);
  const count = Number(process.argv[3] ?? 20);
  const { createLanguageService } = require(path.join(OUT, 'languageService.js'));
  const { ParsedDocuments } = require(path.join(OUT, 'lsp', 'parsedDocuments.js'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const service = await createLanguageService();
  const job = generateJob(lines);
  // Warm up (grammar, schema, compiled code) before the first reading.
  const warm = TextDocument.create('file:///warm.nomad.hcl', 'nomad', 1, job.hcl);
  service.doValidation(warm, service.parseJobDocument(warm), { schemaVersion: 'auto' });
  collect();
  const before = process.memoryUsage();
  const cache = new ParsedDocuments(service);
  const open = [];
  for (let i = 0; i < count; i++) {
    // Distinct texts, as distinct files would be.
    const document = TextDocument.create(`file:///bench/job-${i}.nomad.hcl`, 'nomad', 1, job.hcl.replace('job "bench"', `job "bench-${i}"`));
    open.push({ document, diagnostics: service.doValidation(document, cache.get(document), { schemaVersion: 'auto' }) });
    cache.prepareForEdits(document); // as the server does once idle: the syntax tree for the next edit
  }
  collect();
  const after = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      documents: open.length,
      rssMiB: mib(after.rss),
      perDocumentMiB: mib((after.rss - before.rss) / count),
      heapUsedMiB: mib(after.heapUsed),
      externalMiB: mib(after.external + after.arrayBuffers),
    }),
  );
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exitCode = 1;
});
