// A page script that uses the module's API through the same versioned URL.
import { defineSymptomCheck } from '/dist/symptom-check.js?ver=1.0.0';

defineSymptomCheck('clinic-check');
