/** The screens after the questions, loaded while the patient answers (they are not needed to start). */
export { Result } from './Result';
export { Review } from './Review';
export { default as lateCss } from './late.css?inline';
