/**
 * Model-based tests: xstate/graph walks every reachable state of the machine (answers
 * included) and every transition, then each generated path is replayed on a real actor while
 * the user-facing promises are checked at every step.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { visibleQuestions } from '../../src/engine/evaluate';
import { progressOf as progressAt } from '../../src/machine/progress';
import { questionnaireMachine, type MachineEvent, type Step } from '../../src/machine/questionnaireMachine';
import type { Questionnaire } from '../../src/questionnaire/schema';
import { smallQuestionnaire } from '../fixtures';

/** The fixture cut to four questions (red flags, a yes/no with a number follow-up, one more) to keep the state space small. */
function modelQuestionnaire(): Questionnaire {
  const q = smallQuestionnaire();
  q.sections[1]!.questions = q.sections[1]!.questions.slice(0, 3);
  q.guidance = q.guidance.filter((g) => !['info_tired'].includes(g.id));
  return q;
}
const questionnaire = modelQuestionnaire();
type Snap = SnapshotFrom<ReturnType<typeof questionnaireMachine>>;
const progressOf = (snapshot: Snap) => progressAt(snapshot.value as Step, snapshot.context);

const answerSamples: Record<string, MachineEvent[]> = {
  red_flags: [['chest_pain'], ['swollen_leg'], ['none'], []].map((value) => ({ type: 'user.answer', value })),
  joint_pain: ['yes', 'no'].map((value) => ({ type: 'user.answer', value })),
  joint_weeks: [8, -1].map((value) => ({ type: 'user.answer', value })),
  rash: ['yes', 'unsure'].map((value) => ({ type: 'user.answer', value })),
};

function eventsFor(snapshot: Snap): MachineEvent[] {
  const always: MachineEvent[] = [{ type: 'user.next' }, { type: 'user.back' }, { type: 'user.restart' }];
  if (snapshot.matches('question')) return [...(answerSamples[snapshot.context.current!] ?? []), { type: 'user.review' }, ...always];
  if (snapshot.matches('review')) {
    return [...visibleQuestions(questionnaire, snapshot.context.answers).map((questionId) => ({ type: 'user.edit' as const, questionId })), ...always];
  }
  return always;
}

const serializeState = (s: Snap) => JSON.stringify([s.value, s.context.answers, s.context.current, s.context.editing, s.context.stoppedEarly, s.context.error]);
const model = createTestModel(questionnaireMachine(), { input: { questionnaire }, events: eventsFor, serializeState } as never);

/** What must hold on every screen, whatever path led there. */
function checkInvariants(snapshot: Snap) {
  const { answers, current } = snapshot.context;
  const shown = visibleQuestions(questionnaire, answers);
  // Never an answer to a question that is not asked.
  for (const id of Object.keys(answers)) expect(shown).toContain(id);
  const progress = progressOf(snapshot);
  if (snapshot.matches('question')) {
    expect(shown).toContain(current);
    expect(progress.index).toBeGreaterThan(0);
    expect(progress.index).toBeLessThanOrEqual(progress.total);
  }
  if (snapshot.matches('result') && !snapshot.context.stoppedEarly) {
    // A completed run answered every question asked.
    for (const id of shown) expect(answers).toHaveProperty(id);
  }
  if (snapshot.matches('intro')) expect(progress.index).toBe(0);
}

describe('the questionnaire machine, every path', () => {
  const paths = model.getShortestPaths();

  it('reaches every screen', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['intro', 'question', 'result', 'review']);
    expect(paths.length).toBeGreaterThan(100);
  });

  it('keeps its promises on every step of every shortest path', async () => {
    for (const path of paths) {
      const actor = createActor(questionnaireMachine(), { input: { questionnaire } }).start();
      let before = actor.getSnapshot();
      const send = ({ event }: { event: MachineEvent }) => {
        before = actor.getSnapshot();
        actor.send(event);
        const after = actor.getSnapshot();
        checkTransition(before, event, after);
      };
      await path.test({
        events: { 'user.answer': send, 'user.next': send, 'user.back': send, 'user.edit': send, 'user.review': send, 'user.restart': send } as never,
        states: {
          intro: (s: Snap) => checkInvariants(s),
          question: (s: Snap) => checkInvariants(s),
          review: (s: Snap) => checkInvariants(s),
          result: (s: Snap) => checkInvariants(s),
        } as never,
      });
      expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state as Snap));
    }
  }, 60_000);

  it('takes every transition of the adjacency map', async () => {
    const adjacency = model.getAdjacencyMap();
    let transitions = 0;
    for (const { state, transitions: next } of Object.values(adjacency)) {
      for (const { event, state: expected } of Object.values(next as Record<string, { event: MachineEvent; state: Snap }>)) {
        const actor = createActor(questionnaireMachine(), { input: { questionnaire }, snapshot: questionnaireMachine().resolveState({ value: (state as Snap).value as never, context: (state as Snap).context }) as never }).start();
        actor.send(event as MachineEvent);
        checkTransition(state as Snap, event as MachineEvent, actor.getSnapshot());
        expect(serializeState(actor.getSnapshot())).toBe(serializeState(expected as Snap));
        transitions++;
      }
    }
    expect(transitions).toBeGreaterThan(paths.length);
  }, 60_000);
});

/** An unanswered question asked before an answered one (an answer cleared, or a follow-up revealed, while editing). */
function hasGapIn(snapshot: Snap): boolean {
  const ids = visibleQuestions(questionnaire, snapshot.context.answers);
  const first = ids.findIndex((id) => !Object.hasOwn(snapshot.context.answers, id));
  return first >= 0 && ids.slice(first + 1).some((id) => Object.hasOwn(snapshot.context.answers, id));
}

/** The promises each event makes to the patient. */
function checkTransition(before: Snap, event: MachineEvent, after: Snap) {
  switch (event.type) {
    case 'user.restart':
      expect(after.value).toBe('intro');
      expect(after.context.answers).toEqual({});
      break;
    case 'user.back':
      if (before.matches('intro')) expect(after.value).toBe('intro');
      if (before.matches('review') && visibleQuestions(questionnaire, before.context.answers).some((id) => !Object.hasOwn(before.context.answers, id)) && visibleQuestions(questionnaire, before.context.answers).includes(before.context.current!)) {
        expect(after.context.current).toBe(before.context.current); // mid-run: back where the patient left for the review
      }
      else expect(after.context.answers).toEqual(before.context.answers); // back keeps answers
      if (before.matches('question') && (before.context.answers.red_flags as string[] | undefined)?.includes('chest_pain')) expect(after.value).toBe('result'); // an emergency answer wins, even going back
      else if (before.matches('question') && before.context.editing) expect(after.value).toBe('review');
      break;
    case 'user.next':
      if (before.matches('question') && !Object.hasOwn(before.context.answers, before.context.current!) && !(before.context.answers.red_flags as string[] | undefined)?.includes('chest_pain')) {
        expect(after.value).toBe('question');
        expect(after.context.error).not.toBeNull(); // never a silent no-op
      }
      if ((before.matches('question') || before.matches('review')) && (before.context.answers.red_flags as string[] | undefined)?.includes('chest_pain')) {
        expect(after.value).toBe('result'); // emergency ends the questionnaire at once
        // "Stopped early" when, and only when, questions were left unanswered.
        const left = visibleQuestions(questionnaire, after.context.answers).some((id) => !Object.hasOwn(after.context.answers, id));
        expect(after.context.stoppedEarly).toBe(left);
      }
      if (before.matches('review') && after.matches('question')) {
        // Going on from the review: the first question not answered, with no error before the
        // patient has done anything; back to the review after it only if answered ones follow.
        expect(after.context.current).toBe(visibleQuestions(questionnaire, before.context.answers).find((id) => !Object.hasOwn(before.context.answers, id)));
        expect(after.context.error).toBeNull();
        expect(after.context.editing).toBe(hasGapIn(before));
      }
      if (before.matches('question') && before.context.editing && after.matches('question')) {
        expect(Object.hasOwn(after.context.answers, after.context.current!)).toBe(false); // only new follow-ups
      }
      break;
    case 'user.review': {
      expect(after.context.answers).toEqual(before.context.answers); // looking loses nothing
      const emergency = (before.context.answers.red_flags as string[] | undefined)?.includes('chest_pain');
      expect(after.value).toBe(emergency ? 'result' : 'review'); // an emergency answer still wins at once
      break;
    }
    case 'user.edit':
      expect(after.value).toBe('question');
      expect(after.context.current).toBe(event.questionId);
      expect(after.context.answers).toEqual(before.context.answers);
      break;
    case 'user.answer':
      if (event.value === -1) expect(after.context.error).toBe('range');
      break;
  }
}

describe('journeys a patient takes', () => {
  const start = () => createActor(questionnaireMachine(), { input: { questionnaire } }).start();
  it('changing an answer that hides a follow-up drops the follow-up answer', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['none'] }, { type: 'user.next' }, { type: 'user.answer', value: 'yes' }, { type: 'user.next' }, { type: 'user.answer', value: 8 }, { type: 'user.back' }, { type: 'user.answer', value: 'no' }] as MachineEvent[]) actor.send(e);
    expect(actor.getSnapshot().context.answers).toEqual({ red_flags: ['none'], joint_pain: 'no' });
  });
  it('editing from review goes through new follow-ups, then back to review', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['none'] }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }] as MachineEvent[]) actor.send(e);
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'user.edit', questionId: 'joint_pain' });
    actor.send({ type: 'user.answer', value: 'yes' });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().context.current).toBe('joint_weeks');
    actor.send({ type: 'user.answer', value: 3 });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('review');
    expect(progressOf(actor.getSnapshot()).total).toBe(4);
  });
  it('looks at the answers mid-run, then goes on where it was, back or forward', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['none'] }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.review' }] as MachineEvent[]) actor.send(e);
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().context).toMatchObject({ current: 'joint_pain', answers: { red_flags: ['none'], joint_pain: 'no' }, error: null });
    actor.send({ type: 'user.review' });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('question');
    expect(actor.getSnapshot().context).toMatchObject({ current: 'rash', error: null, editing: false });
    actor.send({ type: 'user.answer', value: 'no' });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('result');
  });
  it('asks a follow-up that an edit revealed without an error, then returns to the review', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['none'] }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }] as MachineEvent[]) actor.send(e);
    actor.send({ type: 'user.edit', questionId: 'joint_pain' });
    actor.send({ type: 'user.answer', value: 'yes' });
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().context).toMatchObject({ current: 'joint_weeks', error: null, editing: true });
    actor.send({ type: 'user.answer', value: 3 });
    actor.send({ type: 'user.next' });
    expect(actor.getSnapshot().value).toBe('review');
  });
  it('gives the emergency advice of a complete run, not stopped early, for an emergency answer made while editing it', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['none'] }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }, { type: 'user.answer', value: 'no' }, { type: 'user.next' }] as MachineEvent[]) actor.send(e);
    actor.send({ type: 'user.edit', questionId: 'red_flags' });
    actor.send({ type: 'user.answer', value: ['chest_pain'] });
    actor.send({ type: 'user.back' }); // even going back, an emergency answer leads straight to the advice
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.stoppedEarly).toBe(false);
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().value).toBe('review');
  });
  it('goes straight to the emergency advice when the patient asks to review after an emergency answer', () => {
    const actor = start();
    for (const e of [{ type: 'user.next' }, { type: 'user.answer', value: ['chest_pain'] }, { type: 'user.review' }] as MachineEvent[]) actor.send(e);
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.stoppedEarly).toBe(true);
  });
  it('resumes where a saved session left off, dropping answers that no longer apply', () => {
    const actor = createActor(questionnaireMachine(), {
      input: { questionnaire, resume: { step: 'question', current: 'rash', answers: { red_flags: ['none'], joint_pain: 'no', joint_weeks: 8 } } },
    }).start();
    expect(actor.getSnapshot().value).toBe('question');
    expect(actor.getSnapshot().context).toMatchObject({ current: 'rash', answers: { red_flags: ['none'], joint_pain: 'no' } });
  });
});
