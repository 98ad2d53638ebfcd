import { h } from 'preact';
import { answerText } from '../engine/describe';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { modelOf } from '../engine/model';
import { resultWords } from '../i18n/resultWords';
import { useSpeech } from './context';

interface Props {
  questionnaire: Questionnaire;
  answers: Answers;
  visible: string[];
  headingRef: preact.Ref<HTMLHeadingElement>;
  onEdit: (questionId: string) => void;
  onNext: () => void;
  onBack: () => void;
}

/**
 * Every answer with a "Change" button, before the advice; mid-run (from "See my answers so
 * far"), the answers so far, and the main button goes on with the questions.
 */
export function Review({ questionnaire, answers, visible, headingRef, onEdit, onNext, onBack }: Props) {
  const { t, text, lang } = useSpeech();
  const words = resultWords(lang);
  const model = modelOf(questionnaire);
  // Up to the last question answered: questions not reached yet are not listed, a cleared answer is.
  let lastAnswered = -1;
  visible.forEach((id, i) => Object.hasOwn(answers, id) && (lastAnswered = i));
  const listed = visible.slice(0, lastAnswered + 1);
  const midRun = visible.some((id) => !Object.hasOwn(answers, id));
  return (
    <section class="screen" part="review" aria-labelledby="sc-review-heading">
      <h2 id="sc-review-heading" class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {words.reviewHeading}
      </h2>
      <p>{midRun ? words.reviewIntroMidRun : words.reviewIntro}</p>
      <dl class="answers">
        {listed.map((id) => {
          const question = model.questionById.get(id)!.question;
          const label = text(question.summary ?? question.text);
          return (
            <div class="answer-row" key={id}>
              <dt>{label}</dt>
              <dd>
                <span>{answerText(question, answers[id], lang, model.fallbackLanguage)}</span>
                <button type="button" class="link-button" part="button" aria-label={words.changeLabel(label)} onClick={() => onEdit(id)}>
                  {words.change}
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      <div class="actions">
        <button type="button" class="button" part="button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" class="button primary" part="button button-primary" onClick={onNext}>
          {midRun ? words.continueQuestions : words.seeAdvice}
        </button>
      </div>
    </section>
  );
}
