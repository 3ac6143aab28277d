// The schema data shipped with the extension, bundled into dist/ by webpack
// through these JSON imports (no file reads at run time).
import type { JsonSchema } from './jsonSchema';
import { SchemaModel } from './schemaModel';
import jobSchema from '../../../common/schema/job.schema.json';
import hclFileSchema from '../../../common/schema/hcl-file.json';
import dockerSchema from '../../../common/schema/drivers/docker.schema.json';
import execSchema from '../../../common/schema/drivers/exec.schema.json';
import javaSchema from '../../../common/schema/drivers/java.schema.json';
import qemuSchema from '../../../common/schema/drivers/qemu.schema.json';
import rawExecSchema from '../../../common/schema/drivers/raw_exec.schema.json';

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
