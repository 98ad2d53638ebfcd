/** The same-day notice's id: the question's heading is described by it, so it is read with each new question. */
export const URGENT_SO_FAR_ID = 'sc-urgent-so-far';
