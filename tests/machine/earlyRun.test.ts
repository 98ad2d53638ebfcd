/**
 * The early run takes the first question before the machine's code has loaded: wherever it has
 * not handed over, it must stand exactly where the machine stands after the same events, and
 * the machine must take over from its log without a step lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyRunOf, earlyStep, type EarlyRun } from '../../src/machine/earlyRun';
import type { MachineEvent } from '../../src/machine/questionnaireMachine';
import { startRun } from '../../src/machine/startRun';
import type { Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';

const answer = (value: unknown): MachineEvent => ({ type: 'user.answer', value: value as never });
const NEXT: MachineEvent = { type: 'user.next' };
const BACK: MachineEvent = { type: 'user.back' };
const run = (questionnaire: Questionnaire, events: MachineEvent[]) => events.reduce(earlyStep, earlyRunOf(questionnaire));

/** A questionnaire whose first question is a number, for the refusals a number can get. */
function numberFirst(): Questionnaire {
  const q = smallQuestionnaire();
  q.sections[0]!.questions.unshift({ id: 'temperature', type: 'number', text: { en: 'Temperature?' }, min: 30, max: 45, integer: true, source: 'src' } as never);
  return q;
}

describe('the early run, step by step', () => {
  const q = smallQuestionnaire();
  it('starts on the intro and goes to the first question on Start', () => {
    expect(run(q, [NEXT])).toMatchObject({ step: 'question', current: 'red_flags', answers: {}, error: null, waiting: false });
  });
  it('refuses Next without an answer, as the machine does', () => {
    expect(run(q, [NEXT, NEXT])).toMatchObject({ step: 'question', error: 'required', waiting: false });
  });
  it('ends the questions at an emergency answer without the machine: Next, Back and the review alike', () => {
    for (const leave of [NEXT, BACK, { type: 'user.review' } as MachineEvent]) {
      expect(run(q, [NEXT, answer(['chest_pain']), leave])).toMatchObject({ step: 'result', stoppedEarly: true, waiting: false });
    }
  });
  it('goes back to the intro from the first question, answer kept', () => {
    expect(run(q, [NEXT, answer(['none']), BACK])).toMatchObject({ step: 'intro', answers: { red_flags: ['none'] }, waiting: false });
  });
  it('waits for the machine to go past the first question, and logs every event for it', () => {
    const events = [NEXT, answer(['none']), NEXT, BACK];
    const early = run(q, events);
    expect(early).toMatchObject({ step: 'question', current: 'red_flags', waiting: true });
    expect(early.log).toEqual(events);
    // The machine, given the log, ends where those steps lead: past the first question and back.
    expect(startRun(q, undefined, early.log).getSnapshot()).toMatchObject({ value: 'question', context: { current: 'red_flags', answers: { red_flags: ['none'] } } });
  });
  it('keeps a number out of range off the answers, with the reason, as the machine does', () => {
    expect(run(numberFirst(), [NEXT, answer(99)])).toMatchObject({ answers: {}, error: 'range' });
    expect(run(numberFirst(), [NEXT, answer(37.5)])).toMatchObject({ answers: {}, error: 'whole' });
  });
});

describe('the early run and the machine agree on every path', () => {
  const eventArbitrary = fc.oneof(
    fc.constantFrom<MachineEvent>(NEXT, BACK, { type: 'user.review' }, { type: 'user.restart' }, { type: 'user.edit', questionId: 'red_flags' }),
    fc.constantFrom(['chest_pain'], ['swollen_leg'], ['none'], [], ['chest_pain', 'swollen_leg'], ['nonsense'], 'yes', undefined).map(answer),
    fc.oneof(fc.integer({ min: 20, max: 50 }), fc.double({ min: 30, max: 45, noNaN: true })).map(answer),
  );
  it.each([
    ['red flags first', smallQuestionnaire()],
    ['a number first', numberFirst()],
  ])('%s: until it hands over, the early run shows what the machine would; after, the machine goes on from its log', (_name, questionnaire) => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), (events) => {
        const actor = startRun(questionnaire);
        let early: EarlyRun = earlyRunOf(questionnaire);
        for (const event of events) {
          actor.send(event);
          early = earlyStep(early, event);
          if (early.waiting) break;
          const { value, context } = actor.getSnapshot();
          expect({ step: early.step, answers: early.answers, current: early.current, error: early.error, stoppedEarly: early.stoppedEarly }).toEqual({
            step: value,
            answers: context.answers,
            current: context.current,
            error: context.error,
            stoppedEarly: context.stoppedEarly,
          });
        }
        // Handed over at any point: the machine replays the log and stands where it would have.
        const replayed = startRun(questionnaire, undefined, early.log).getSnapshot();
        const direct = actor.getSnapshot();
        expect([replayed.value, replayed.context.answers, replayed.context.current]).toEqual([direct.value, direct.context.answers, direct.context.current]);
      }),
      { numRuns: 1000 },
    );
  });
});
