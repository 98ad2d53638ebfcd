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

/** Every answer with a "Change" button, before the advice. */
export function Review({ questionnaire, answers, visible, headingRef, onEdit, onNext, onBack }: Props) {
  const { t, text, lang } = useSpeech();
  const words = resultWords(lang);
  const model = modelOf(questionnaire);
  return (
    <section class="screen" part="review" aria-labelledby="sc-review-heading">
      <h2 id="sc-review-heading" class="heading" part="heading" tabIndex={-1} ref={headingRef}>
        {words.reviewHeading}
      </h2>
      <p>{words.reviewIntro}</p>
      <dl class="answers">
        {visible.map((id) => {
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
          {words.seeAdvice}
        </button>
      </div>
    </section>
  );
}
