/**
 * The URLs and codes our FHIR resources use, in one place. Standard extensions are HL7's (core R4
 * and SDC); ours live under symptom-check.example, a placeholder a deployment replaces with a
 * domain it owns. No Node APIs here: the widget imports this module.
 */
import type { Coding, Extension } from 'fhir/r4';
import { answerWords } from '../i18n/answerWords';
import { localize } from '../i18n/localize';
import type { Question, Questionnaire } from '../questionnaire/schema';

const OURS = 'https://symptom-check.example/fhir';

export const URLS = {
  /** Our extension: the JSON of a showIf that enableWhen cannot express. */
  showIf: `${OURS}/StructureDefinition/show-if`,
  /** Our code system for the answers of yes/no questions. */
  yesNoUnsure: `${OURS}/CodeSystem/yes-no-unsure`,
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  itemControlSystem: 'http://hl7.org/fhir/questionnaire-item-control',
  optionExclusive: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive',
  sliderStep: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  shortText: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
} as const;

/** `urn:symptom-check:lupus`: the Questionnaire's canonical URL; with `|1.0.0` it names one version. */
export function canonicalUrl(q: Questionnaire): string {
  return `urn:symptom-check:${q.id}`;
}

/** The code system of one choice question's options: option ids are unique within a question only. */
export function optionSystem(q: Questionnaire, question: Question): string {
  return `urn:symptom-check:${q.id}:${question.id}`;
}

/** A group's linkId is its section id, unless a question has that id too (linkIds are unique in FHIR). */
export function sectionLinkId(q: Questionnaire, sectionId: string): string {
  const clash = q.sections.some((s) => s.questions.some((question) => question.id === sectionId));
  return clash ? `${sectionId}.section` : sectionId;
}

export function yesNoCoding(value: 'yes' | 'no' | 'unsure', lang: string): Coding {
  const words = answerWords(lang);
  return { system: URLS.yesNoUnsure, code: value, display: value === 'yes' ? words.yes : value === 'no' ? words.no : words.unsure };
}

/** The coding of a choice answer, or undefined when `value` is not one of the question's options. */
export function optionCoding(q: Questionnaire, question: Question, value: string, lang: string): Coding | undefined {
  if (question.type === 'yesno') return value === 'yes' || value === 'no' || value === 'unsure' ? yesNoCoding(value, lang) : undefined;
  if (question.type !== 'single' && question.type !== 'multi') return undefined;
  const option = question.options.find((o) => o.id === value);
  return option && { system: optionSystem(q, question), code: option.id, display: localize(option.text, lang, q.languages[0]!) };
}

export function itemControl(code: string): Extension {
  return { url: URLS.itemControl, valueCodeableConcept: { coding: [{ system: URLS.itemControlSystem, code }] } };
}
