// ajv validators for API JSON: the Job (job.schema.json) and, for tasks whose
// driver has a schema, their Config maps. Compiled on first use and kept:
// compiling the whole Job schema takes a noticeable fraction of a second.
import Ajv, { type ValidateFunction } from 'ajv';
import type { SchemaModel } from './schemaModel';

const shared = new WeakMap<SchemaModel, ApiValidators>();

export class ApiValidators {
  private ajv: Ajv | undefined;
  private job: ValidateFunction | undefined;
  private readonly drivers = new Map<string, ValidateFunction | undefined>();

  private constructor(private readonly schema: SchemaModel) {}

  /** One set per schema, shared by every language service using it (compiling is the costly part). */
  static for(schema: SchemaModel): ApiValidators {
    let validators = shared.get(schema);
    if (!validators) {
      validators = new ApiValidators(schema);
      shared.set(schema, validators);
    }
    return validators;
  }

  jobValidator(): ValidateFunction {
    if (!this.job) {
      const document = this.schema.documents.job;
      const id = document.$id ?? 'job.schema.json';
      const ajv = this.instance();
      if (!ajv.getSchema(id)) ajv.addSchema(document, document.$id ? undefined : id);
      this.job = ajv.compile({ $ref: `${id}#/definitions/Job` });
    }
    return this.job;
  }

  driverValidator(driver: string): ValidateFunction | undefined {
    if (!this.drivers.has(driver)) {
      const document = Object.prototype.hasOwnProperty.call(this.schema.documents.drivers, driver) ? this.schema.documents.drivers[driver] : undefined;
      const { $id: _id, ...withoutId } = document ?? {};
      this.drivers.set(driver, document && this.instance().compile(withoutId));
    }
    return this.drivers.get(driver);
  }

  private instance(): Ajv {
    // strict: false lets ajv skip the x- annotations; verbose adds the failing schema to each error (for suggestions).
    this.ajv ??= new Ajv({ allErrors: true, strict: false, verbose: true });
    return this.ajv;
  }
}
