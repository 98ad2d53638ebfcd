import { useEffect, useMemo, useState } from 'preact/hooks';
import { createActor } from 'xstate';
import { evaluate, visibleQuestions, type AppliedGuidance } from '../engine/evaluate';
import { modelOf } from '../engine/model';
import { stringsFor } from '../i18n/index';
import { progressOf, type Progress } from '../machine/progress';
import { questionnaireMachine, type MachineEvent } from '../machine/questionnaireMachine';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { SpeechContext, speechFor } from './context';
import { Intro } from './Intro';
import { clearResume, readResume, saveResume } from './persistence';
import { QuestionStep } from './QuestionStep';
import { Result } from './Result';
import { Review } from './Review';
import { useActorSnapshot } from './useActorSnapshot';
import { useFocusOnChange } from './useFocusOnChange';

export interface CompleteDetail {
  answers: Answers;
  guidance: AppliedGuidance[];
  questionnaire: { id: string; version: string };
  stoppedEarly: boolean;
  lang: string;
}

export interface AppProps {
  questionnaire: Questionnaire;
  lang: string;
  emergencyNumber?: string;
  /** sessionStorage key when persist="session"; without it nothing is stored. */
  persistKey?: string;
  onStep?: (progress: Progress) => void;
  onComplete?: (detail: CompleteDetail) => void;
  onPrint?: () => void;
}

export function App({ questionnaire, lang, emergencyNumber, persistKey, onStep, onComplete, onPrint }: AppProps) {
  const [actor, setActor] = useState(() => startActor(questionnaire, persistKey));
  useEffect(() => () => actor.stop(), [actor]);
  const snapshot = useActorSnapshot(actor);
  const { answers, current, error, stoppedEarly } = snapshot.context;
  const progress = progressOf(snapshot);
  const [refusals, setRefusals] = useState(0);
  const speech = useMemo(() => speechFor(questionnaire, lang, stringsFor(lang)), [questionnaire, lang]);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(`${progress.step}:${current}`, false);
  const visible = useMemo(() => visibleQuestions(questionnaire, answers), [questionnaire, answers]);
  const guidance = useMemo(
    () => (progress.step === 'result' ? evaluate(questionnaire, answers, { lang, trusted: true }).guidance : []),
    [progress.step, questionnaire, answers, lang],
  );
  const [resultDate, setResultDate] = useState(() => new Date());

  useEffect(() => onStep?.(progress), [progress.step, progress.index, progress.total]);
  useEffect(() => {
    if (progress.step !== 'result') return;
    setResultDate(new Date());
    onComplete?.({ answers: structuredClone(answers), guidance, questionnaire: { id: questionnaire.id, version: questionnaire.version }, stoppedEarly, lang });
  }, [progress.step === 'result', answers]);
  useEffect(() => {
    if (!persistKey) return;
    if (progress.step === 'intro' && Object.keys(answers).length === 0) clearResume(persistKey);
    else saveResume(persistKey, { answers, step: progress.step, current, editing: snapshot.context.editing, stoppedEarly });
  }, [snapshot]);

  const send = (event: MachineEvent) => actor.send(event);
  const next = () => {
    send({ type: 'user.next' });
    const after = actor.getSnapshot();
    if (after.matches('question') && after.context.error && after.context.current === current) setRefusals((n) => n + 1);
  };
  const emergency = emergencyNumber || questionnaire.emergencyNumber;

  return (
    <SpeechContext.Provider value={speech}>
      {progress.step === 'intro' && <Intro questionnaire={questionnaire} persist={Boolean(persistKey)} headingRef={headingRef} onStart={next} />}
      {progress.step === 'question' && current && (
        <QuestionStep
          key={current}
          question={modelOf(questionnaire).questionById.get(current)!.question}
          value={answers[current]}
          error={error}
          refusals={refusals}
          index={progress.index}
          total={progress.total}
          headingRef={headingRef}
          onAnswer={(value) => send({ type: 'user.answer', value })}
          onNext={next}
          onBack={() => send({ type: 'user.back' })}
        />
      )}
      {progress.step === 'review' && (
        <Review
          questionnaire={questionnaire}
          answers={answers}
          visible={visible}
          headingRef={headingRef}
          onEdit={(questionId) => send({ type: 'user.edit', questionId })}
          onNext={next}
          onBack={() => send({ type: 'user.back' })}
        />
      )}
      {progress.step === 'result' && (
        <Result
          questionnaire={questionnaire}
          answers={answers}
          visible={visible}
          guidance={guidance}
          stoppedEarly={stoppedEarly}
          emergencyNumber={emergency}
          persist={Boolean(persistKey)}
          date={resultDate}
          headingRef={headingRef}
          onBack={() => send({ type: 'user.back' })}
          onRestart={() => send({ type: 'user.restart' })}
          onClear={() => {
            if (persistKey) clearResume(persistKey);
            // A fresh actor: nothing of the old run is left to save again.
            setActor(startActor(questionnaire, undefined));
          }}
          onPrint={onPrint ?? (() => window.print())}
        />
      )}
    </SpeechContext.Provider>
  );
}

function startActor(questionnaire: Questionnaire, persistKey: string | undefined) {
  const resume = persistKey ? readResume(persistKey, questionnaire) : undefined;
  return createActor(questionnaireMachine, { input: { questionnaire, ...(resume ? { resume } : {}) } }).start();
}
