/**
 * Words a symptom checker must not say. The widget tells people what to do and how soon; it
 * never tells them what they have, and never names a medicine, a therapy or a clinic (the
 * seed article this project started from was a clinic's advert for a treatment).
 *
 * The lists are short on purpose: each entry is a thing we have seen or expect in copied
 * text. Latin-script terms are matched as whole words, in every language (drug names are often
 * written in Latin letters inside Hindi text too); Devanagari terms are matched as written, in NFC.
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
  {
    label: 'you have lupus',
    pattern: /\byou(?:'ve| have| (?:(?:may|might|could)(?: well)?|(?:most |very )?(?:probably|likely|possibly)|are likely to|seem to|appear to) have)(?: got)? (?:lupus|sle)\b/i,
    example: 'Your answers mean you have lupus.',
  },
  { label: 'you have lupus', pattern: /\b(?:suggests?|suggesting|points? to|indicates?|consistent with) (?:that you have )?(?:lupus|sle)\b/i, example: 'Your answers suggest lupus.' },
  { label: 'it is lupus', pattern: /\b(?:this|it|that) (?:is|could be|may be|might be|is likely|is probably)(?: to be)? (?:lupus|sle)\b/i, example: 'This is lupus.' },
  { label: 'diagnosis', pattern: /\bdiagnos(?:is|es|e|ed|ing)\b/i, example: 'A doctor confirmed the diagnosis.' },
  { label: 'diagnosis', pattern: /निदान/, example: 'यह ल्यूपस का निदान है।' },
  // "आपको (शायद / संभवतः) ल्यूपस है / हो सकता है / होने की संभावना है": you (probably) have lupus.
  {
    label: 'you have lupus',
    pattern: /आप\s?को\s+(?:(?:शायद|संभवतः|संभवत:|सम्भवतः|सम्भवत:|संभवत|ज\u093C?रूर|निश्चित रूप से)\s+)?(?:ल्यूपस|लूपस|ल्युपस|SLE|एसएलई)(?:\s*\(SLE\))?(?:\s+(?:रोग|बीमारी))?\s+(?:(?:शायद|संभवतः|संभवत:)\s+)?(?:है|हो\s+सकता|हो\s+सकती|होने\s+की\s+(?:संभावना|सम्भावना|आशंका))/,
    example: 'आपको शायद ल्यूपस है।',
  },
  { label: 'you have lupus', pattern: /(?:ल्यूपस|लूपस|ल्युपस|SLE)\s+की\s+(?:ओर|तरफ\u093C?)\s+इशारा/, example: 'आपके जवाब ल्यूपस की ओर इशारा करते हैं।' },
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
  // The same medicines in Devanagari, in the spellings in use (ॉ, ा or none; ी or ि; य or इ; with or
  // without the nukta: texts are matched in NFC, which writes ज़ and फ़ as ज and फ with U+093C).
  { label: 'steroids', pattern: /(?:क[ॉो]र्ट[िी]?को\s?)?स्ट[ेीि]र[ॉाो]?[यइई]ड|क[ॉो]र्ट[िी]सोन/, example: 'स्टीरॉयड की गोली' },
  { label: 'steroids', pattern: /प्रेडन[िी]?सो(?:लो)?न/, example: 'प्रेडनिसोलोन की गोली' },
  { label: 'hydroxychloroquine', pattern: /(?:हाइड्र[ोॉ]क्सी[\s-]?)?क्लोरोक्व[ीि]न|प्ल[ाे]क्वेनिल/, example: 'हाइड्रोक्सीक्लोरोक्वीन के बारे में पूछें।' },
  { label: 'methotrexate', pattern: /म[ेि]थोट्रे?क्से?ट/, example: 'मेथोट्रेक्सेट लें' },
  { label: 'an immunosuppressant', pattern: /एज\u093C?ाथ[ाि]योप्र[िी]न|माइकोफ\u093C?ेनोलेट|साइक्लोफ\u093C?[ॉो]स्फ\u093C?[ाै]माइड|ट[ैे]क्रोलिमस|साइक्लोस्पोरिन/, example: 'एज़ाथियोप्रिन लेते रहें' },
  { label: 'a biologic', pattern: /बेलिमुम[ैे]?ब|रिटुक्सिम[ैे]?ब/, example: 'बेलिमुमैब के बारे में पूछें' },
  { label: 'a painkiller', pattern: /प[ैे]र[ाे]?स[िी]टामोल|(?:आ[इई]|इ)ब[ुू]प्र[ोे]फ\u093C?[ेै]न|एस्प[िी]?रिन|ड[ाि]इ?क्लोफ\u093C?[ेै]न[ाै]क|न[ेै]प्र[ॉो]क्सेन|क्रोसिन|क[ॉो]म्बिफ्ल[ेै]म/, example: 'पैरासिटामोल या इबुप्रोफेन लें।' },
];

/** A word a term flags in one text: as first written there, and how many times the text has it. */
export interface TermMatch {
  label: string;
  found: string;
  count: number;
}

/**
 * Every place each term matches in `text`, in the order of `terms`: one entry per word, in the
 * order it first appears, with how many times it appears (the same word in other capitals,
 * "Steroids" and "steroids", counts as the same word).
 */
export function findTerms(text: string, terms: readonly Term[]): TermMatch[] {
  const out: TermMatch[] = [];
  const normalized = text.normalize('NFC');
  for (const term of terms) {
    const words = new Map<string, TermMatch>();
    for (const [found] of normalized.matchAll(everywhere(term.pattern))) {
      const seen = words.get(found.toLowerCase());
      if (seen) seen.count++;
      else words.set(found.toLowerCase(), { label: term.label, found, count: 1 });
    }
    out.push(...words.values());
  }
  return out;
}

const withG = new WeakMap<RegExp, RegExp>();
/** The pattern with the "g" flag, which matchAll needs, made once. */
function everywhere(pattern: RegExp): RegExp {
  let g = withG.get(pattern);
  if (!g) withG.set(pattern, (g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  return g;
}
