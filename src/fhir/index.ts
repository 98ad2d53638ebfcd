/** FHIR R4 views of a questionnaire and its answers. Free of Node APIs: the widget imports it. */
export { toFhirQuestionnaire } from './questionnaire';
export { toFhirQuestionnaireResponse, type ResponseOptions } from './response';
export { canonicalUrl, URLS as FHIR_URLS } from './codes';
