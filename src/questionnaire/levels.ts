/** Urgency levels, most urgent first. Kept apart from the Zod schema so the widget's runtime never loads Zod. */
export const LEVELS = ['emergency', 'urgent', 'soon', 'routine', 'info'] as const;
export type Level = (typeof LEVELS)[number];
