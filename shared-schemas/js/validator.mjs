// @ts-check
// Loads every shared schema into one Ajv instance, for the JS tests of this module and of the extension.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
export const ID_PREFIX = 'https://vigie.invalid/schemas/';

/** @returns {{ validate(schemaName: string, value: unknown): string[] }} */
export function createValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')));
  }
  return {
    validate(schemaName, value) {
      const check = ajv.getSchema(`${ID_PREFIX}${schemaName}.schema.json`);
      if (!check) throw new Error(`no schema named ${schemaName}`);
      return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
  };
}

/** The taxonomy document, the single source of labels and risks. */
export function readTaxonomy() {
  return JSON.parse(readFileSync(join(SCHEMAS_DIR, 'taxonomy.json'), 'utf8'));
}
