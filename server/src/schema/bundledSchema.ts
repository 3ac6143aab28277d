// The schema data shipped with the extension, bundled into dist/ by webpack
// through these JSON imports (no file reads at run time).
import type { JsonSchema } from './jsonSchema';
import { SchemaModel } from './schemaModel';
import jobSchema from './data/job.schema.json';
import hclFileSchema from './data/hcl-file.json';
import dockerSchema from './data/drivers/docker.schema.json';
import execSchema from './data/drivers/exec.schema.json';
import javaSchema from './data/drivers/java.schema.json';
import qemuSchema from './data/drivers/qemu.schema.json';
import rawExecSchema from './data/drivers/raw_exec.schema.json';

let model: SchemaModel | undefined;

/** One shared model: it caches what it has worked out. */
export function bundledSchema(): SchemaModel {
  model ??= new SchemaModel({
    job: jobSchema as JsonSchema,
    file: hclFileSchema as JsonSchema,
    drivers: {
      docker: dockerSchema as JsonSchema,
      exec: execSchema as JsonSchema,
      java: javaSchema as JsonSchema,
      qemu: qemuSchema as JsonSchema,
      raw_exec: rawExecSchema as JsonSchema,
    },
  });
  return model;
}
