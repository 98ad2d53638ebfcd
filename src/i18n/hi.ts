import type { AnswerWords } from './englishAnswerWords';
import type { Strings } from './en';

/** The widget's own words in Hindi (Devanagari); the answer words are in answerWords.ts. */
export const hi: Omit<Strings, keyof AnswerWords> = {
  dir: 'ltr',
  widgetLabel: 'लक्षण जाँच',
  language: 'भाषा',
  disclaimerHeading: 'ज़रूरी सूचना',
  disclaimer:
    'यह निदान नहीं है और डॉक्टर की जगह नहीं लेता। यह नहीं बता सकता कि आपको कोई बीमारी है या नहीं। अगर आप बहुत बीमार महसूस कर रहे हैं, तो अभी अपने इमरजेंसी नंबर पर कॉल करें।',
  privacy: 'आपके जवाब इसी डिवाइस पर रहते हैं। कुछ भी कहीं नहीं भेजा जाता।',
  keepAnswers: 'अगर पेज फिर से लोड हो, तो मेरे जवाब इस ब्राउज़र टैब में रखें, जब तक मैं टैब बंद न करूँ या उन्हें मिटा न दूँ।',
  cleared: 'आपके सहेजे गए जवाब मिटा दिए गए।',
  start: 'शुरू करें',
  next: 'आगे',
  back: 'पीछे',
  reviewSoFar: 'अब तक के जवाब देखें',
  progress: (n, total) => `सवाल ${n} / ${total}`,
  tickAll: 'जो भी लागू हों, सब चुनें।',
  errorPrefix: 'गलती:',
  required: 'आगे बढ़ने के लिए एक जवाब चुनें।',
  isFine: (choice) => `"${choice}" भी ठीक है।`,
  callNow: (number) => `अभी ${number} पर कॉल करें`,
  emergencyLevel: 'अभी आपातकालीन इलाज लें',
  loading: 'सवाल लोड हो रहे हैं…',
  loadingAdvice: 'सलाह लोड हो रही है…',
  errorHeading: 'यह लक्षण जाँच शुरू नहीं हो सकी',
  errorBody: 'सवाल लोड नहीं हो सके। कृपया बाद में फिर कोशिश करें, या क्लिनिक से मदद लें। अगर आप बहुत बीमार महसूस कर रहे हैं, तो अभी अपने इमरजेंसी नंबर पर कॉल करें।',
  errorDetails: 'वेबसाइट टीम के लिए जानकारी',
  stoppedHeading: 'यह लक्षण जाँच रुक गई',
  stoppedBody: 'अगला हिस्सा दिखाया नहीं जा सका। दोबारा कोशिश करने के लिए पेज फिर से खोलें। अगर आप बहुत बीमार महसूस कर रहे हैं, तो अभी अपने इमरजेंसी नंबर पर कॉल करें।',
};
