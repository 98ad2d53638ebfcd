/** The screens after the questions, the advice's code, and the number and scale answers: loaded while the patient answers the first question (none of it is needed to start). */
export { evaluateAnswers } from '../engine/guidance';
export { Result } from './Result';
export { LeaveWarning } from './LeaveWarning';
export { Review } from './Review';
export { UrgentSoFar } from './UrgentSoFar';
export { default as lateCss } from './late.css?inline';
export { printWidget } from './printWidget';
export { NumberAnswer, numberError, ScaleAnswer } from './numericAnswers';
