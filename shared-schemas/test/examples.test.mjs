import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createValidator, readTaxonomy, EXAMPLES_DIR, SCHEMAS_DIR } from '../js/validator.mjs';

const validator = createValidator();
const schemaOf = (file) => file.slice(0, file.indexOf('.'));
const examples = (kind) => readdirSync(join(EXAMPLES_DIR, kind)).filter((f) => f.endsWith('.json')).sort();
const read = (kind, file) => JSON.parse(readFileSync(join(EXAMPLES_DIR, kind, file), 'utf8'));

for (const file of examples('valid')) {
  test(`valid example ${file} passes its schema`, () => {
    assert.deepEqual(validator.validate(schemaOf(file), read('valid', file)), []);
  });
}

for (const file of examples('invalid')) {
  test(`invalid example ${file} fails its schema`, () => {
    assert.notDeepEqual(validator.validate(schemaOf(file), read('invalid', file)), []);
  });
}

test('there is a valid capture-metadata example', () => {
  assert.ok(examples('valid').some((f) => f.includes('capture') && schemaOf(f) === 'capture-metadata'));
});

test('every schema has a valid example', () => {
  const names = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace('.schema.json', ''));
  for (const name of names) assert.ok(examples('valid').some((f) => schemaOf(f) === name), `valid example for ${name}`);
});

test('the taxonomy gives each of the nine labels a risk that exists', () => {
  const taxonomy = readTaxonomy();
  assert.equal(taxonomy.labels.length, 9);
  for (const entry of taxonomy.labels) assert.ok(taxonomy.risks.includes(entry.risk), entry.label);
});
