/**
 * Words a symptom checker must not say. The widget tells people what to do and how soon; it
 * never tells them what they have, and never names a medicine, a therapy or a clinic (the
 * seed article this project started from was a clinic's advert for a treatment).
 *
 * The lists are short on purpose: each entry is a thing we have seen or expect in copied
 * text. Latin-script terms are matched as whole words, in every language (drug names are often
 * written in Latin letters inside Hindi text too); Devanagari terms are matched as written.
 * To add a term, add a row here and a row to tests/lint/lint.test.ts.
 */

export interface Term {
  /** What the author is told was found. */
  label: string;
  pattern: RegExp;
  /** A text the term flags (tests/lint/lint.test.ts checks that it does). */
  example: string;
}

/** Telling the patient what they have. Checked in advice (guidance title and text) only: a question may ask "Has a doctor told you ...". */
export const DIAGNOSIS_TERMS: readonly Term[] = [
  { label: 'you have lupus', pattern: /\byou(?:'ve| have| may have| might have| probably have| likely have| could have)(?: got)? (?:lupus|sle)\b/i, example: 'Your answers mean you have lupus.' },
  { label: 'it is lupus', pattern: /\b(?:this|it|that) (?:is|could be|may be|might be) (?:lupus|sle)\b/i, example: 'This is lupus.' },
  { label: 'diagnosis', pattern: /\bdiagnos(?:is|es|e|ed|ing)\b/i, example: 'A doctor confirmed the diagnosis.' },
  { label: 'diagnosis', pattern: /निदान/, example: 'यह ल्यूपस का निदान है।' },
  { label: 'you have lupus', pattern: /आपको ल्यूपस है/, example: 'आपको ल्यूपस है।' },
];

/** Naming a treatment or a place to buy one. Checked in every text. */
export const TREATMENT_TERMS: readonly Term[] = [
  // Medicines used in lupus, by generic and common brand name.
  { label: 'hydroxychloroquine', pattern: /\b(?:hydroxy)?chloroquine\b|\bplaquenil\b|\bHCQ\b/i, example: 'Ask about Plaquenil.' },
  { label: 'steroids', pattern: /\b(?:cortico)?steroids?\b|\b(?:methyl)?prednis(?:one|olone)\b|\bcortisone\b/i, example: 'A short course of prednisolone may help.' },
  { label: 'methotrexate', pattern: /\bmethotrexate\b/i, example: 'Methotrexate is used in lupus.' },
  { label: 'an immunosuppressant', pattern: /\b(?:azathioprine|mycophenolate|cyclophosphamide|tacrolimus|ciclosporin|cyclosporine|voclosporin)\b/i, example: 'Keep taking azathioprine.' },
  { label: 'a biologic', pattern: /\b(?:belimumab|benlysta|anifrolumab|saphnelo|rituximab)\b/i, example: 'Ask for belimumab.' },
  // Over-the-counter painkillers: "take X" is prescribing too.
  { label: 'a painkiller', pattern: /\b(?:paracetamol|acetaminophen|ibuprofen|naproxen|aspirin|diclofenac|nsaids?)\b/i, example: 'Take ibuprofen for the pain.' },
  // Therapies and the clinics that sell them.
  { label: 'stem cell', pattern: /\bstem[ -]cells?\b/i, example: 'Stem-cell treatment can help.' },
  { label: 'therapy', pattern: /\b\w*therap(?:y|ies)\b/i, example: 'Ask about physiotherapy.' },
  { label: 'clinic', pattern: /\bclinics?\b/i, example: 'Visit our clinic.' },
  { label: 'stem cell', pattern: /स्टेम सेल/, example: 'स्टेम सेल इलाज' },
  { label: 'therapy', pattern: /थेरेपी/, example: 'थेरेपी लें' },
  { label: 'clinic', pattern: /क्लिनिक/, example: 'हमारे क्लिनिक आएँ' },
  { label: 'steroids', pattern: /स्टेरॉ?इड|स्टेरॉयड/, example: 'स्टेरॉयड लें' },
];

export function findTerms(text: string, terms: readonly Term[]): { label: string; found: string }[] {
  const out: { label: string; found: string }[] = [];
  for (const term of terms) {
    const match = term.pattern.exec(text);
    if (match) out.push({ label: term.label, found: match[0] });
  }
  return out;
}
