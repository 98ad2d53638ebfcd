/** The screens after the questions and the advice's code, loaded while the patient answers (they are not needed to start). */
export { evaluateAnswers } from '../engine/guidance';
export { Result } from './Result';
export { Review } from './Review';
export { default as lateCss } from './late.css?inline';
export { printWidget } from './printWidget';
