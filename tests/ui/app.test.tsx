// @vitest-environment happy-dom
import { h } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadStrings } from '../../src/i18n/index';
import { App, type CompleteDetail } from '../../src/ui/App';
import * as store from '../../src/ui/persistence';
import type { Progress } from '../../src/machine/progress';
import { smallQuestionnaire } from '../fixtures';

beforeAll(async () => {
  await loadStrings('hi');
});
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function setup(props: Partial<Parameters<typeof App>[0]> = {}) {
  const steps: Progress[] = [];
  const completes: CompleteDetail[] = [];
  render(<App questionnaire={smallQuestionnaire()} lang="en" onStep={(p) => steps.push(p)} onComplete={(d) => completes.push(d)} {...props} />);
  return { steps, completes };
}
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const choose = (name: string | RegExp) => fireEvent.click(screen.getByRole('radio', { name }));
const tick = (name: string | RegExp) => fireEvent.click(screen.getByRole('checkbox', { name }));
const heading = () => screen.getByRole('heading', { level: 2 });
/** The review and result screens load lazily: wait for the heading. */
const screenTitled = (name: string) => screen.findByRole('heading', { level: 2, name });
/**
 * The machine's code loads once the first question is on screen: a step that needs it (past the
 * first question, or a run resumed) shows "Loading" until it is here.
 */
const runReady = () => waitFor(() => expect(screen.queryByText('Loading the questions…')).toBeNull());

describe('intro', () => {
  it('puts no stray attributes in the page (as a development JSX transform would: __self, __source)', () => {
    const { container } = render(<App questionnaire={smallQuestionnaire()} lang="en" />);
    const names = [...container.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => name.startsWith('__'))).toEqual([]);
  });
  it('says what this is and is not before starting', () => {
    setup();
    expect(heading().textContent).toBe('Small check');
    expect(screen.getByText(/This is not a diagnosis/)).toBeTruthy();
    expect(screen.getByText(/Nothing is sent anywhere/)).toBeTruthy();
  });
  it('does not steal focus when the page loads, nor once the questionnaire is ready behind the intro', async () => {
    const { steps } = setup();
    expect(document.activeElement).toBe(document.body);
    // The state machine starts just after the intro is painted, and reports the intro step.
    await waitFor(() => expect(steps).toEqual([{ step: 'intro', index: 0, total: 5 }]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(document.body);
  });
});

describe('onStep (sc-step)', () => {
  it('reports each new screen once, not a new total on the same screen', async () => {
    const { steps } = setup();
    await waitFor(() => expect(steps).toHaveLength(1));
    click('Start');
    tick('None of these');
    click('Next');
    await waitFor(() => expect(steps).toHaveLength(3));
    // A follow-up shown, hidden and shown again by the answer on screen: the total changes, the screen does not.
    choose('Yes');
    choose('No');
    choose('Yes');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps.map(({ step, index }) => `${step} ${index}`)).toEqual(['intro 0', 'question 1', 'question 2']);
  });
});

describe('a question screen', () => {
  beforeEach(() => {
    setup();
    click('Start');
  });
  it('puts the question in the legend of a fieldset, as the heading, and focuses it', () => {
    const group = screen.getByRole('group', { name: 'Do you have any of these now?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(document.activeElement).toBe(heading());
  });
  it('shows the progress', () => {
    expect(screen.getByText('Question 1 of 5')).toBeTruthy();
  });
  it('refuses Next without an answer with an error that is announced, focused and tied to the question', () => {
    click('Next');
    const error = screen.getByRole('alert');
    expect(error.textContent).toMatch(/Choose an answer to go on/);
    expect(document.activeElement).toBe(error);
    const group = screen.getByRole('group');
    expect(group.getAttribute('aria-describedby')).toContain(error.id);
    expect(heading().textContent).toBe('Do you have any of these now?');
  });
  it('names the way out each question offers when it refuses Next without an answer, except on the emergency screening', async () => {
    const refusal = () => {
      click('Next');
      return screen.getByRole('alert').textContent;
    };
    // Not on the emergency screening question: an unwell patient must not be nudged to deny red flags.
    expect(refusal()).toBe('Error: Choose an answer to go on.');
    tick('None of these');
    click('Next');
    await runReady();
    expect(refusal()).toBe('Error: Choose an answer to go on. "Not sure" is fine.');
    choose('No');
    click('Next');
    choose('No');
    click('Next');
    await numericAnswersReady();
    expect(refusal()).toBe('Error: Choose an answer to go on. "Not sure, or I would rather not say" is fine.');
    choose('2');
    click('Next');
    expect(refusal()).toBe('Error: Choose an answer to go on.'); // no "not sure" among its options
  });
  it('lets "None of these" stand alone', () => {
    tick('Chest pain');
    tick('None of these');
    expect((screen.getByRole('checkbox', { name: 'Chest pain' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'None of these' }) as HTMLInputElement).checked).toBe(true);
  });
  it('offers "Not sure" for yes/no questions', async () => {
    tick('None of these');
    click('Next');
    expect(await screen.findByRole('radio', { name: 'Not sure' })).toBeTruthy();
  });
  it('keeps the progress true when a follow-up appears', async () => {
    tick('None of these');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    await screenTitled('For how many weeks?');
    expect(screen.getByText('Question 3 of 6')).toBeTruthy();
    // Focus lands on the heading, after the progress: the heading's description says it (and
    // same-day advice, when there is some: none here).
    const described = heading().getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Question 3 of 6', undefined]);
  });
  it('rejects a number out of range with the allowed range', async () => {
    tick('None of these');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    await screenTitled('For how many weeks?');
    const box = screen.getByRole('textbox', { name: /For how many weeks\? weeks/ });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(box, { target: { value: '999' } });
    click('Next');
    const error = screen.getByRole('alert');
    expect(error.textContent).toMatch(/Enter a number from 0 to 520/);
    // On the box itself too, for a patient who tabs back to it to fix the number.
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
  });
  it('says nothing while a number is typed, and says what is wrong once Next is pressed', async () => {
    tick('None of these');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    await screenTitled('For how many weeks?');
    const box = screen.getByRole('textbox');
    // "2." on the way to "2.5", and 999 before the patient has finished or pressed Next.
    for (const typed of ['2.', '999']) {
      fireEvent.input(box, { target: { value: typed } });
      expect(screen.queryByRole('alert')).toBeNull();
      expect(box.getAttribute('aria-invalid')).toBeNull();
    }
    click('Next');
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a number from 0 to 520/);
    // From then on the message follows the box: fixed, it goes; wrong again, it is back.
    fireEvent.input(box, { target: { value: '12' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.input(box, { target: { value: '600' } });
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a number from 0 to 520/);
  });
  it('reads digits typed on a Hindi keyboard, and "1,000" as a thousand, not 1', async () => {
    tick('None of these');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    await screenTitled('For how many weeks?');
    fireEvent.input(screen.getByRole('textbox'), { target: { value: '1,000' } });
    click('Next');
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a number from 0 to 520/);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: '१२' } });
    click('Next');
    expect(heading().textContent).not.toBe('For how many weeks?');
    click('Back');
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('12');
  });
  it('goes back with answers kept', async () => {
    tick('None of these');
    click('Next');
    await runReady();
    click('Back');
    expect((screen.getByRole('checkbox', { name: 'None of these' }) as HTMLInputElement).checked).toBe(true);
  });
});

/** The number and scale answers load with the later screens: the first of them waits for that code. */
const numericAnswersReady = () => screen.findByRole('radio', { name: '2' });

async function answerAllNo() {
  click('Start');
  tick('None of these');
  click('Next');
  await runReady();
  choose('No');
  click('Next');
  choose('No');
  click('Next');
  await numericAnswersReady();
  choose('2');
  click('Next');
  choose('Female');
  click('Next');
}

/** Every question answered "No" (or the like), then the advice. */
async function answerAllNoToAdvice() {
  await answerAllNo();
  await screenTitled('Check your answers');
  click('See my advice');
  await screenTitled('What to do next');
}

describe('review', () => {
  it('lists every answer with a Change button that returns to review', async () => {
    setup();
    await answerAllNo();
    await screenTitled('Check your answers');
    expect(screen.getByText('Painful joints')).toBeTruthy();
    click('Change your answer: Rash');
    expect(heading().textContent).toBe('Do you have a rash?');
    choose('Yes');
    click('Next');
    await screenTitled('Check your answers');
    expect(within(screen.getByText('Rash').parentElement!).getByText('Yes')).toBeTruthy();
  });
});

describe('a look at the answers mid-run', () => {
  it('offers the answers so far once there is one, and goes on with the questions from there', async () => {
    setup();
    click('Start');
    expect(screen.queryByRole('button', { name: 'See my answers so far' })).toBeNull();
    tick('None of these');
    click('See my answers so far');
    await screenTitled('Check your answers');
    expect(screen.getByText('Warning signs')).toBeTruthy();
    expect(screen.getByText(/These are your answers so far/)).toBeTruthy();
    expect(screen.queryByText('Painful joints')).toBeNull(); // not reached yet, so not listed
    expect(screen.queryByRole('button', { name: 'See my advice' })).toBeNull();
    click('Go on with the questions');
    expect(heading().textContent).toBe('Do your joints hurt?');
    expect(screen.queryByRole('alert')).toBeNull(); // not reached is not an error
    choose('No');
    click('See my answers so far');
    await screenTitled('Check your answers');
    click('Back');
    expect(heading().textContent).toBe('Do your joints hurt?'); // back where it was
    expect((screen.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
  });
});

describe('same-day advice during the questions', () => {
  /** The notice above the question. */
  const notice = () => document.querySelector<HTMLElement>('[part~="urgent-so-far"]');
  /** What a screen reader says after the question's heading: the texts of what describes it. */
  const headingDescription = () =>
    heading()
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  /** The later screens' code, which works the advice out, has loaded (and its effects have run). */
  const lateLoaded = async () => {
    await vi.dynamicImportSettled();
    await new Promise((resolve) => setTimeout(resolve, 30));
  };

  it('shows it above every question after the answer that calls for a doctor today, read with each heading', async () => {
    setup();
    click('Start');
    tick('One swollen leg');
    await lateLoaded();
    // Not while the patient is still answering the question that calls for it.
    expect(notice()).toBeNull();
    expect(headingDescription()).toBe('Question 1 of 5 ');
    click('Next');
    expect(heading().textContent).toBe('Do your joints hurt?');
    await waitFor(() => expect(notice()).not.toBeNull());
    expect(notice()!.textContent).toMatch(/^Get medical help today/);
    expect(within(notice()!).getByRole('listitem').textContent).toBe('See a doctor today');
    expect(notice()!.textContent).toContain('Do not wait until the end of the questions to get help.');
    // What to do if it gets worse, with the number to call.
    expect(within(notice()!).getByRole('link', { name: '112' }).getAttribute('href')).toBe('tel:112');
    // Focus stays on the question's heading, which is described by the notice's heading line
    // and titles (not every line of it, on every question).
    expect(document.activeElement).toBe(heading());
    expect(headingDescription()).toBe('Question 2 of 5 Get medical help todaySee a doctor today');
    choose('No');
    click('Next');
    expect(heading().textContent).toBe('Do you have a rash?');
    expect(headingDescription()).toContain('See a doctor today');
  });
  it('gives the number the page set, as text when it is not one number', async () => {
    setup({ emergencyNumber: '112 or 911' });
    click('Start');
    tick('One swollen leg');
    click('Next');
    await waitFor(() => expect(notice()?.textContent).toContain('call your emergency number now: 112 or 911'));
    expect(within(notice()!).queryByRole('link')).toBeNull();
  });
  it('goes when the answer that called for it is changed', async () => {
    setup();
    click('Start');
    tick('One swollen leg');
    click('Next');
    await waitFor(() => expect(notice()).not.toBeNull());
    click('Back');
    expect(notice()).toBeNull(); // the screen of the answer itself
    tick('None of these');
    click('Next');
    expect(heading().textContent).toBe('Do your joints hurt?');
    await lateLoaded();
    expect(notice()).toBeNull();
    expect(headingDescription()).toBe('Question 2 of 5 ');
  });
  it('is not shown for answers that call for no same-day care', async () => {
    setup();
    click('Start');
    tick('None of these');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    await screenTitled('For how many weeks?');
    await lateLoaded();
    expect(notice()).toBeNull();
  });
  it('speaks Hindi on a Hindi run', async () => {
    setup({ lang: 'hi' });
    click('शुरू करें');
    fireEvent.click(screen.getAllByRole('checkbox')[1]!);
    click('आगे');
    await waitFor(() => expect(notice()?.textContent).toContain('आज ही डॉक्टर की मदद लें'));
    expect(notice()!.textContent).toContain('सवाल ख़त्म होने का इंतज़ार न करें');
    expect(notice()!.textContent).toContain('अपने इमरजेंसी नंबर पर कॉल करें: 112');
  });
});

describe('leaving the page mid-run', () => {
  /** Whether leaving now would ask first: a beforeunload the widget cancels. */
  const leavingAsks = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  /** Waits for the later screens' code, which brings the warning, and its effects. */
  const lateReady = async () => {
    await vi.dynamicImportSettled();
    await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('asks first once there are answers, on the questions and the review, and not once the advice is shown', async () => {
    setup();
    expect(leavingAsks()).toBe(false); // the intro: nothing to lose
    click('Start');
    await lateReady();
    expect(leavingAsks()).toBe(false); // no answer yet
    tick('None of these');
    expect(leavingAsks()).toBe(true);
    click('Next');
    choose('No');
    click('See my answers so far');
    await screenTitled('Check your answers');
    expect(leavingAsks()).toBe(true);
    click('Go on with the questions');
    choose('No');
    click('Next');
    await numericAnswersReady();
    choose('2');
    click('Next');
    choose('Female');
    click('Next');
    await screenTitled('Check your answers');
    click('See my advice');
    await screenTitled('What to do next');
    expect(leavingAsks()).toBe(false);
  });
  /** persist="session" with the patient's yes, an answer given on the first question. */
  async function keptRun() {
    setup({ persist: { key: 'k', store } });
    tick(/Keep my answers/);
    click('Start');
    tick('None of these');
    await lateReady();
  }
  /** From now on the tab's storage refuses every save (`name`: blocked, or full). */
  const refuseSaves = (name: string) =>
    vi.spyOn(sessionStorage, 'setItem').mockImplementation(() => {
      throw new DOMException(name, name);
    });

  it('does not ask when the answers are kept (persist="session", with the patient\'s yes)', async () => {
    await keptRun();
    expect(leavingAsks()).toBe(false);
  });
  it('asks with persist="session" and the patient\'s yes when the tab\'s storage keeps nothing (blocked)', async () => {
    const setItem = refuseSaves('SecurityError');
    try {
      await keptRun();
      expect(sessionStorage.getItem('k')).toBeNull();
      expect(leavingAsks()).toBe(true);
    } finally {
      setItem.mockRestore();
    }
  });
  it('asks when a save fails after earlier ones worked: an older copy does not pass for the answers', async () => {
    await keptRun();
    expect(sessionStorage.getItem('k')).not.toBeNull();
    expect(leavingAsks()).toBe(false);
    const setItem = refuseSaves('QuotaExceededError');
    try {
      click('Next');
      choose('Yes');
      expect(sessionStorage.getItem('k')).toBeNull();
      expect(leavingAsks()).toBe(true);
    } finally {
      setItem.mockRestore();
    }
  });
  it('asks with persist="session" when the patient did not agree to keep them', async () => {
    setup({ persist: { key: 'k', store } });
    click('Start');
    tick('None of these');
    await lateReady();
    expect(leavingAsks()).toBe(true);
  });
  it('does not ask when a link opens another app (tel:, mailto:), on the page or in the widget; a link to another page still asks', async () => {
    setup();
    click('Start');
    tick('One swollen leg');
    click('Next');
    await lateReady();
    const follow = (link: HTMLAnchorElement) => {
      link.addEventListener('click', (event) => event.preventDefault()); // the test page goes nowhere
      link.click();
    };
    const pageLink = (href: string) => document.body.appendChild(Object.assign(document.createElement('a'), { href, textContent: href }));
    follow(pageLink('https://clinic.example/book'));
    expect(leavingAsks()).toBe(true);
    follow(pageLink('mailto:help@clinic.example'));
    expect(leavingAsks()).toBe(false);
    // The number to call in the same-day notice: nothing may stand between the patient and the call.
    await waitFor(() => expect(screen.getByRole('link', { name: '112' })).toBeTruthy());
    follow(screen.getByRole('link', { name: '112' }) as HTMLAnchorElement);
    expect(leavingAsks()).toBe(false);
    // The patient dismissed the app's prompt and goes on: any other click ends the exception.
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    expect(leavingAsks()).toBe(true);
    // javascript: links may navigate (old CMS pages): they ask, as links to pages do.
    follow(pageLink('javascript:void(0)'));
    expect(leavingAsks()).toBe(true);
    // An image map's area opens an app as a link does.
    const map = document.body.appendChild(document.createElement('map'));
    const area = map.appendChild(Object.assign(document.createElement('area'), { href: 'tel:112', shape: 'default' }));
    area.addEventListener('click', (event) => event.preventDefault());
    area.click();
    expect(leavingAsks()).toBe(false);
    for (const element of document.body.querySelectorAll(':scope > a, :scope > map')) element.remove();
  });
  it('does not ask while the widget is off the page, nor once it is gone', async () => {
    setup();
    click('Start');
    tick('None of these');
    await lateReady();
    const widget = document.body.firstElementChild!;
    widget.remove();
    expect(leavingAsks()).toBe(false);
    document.body.append(widget);
    expect(leavingAsks()).toBe(true);
    cleanup();
    expect(leavingAsks()).toBe(false);
  });
});

describe('result', () => {
  it('groups advice by urgency with reasons, repeats the disclaimer, and reports completion', async () => {
    const { completes } = setup();
    click('Start');
    tick('One swollen leg');
    click('Next');
    await runReady();
    choose('Yes');
    click('Next');
    fireEvent.input(await screen.findByRole('textbox'), { target: { value: '8' } });
    click('Next');
    choose('Yes');
    click('Next');
    choose('8');
    click('Next');
    choose('Male');
    click('Next');
    await screenTitled('Check your answers');
    click('See my advice');
    await screenTitled('What to do next');
    const levels = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(levels.slice(0, 4)).toEqual(['Get medical help today', 'See a doctor within a day or two', 'Book an appointment with a doctor in the next few weeks', 'Good to know']);
    expect(screen.getByText('Warning signs: One swollen leg')).toBeTruthy();
    // Labelled so that it reads right both before the start and here, below the advice.
    expect(within(screen.getByRole('complementary', { name: 'Important' })).getByText(/This is not a diagnosis/)).toBeTruthy();
    expect(completes).toHaveLength(1);
    expect(completes[0]).toMatchObject({ questionnaire: { id: 'small', version: '1.2.3' }, stoppedEarly: false, answers: { joint_weeks: 8 } });
    expect(completes[0]!.guidance.map((g) => g.id)).toEqual(['urgent_leg', 'soon_long_joints', 'routine_features', 'info_tired']);
  });

  it('stops at an emergency answer and shows the number to call first', async () => {
    const { completes } = setup({ emergencyNumber: '999' });
    click('Start');
    tick('Chest pain');
    click('Next');
    // At once, before the advice's code has loaded: the heading takes focus, the number follows it.
    const title = heading();
    expect(title.textContent).toBe('Get emergency care now');
    await waitFor(() => expect(document.activeElement).toBe(title));
    const call = screen.getByRole('link', { name: 'Call 999 now' });
    expect(title.compareDocumentPosition(call) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading the advice…');
    // A patient who went on to the number keeps it when the advice arrives, announced once.
    call.focus();
    await screen.findByText(/stopped the questions early/);
    expect(heading()).toBe(title);
    expect(screen.getByRole('link', { name: 'Call 999 now' })).toBe(call);
    expect(document.activeElement).toBe(call);
    expect(call.getAttribute('href')).toBe('tel:999');
    // Fired once the advice is worked out (its code comes with the result screen).
    await waitFor(() => expect(completes).toHaveLength(1));
    expect(completes[0]).toMatchObject({ stoppedEarly: true, answers: { red_flags: ['chest_pain'] } });
    expect(completes[0]!.guidance[0]).toMatchObject({ level: 'emergency' });
  });

  it.each([
    ['1-800 273 8255', 'tel:18002738255'],
    ['+44 (20) 7946 0000', 'tel:+442079460000'],
    ['+44 (0)20 7946 0000', 'tel:+442079460000'], // the trunk 0 is not dialled after a country code
    ['१०८', 'tel:108'], // Hindi digits
    ['١١٢', 'tel:112'], // Arabic-Indic digits
    ['۱۱۵', 'tel:115'], // Persian digits
    ['１１９', 'tel:119'], // full-width digits, as a Japanese keyboard types them
  ])('dials the number %s as a phone would (%s)', (number, href) => {
    setup({ emergencyNumber: number });
    click('Start');
    tick('Chest pain');
    click('Next');
    expect(screen.getByRole('link', { name: `Call ${number} now` }).getAttribute('href')).toBe(href);
  });

  it('makes no link of a phone code ("*" or "#") given as the emergency number', () => {
    setup({ emergencyNumber: '**21*5551234#' });
    click('Start');
    tick('Chest pain');
    click('Next');
    expect(screen.getByText('Call **21*5551234# now').tagName).toBe('SPAN');
    expect(screen.queryByRole('link', { name: /Call/ })).toBeNull();
  });

  it('shows an emergency number from the page that is not one number as text, not as a broken link', () => {
    setup({ emergencyNumber: '112 or 911' });
    click('Start');
    tick('Chest pain');
    click('Next');
    expect(screen.getByText('Call 112 or 911 now').tagName).toBe('SPAN');
    expect(screen.queryByRole('link', { name: /Call/ })).toBeNull();
  });

  it('copies a summary with the date and the questionnaire id and version', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    setup();
    await answerAllNoToAdvice();
    click('Copy summary');
    await screen.findByText('Summary copied.');
    expect(writeText.mock.calls[0]![0]).toMatch(/Summary to show your doctor\nDate: .+\nQuestionnaire: Small check \(small 1\.2\.3\)/);
    expect(writeText.mock.calls[0]![0]).toContain('- Painful joints: No');
  });

  it('says so when copying fails, and gives the summary selected in a box to copy by hand', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    setup();
    await answerAllNoToAdvice();
    click('Copy summary');
    await screen.findByText(/Could not copy/);
    const box = (await screen.findByRole('textbox', { name: 'Summary to show your doctor' })) as HTMLTextAreaElement;
    expect(box.readOnly).toBe(true);
    expect(box.value).toContain('- Painful joints: No');
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
  });

  it('starts again with nothing kept, once the patient confirms', async () => {
    setup();
    await answerAllNoToAdvice();
    click('Start again');
    click('Yes, start again');
    click('Start');
    expect((screen.getByRole('checkbox', { name: 'None of these' }) as HTMLInputElement).checked).toBe(false);
  });

  it('asks before starting again, and keeps everything on "No"', async () => {
    setup();
    await answerAllNoToAdvice();
    click('Start again');
    const question = screen.getByRole('group', { name: 'Start again? Your answers and this advice will be cleared.' });
    const keep = within(question).getByRole('button', { name: 'No, keep my answers' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect(screen.getByRole('button', { name: 'Start again' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(keep);
    expect(screen.queryByRole('group', { name: /Start again\?/ })).toBeNull();
    expect(heading().textContent).toBe('What to do next');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start again' })));
    click('Back');
    expect(heading().textContent).toBe('Check your answers');
  });
});

describe('Hindi', () => {
  it('speaks Hindi in the widget words and the questionnaire texts', () => {
    setup({ lang: 'hi' });
    click('शुरू करें');
    expect(heading().textContent).toBe('Do you have any of these now? (hi)');
    expect(screen.getByText('सवाल 1 / 5')).toBeTruthy();
  });
});

describe('persist="session"', () => {
  it.each([
    ['"stopped early" with calm answers', { answers: { red_flags: ['none'] }, step: 'result', stoppedEarly: 'no' }],
    ['"stopped early" with no answers', { answers: {}, step: 'result', stoppedEarly: true }],
    ['the advice of a run with questions left', { answers: { red_flags: ['none'] }, step: 'result', stoppedEarly: false }],
  ])('trusts no saved place another script could have written: %s starts afresh', async (_name, saved) => {
    sessionStorage.setItem('k', JSON.stringify(saved));
    setup({ persist: { key: 'k', store } });
    expect(heading().textContent).toBe('Small check');
    expect(screen.queryByText(/Get emergency care now/)).toBeNull();
  });
  it('resumes on a number question without pulling focus or scrolling the page as it arrives, and moves focus once the patient moves on', async () => {
    sessionStorage.setItem('k', JSON.stringify({ answers: { red_flags: ['none'], joint_pain: 'yes' }, step: 'question', current: 'joint_weeks' }));
    setup({ persist: { key: 'k', store } });
    await screenTitled('For how many weeks?'); // after "Loading": its answer box comes with the later screens' code
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(document.body);
    click('Back');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Do your joints hurt?' })));
  });
  it('after a resume, a refused Next puts focus on the error, as on any run', async () => {
    sessionStorage.setItem('k', JSON.stringify({ answers: { red_flags: ['none'] }, step: 'question', current: 'joint_pain' }));
    setup({ persist: { key: 'k', store } });
    await screenTitled('Do your joints hurt?');
    click('Next');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });
  it('gives focus to the intro when the patient clears a run resumed on its advice', async () => {
    setup({ persist: { key: 'k', store } });
    tick(/Keep my answers/);
    await answerAllNoToAdvice();
    await vi.waitFor(() => expect(JSON.parse(sessionStorage.getItem('k')!)).toMatchObject({ step: 'result' }));
    cleanup();
    setup({ persist: { key: 'k', store } });
    await screenTitled('What to do next');
    click('Clear my answers');
    fireEvent.click(within(screen.getByRole('group', { name: /Clear your answers\?/ })).getByRole('button', { name: 'Yes, clear them' }));
    expect(heading().textContent).toBe('Small check');
    await waitFor(() => expect(document.activeElement).toBe(heading()));
  });
  it('resumes a real emergency stop at its advice', async () => {
    sessionStorage.setItem('k', JSON.stringify({ answers: { red_flags: ['chest_pain'] }, step: 'result', current: 'red_flags', stoppedEarly: true }));
    setup({ persist: { key: 'k', store } });
    // At once: the heading and the number to call do not wait for the machine's code.
    expect(heading().textContent).toBe('Get emergency care now');
    expect(screen.getByRole('link', { name: 'Call 112 now' })).toBeTruthy();
    await screenTitled('Get emergency care now');
  });
  it('keeps the run under the new key at once when the key changes mid-run (the element got an id)', async () => {
    const props = { questionnaire: smallQuestionnaire(), lang: 'en' };
    const { rerender } = render(<App {...props} persist={{ key: 'k', store }} />);
    tick(/Keep my answers/);
    click('Start');
    tick('None of these');
    await vi.waitFor(() => expect(sessionStorage.getItem('k')).not.toBeNull());
    rerender(<App {...props} persist={{ key: 'k#w1', store }} />);
    await vi.waitFor(() => expect(JSON.parse(sessionStorage.getItem('k#w1')!)).toMatchObject({ answers: { red_flags: ['none'] } }));
    expect(sessionStorage.getItem('k')).toBeNull();
  });
  it('stores nothing without it', () => {
    setup();
    click('Start');
    tick('None of these');
    expect(sessionStorage.length).toBe(0);
  });
  it('stores nothing until the patient agrees, and offers nothing to agree to without it', () => {
    setup({ persist: { key: 'k', store } });
    const keep = screen.getByRole('checkbox', { name: /Keep my answers in this browser tab/ }) as HTMLInputElement;
    expect(keep.checked).toBe(false);
    click('Start');
    tick('None of these');
    click('Next');
    expect(sessionStorage.length).toBe(0);
    cleanup();
    setup();
    expect(screen.queryByRole('checkbox', { name: /Keep my answers/ })).toBeNull();
  });
  it('forgets what it kept when the patient changes their mind', async () => {
    setup({ persist: { key: 'k', store } });
    tick(/Keep my answers/);
    click('Start');
    tick('None of these');
    click('Next');
    await runReady();
    await vi.waitFor(() => expect(sessionStorage.getItem('k')).not.toBeNull());
    click('Back');
    click('Back');
    expect(heading().textContent).toBe('Small check');
    tick(/Keep my answers/);
    await vi.waitFor(() => expect(sessionStorage.getItem('k')).toBeNull());
  });
  it('resumes after a reload and clears on request', async () => {
    setup({ persist: { key: 'k', store } });
    tick(/Keep my answers/);
    await answerAllNo();
    await vi.waitFor(() => expect(JSON.parse(sessionStorage.getItem('k')!)).toMatchObject({ step: 'review' }));
    cleanup();
    setup({ persist: { key: 'k', store } });
    await screenTitled('Check your answers');
    click('See my advice');
    await screenTitled('What to do next');
    click('Clear my answers');
    // Asked first, like "Start again": nothing is cleared on one tap.
    const question = screen.getByRole('group', { name: /Clear your answers\?/ });
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'No, keep my answers' })));
    expect(sessionStorage.getItem('k')).not.toBeNull();
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, clear them' }));
    expect(sessionStorage.getItem('k')).toBeNull();
    expect(heading().textContent).toBe('Small check');
    // A resumed run, cleared by the patient: focus goes to the intro's heading, not to the page.
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect((screen.getByRole('checkbox', { name: /Keep my answers/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('Your saved answers were removed.');
    click('Start');
    expect(screen.queryByText('Your saved answers were removed.')).toBeNull();
  });
});
