import { h } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hasEmergency, visibleQuestions } from '../engine/answersInEffect';
import type { AppliedGuidance } from '../engine/guidance';
import { modelOf } from '../engine/model';
import { languageNames, stringsFor } from '../i18n/index';
import { earlyRunOf, earlyStep, type EarlyRun } from '../machine/earlyRun';
import { progressOf, type Progress } from '../machine/progress';
import type { MachineEvent, Step } from '../machine/questionnaireMachine';
import type { RunActor } from '../machine/startRun';
import type { Problem } from '../questionnaire/problem';
import type { Answers, Questionnaire } from '../questionnaire/schema';
import { SpeechContext, speechFor } from './context';
import { Intro } from './Intro';
import { QuestionStep } from './QuestionStep';
import { EmergencyResult, LoadError, Loading } from './StatusViews';
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
  /**
   * False while `questionnaire` is only the first screens' part of the built-in rules (texts
   * beyond the first section are empty): screens that need those texts wait for the rest.
   */
  complete?: boolean;
  /** The rest of the questionnaire could not load (`complete` stays false): the screens that need it stop. */
  restFailed?: Problem[];
  lang: string;
  emergencyNumber?: string;
  /**
   * persist="session": the sessionStorage key, and the code that keeps runs there (loaded only
   * for pages that ask). Without it, or without the patient's yes, nothing is stored.
   */
  persist?: Persist;
  onStep?: (progress: Progress) => void;
  onComplete?: (detail: CompleteDetail) => void;
  onPrint?: () => void;
  /** The other languages the patient may switch to (each a code of languageNames), with what switching does. */
  otherLanguages?: string[];
  onLanguage?: (lang: string) => void;
  /** Adds a stylesheet to the widget's shadow root (the later screens bring their own). */
  adoptStyles?: (css: string) => void;
  /** The run cannot go on (the next screen's code did not load): what the web team should know. */
  onError?: (problems: Problem[]) => void;
  /** False while the element is off the page: nothing of the run may hold on to the window then. */
  onPage?: boolean;
}

type LateScreens = typeof import('./lateScreens');
type RunCode = typeof import('../machine/startRun');
/**
 * persist="session": where a run is kept, and the code that keeps it (its own chunk). The
 * intro may offer to keep the answers before that code is here (when nothing was kept yet):
 * what the patient does meanwhile is saved once it comes.
 */
export interface Persist {
  key: string;
  store?: typeof import('./persistence');
}

export function App({ questionnaire, complete = true, restFailed, lang, emergencyNumber, persist, onStep, onComplete, onPrint, otherLanguages = [], onLanguage, adoptStyles, onError, onPage = true }: AppProps) {
  // The machine's code comes once the first question is on screen (or at once for a kept run);
  // until then the early run takes the patient's steps, and the machine replays them.
  const [saved] = useState(() => persist?.store?.readResume(persist.key, questionnaire));
  // A ref, not state: "Clear my answers" must find it even before the next render.
  const runCode = useRef<RunCode | null>(null);
  const [runFailed, setRunFailed] = useState<Problem[] | null>(null);
  const [actor, setActor] = useState<RunActor | null>(null);
  // The actor as soon as it exists: a step taken before the next render must reach it.
  const live = useRef<RunActor | null>(null);
  const early = useRef<EarlyRun>(null as never);
  early.current ??= earlyRunOf(questionnaire);
  const [, setEarlyShown] = useState(early.current);
  // The questionnaire is compiled just after the intro is painted (or on Start if that is
  // sooner): the intro needs none of it, and reports no step until then.
  const [compiled, setCompiled] = useState(false);
  // The patient's consent to keep the answers (persist="session" only): a saved run means they gave it.
  const [keep, setKeep] = useState(() => saved !== undefined);
  // The language the patient picked in the widget is kept with their answers (not the page's:
  // the same run resumed on the clinic's page in another language follows that page).
  const [chosenLanguage, setChosenLanguage] = useState(saved?.lang);
  const chooseLanguage = (code: string) => {
    setChosenLanguage(code);
    onLanguage?.(code);
  };
  useEffect(() => {
    if (saved?.lang && otherLanguages.includes(saved.lang)) chooseLanguage(saved.lang);
  }, []);
  useLayoutEffect(() => {
    if (actor) return () => actor.stop();
  }, [actor]);
  useLayoutEffect(() => {
    if (compiled) return;
    // Cancelled as soon as the patient acts (Start pressed first) or the App goes.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(compile)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [compiled]);
  const snapshot = useActorSnapshot(actor);
  const run = snapshot ? { ...snapshot.context, step: (snapshot.value === 'starting' ? 'intro' : snapshot.value) as Step } : early.current;
  const { answers, current, error, stoppedEarly } = run;
  // A kept run shows nothing until the machine resumes it, but for an emergency: its heading and
  // the number to call show at once, whether or not the machine's code can load.
  const waitingForRun = !actor && (saved !== undefined || early.current.waiting);
  const [savedEmergency] = useState(() => saved !== undefined && hasEmergency(questionnaire, saved.answers));
  // total is known once the questionnaire is compiled: until then the intro reports no step.
  const known = snapshot !== null || (compiled && saved === undefined);
  const progress: Progress = known ? progressOf(run.step, run) : { step: 'intro', index: 0, total: -1 };
  const unmounted = useRef(false);
  useEffect(() => () => void (unmounted.current = true), []);
  const runAsked = useRef(false);
  useEffect(() => {
    if ((progress.step !== 'intro' || waitingForRun) && !runAsked.current) {
      runAsked.current = true;
      import('../machine/startRun').then(
        (code) => {
          if (unmounted.current) return;
          runCode.current = code;
          setActor((live.current = code.startRun(questionnaire, saved, early.current.log)));
        },
        (error: unknown) => failed(setRunFailed, error),
      );
    }
  }, [progress.step, waitingForRun]);
  const [refusals, setRefusals] = useState(0);
  const [cleared, setCleared] = useState(false);
  const speech = useMemo(() => speechFor(questionnaire, lang, stringsFor(lang)), [questionnaire, lang]);
  const [late, setLate] = useState<LateScreens | null>(null);
  const [lateFailed, setLateFailed] = useState<Problem[] | null>(null);
  // Loaded once the patient starts; on the intro already when the first question is a number or
  // a scale (their answers come with that code).
  const first = questionnaire.sections[0]?.questions[0]?.type;
  useEffect(() => {
    if ((progress.step !== 'intro' || saved || first === 'number' || first === 'scale') && !late && !lateFailed) {
      import('./lateScreens').then(
        (screens) => {
          adoptStyles?.(screens.lateCss);
          setLate(screens);
        },
        (error: unknown) => failed(setLateFailed, error),
      );
    }
  }, [progress.step]);
  const compiledCurrent = current ? modelOf(questionnaire).questionById.get(current) : undefined;
  const currentQuestion = compiledCurrent?.question;
  // Wait for what the screen needs: the machine (past the first question), the late screens'
  // code (with the number and scale answers), the texts of the rest of the questionnaire. The
  // questions go on when the later screens' code failed to load (sc-error has told the page)
  // until one needs it: the red flags come first, and an emergency answer's heading and number
  // to call need none of it.
  const waiting =
    waitingForRun ||
    (progress.step === 'question'
      ? Object.keys(currentQuestion?.text ?? {}).length === 0 || (!late && (currentQuestion?.type === 'number' || currentQuestion?.type === 'scale'))
      : progress.step !== 'intro' && (!late || !complete));
  // What a waiting screen cannot get: the machine, the later screens' code, or the rest of the questionnaire.
  const missing = (waitingForRun && runFailed) || (!late && lateFailed) || (!complete && restFailed) || null;
  const afterQuestions = progress.step === 'review' || progress.step === 'result';
  const visible = useMemo(() => (afterQuestions ? visibleQuestions(questionnaire, answers) : []), [afterQuestions, questionnaire, answers]);
  // By content: the machine taking over from the early run brings equal answers in a new object,
  // which must not count as new advice (the page would hear of the same run twice).
  const answersKey = useMemo(() => JSON.stringify(answers), [answers]);
  const guidance = useMemo(
    () => (progress.step === 'result' && complete && late ? late.evaluateAnswers(questionnaire, answers, lang).guidance : []),
    [progress.step, questionnaire, complete, late, answersKey, lang],
  );
  // Known at once when the questions stopped at an emergency answer; else once the advice is worked out.
  const emergencyResult = (progress.step === 'result' && (stoppedEarly || guidance.some((g) => g.level === 'emergency'))) || (waitingForRun && savedEmergency);
  // Focus moves to each new screen's heading once the patient has moved on from one (a run
  // resumed as the page loads must not pull focus, nor scroll the page, as its screen arrives).
  // An emergency result's heading is on screen before the advice loads: focus moves to it once,
  // not again then. The stopped message that replaces a screen still loading is a new screen; so
  // is "Loading" in place of the early run's screen while the machine's code comes.
  const moved = useRef(false);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(
    `${progress.step}:${current}:${waiting && !emergencyResult}:${waiting && !emergencyResult && !!missing}:${waitingForRun}`,
    () => moved.current,
  );
  const [resultDate, setResultDate] = useState(() => new Date());

  // A new screen (the intro's once the questionnaire is compiled); not a new total on the same screen.
  useEffect(() => {
    if (known) onStep?.(progress);
  }, [known, progress.step, progress.index]);
  // The advice is worked out by the late screens' code: it is final once that has loaded.
  const adviceReady = progress.step === 'result' && complete && Boolean(late);
  useEffect(() => {
    if (!adviceReady) return;
    setResultDate(new Date());
    onComplete?.({ answers: structuredClone(answers), guidance, questionnaire: { id: questionnaire.id, version: questionnaire.version }, stoppedEarly, lang });
  }, [adviceReady, guidance]); // again in another language: the page's copy says what the patient sees
  // persist removed (or its key changed) by the page mid-run: what was kept under the old key
  // goes. Not in an effect's cleanup: that also runs when the App unmounts, as while a language loads.
  // Turned off, the patient's yes goes too: on again, nothing is kept until they agree again.
  const savedUnder = useRef(persist);
  if (savedUnder.current?.key !== persist?.key) {
    savedUnder.current?.store?.clearResume(savedUnder.current.key);
    if (!persist && keep) setKeep(false);
  }
  savedUnder.current = persist; // also when only its code arrived

  // Saved as the screen changes, not after the next paint: a reload or a closed tab right after
  // an answer must not lose it.
  useLayoutEffect(() => {
    if (!persist?.store || !known) return;
    const store = persist.store;
    if (!keep || (run.step === 'intro' && Object.keys(answers).length === 0)) store.clearResume(persist.key);
    else store.saveResume(persist.key, { answers, step: run.step, current, editing: run.editing, stoppedEarly, lang: chosenLanguage === lang ? lang : undefined });
  }, [snapshot ?? early.current, known, keep, lang, persist?.store, persist?.key]);

  function compile() {
    modelOf(questionnaire);
    setCompiled(true);
  }
  /** The patient's step: to the machine, or to the early run until the machine is here. */
  const send = (event: MachineEvent) => {
    if (event.type !== 'user.answer') moved.current = true;
    if (!compiled) compile();
    if (live.current) return live.current.send(event);
    setEarlyShown((early.current = earlyStep(early.current, event)));
  };
  const next = () => {
    moved.current = true;
    setCleared(false);
    send({ type: 'user.next' });
    const after = live.current?.getSnapshot();
    const { error: refused, current: at } = after ? after.context : early.current;
    const onQuestion = after ? after.matches('question') : early.current.step === 'question';
    if (onQuestion && refused && at === current) setRefusals((n) => n + 1);
  };
  /** A fresh run, nothing of the old one left to save again. */
  const startAfresh = () => {
    early.current = earlyRunOf(questionnaire);
    setEarlyShown(early.current);
    setActor((live.current = runCode.current && runCode.current.startRun(questionnaire)));
  };
  /** A chunk of the widget's code did not load: the screens that need it show the stopped message. */
  function failed(set: (problems: Problem[]) => void, error: unknown) {
    if (unmounted.current) return;
    const problems = [{ file: 'symptom-check', path: '$', message: `could not load the next screen: ${String((error as Error)?.message ?? error)}` }];
    set(problems);
    onError?.(problems);
  }
  const emergency = emergencyNumber || questionnaire.emergencyNumber;

  return (
    <SpeechContext.Provider value={speech}>
      {onLanguage && otherLanguages.length > 0 && (
        // Not keyed by language: the button stays the same element, so focus stays on it after a switch.
        // Named at once, its label drawn once the questionnaire is compiled (just after the intro is painted):
        // the first Devanagari on a page loads a font, which would hold the English intro back.
        <p class="languages" part="languages" role="group" aria-label={speech.t.language}>
          {otherLanguages.map((code) => (
            <button type="button" class="language-button" part="language" lang={code} aria-label={languageNames[code]} onClick={() => chooseLanguage(code)}>
              {compiled && languageNames[code]}
            </button>
          ))}
          {/* Says the language now shown when it changes: the button itself now names the other one. */}
          <span class="visually-hidden" role="status" lang={lang}>
            {languageNames[lang]}
          </span>
        </p>
      )}
      {progress.step === 'intro' && !waitingForRun && (
        <Intro
          questionnaire={questionnaire}
          persist={Boolean(persist)}
          keep={keep}
          onKeepChange={setKeep}
          cleared={cleared}
          headingRef={headingRef}
          onStart={next}
        />
      )}
      {/* Same-day advice the answers so far call for: above the question, or above the message of a run that stopped. */}
      {late && progress.step === 'question' && current && <late.UrgentSoFar questionnaire={questionnaire} answers={answers} current={current} emergencyNumber={emergency} />}
      {waiting &&
        !emergencyResult &&
        (missing ? loadError() : <Loading t={speech.t} />)}
      {/* Answers that would be lost with the page: leaving it asks first (not once the run has stopped, nor when they are kept, nor with the element off the page). */}
      {late && <late.LeaveWarning active={onPage && !missing && progress.step !== 'result' && Object.keys(answers).length > 0} keptAt={persist?.store && keep ? persist.key : undefined} />}
      {!waiting && progress.step === 'question' && current && currentQuestion && (
        <QuestionStep
          key={current}
          question={currentQuestion}
          value={answers[current]}
          error={error}
          refusals={refusals}
          index={progress.index}
          total={progress.total}
          headingRef={headingRef}
          onAnswer={(value) => send({ type: 'user.answer', value })}
          onNext={next}
          onBack={() => send({ type: 'user.back' })}
          onReview={Object.keys(answers).length > 0 ? () => send({ type: 'user.review' }) : undefined}
          numeric={late}
          screening={modelOf(questionnaire).guidance.some(({ guidance, when }) => guidance.level === 'emergency' && when.questions.includes(compiledCurrent!.index))}
        />
      )}
      {!waiting && late && progress.step === 'review' && (
        <late.Review
          questionnaire={questionnaire}
          answers={answers}
          visible={visible}
          headingRef={headingRef}
          onEdit={(questionId) => send({ type: 'user.edit', questionId })}
          onNext={next}
          onBack={() => send({ type: 'user.back' })}
        />
      )}
      {emergencyResult ? (
        <EmergencyResult t={speech.t} emergencyNumber={emergency} headingRef={headingRef}>
          {missing ? loadError(true) : waiting || !late ? <Loading t={speech.t} text={speech.t.loadingAdvice} /> : result()}
        </EmergencyResult>
      ) : (
        !waiting && late && progress.step === 'result' && result()
      )}
    </SpeechContext.Provider>
  );

  /**
   * The stopped message in place of a screen: the number to call, and the heading that takes
   * focus as every screen's does. Inside an emergency result's frame, the frame has both.
   */
  function loadError(inFrame = false) {
    return <LoadError t={speech.t} midRun problems={missing!} emergencyNumber={inFrame ? undefined : emergency} headingRef={inFrame ? undefined : headingRef} />;
  }

  function result() {
    const Result = late!.Result;
    return (
      <Result
        questionnaire={questionnaire}
        answers={answers}
        visible={visible}
        guidance={guidance}
        stoppedEarly={stoppedEarly}
        framed={emergencyResult}
        emergencyNumber={emergency}
        persist={Boolean(persist) && keep}
        date={resultDate}
        headingRef={headingRef}
        onBack={() => send({ type: 'user.back' })}
        onRestart={() => send({ type: 'user.restart' })}
        onClear={() => {
          moved.current = true; // to the intro: its heading takes focus
          persist?.store?.clearResume(persist.key);
          startAfresh();
          setKeep(false);
          setCleared(true);
        }}
        onPrint={onPrint ?? (() => window.print())}
      />
    );
  }
}
