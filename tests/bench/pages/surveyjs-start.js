// As in SurveyJS's "Get started": build the model, render it once the DOM is ready.
/* global Survey */
const survey = new Survey.Model(window.LUPUS_SURVEY);
document.addEventListener('DOMContentLoaded', function () {
  survey.render(document.getElementById('surveyContainer'));
});
