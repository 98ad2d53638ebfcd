// A clinic's own script that configures the widget before the widget's script has defined the
// element (that script comes later on the page): the element must take these values over.
const early = document.getElementById('early');
early.rules = {
  "id": "early",
  "version": "1.0.0",
  "title": {
    "en": "Set before the script ran"
  },
  "languages": [
    "en"
  ],
  "emergencyNumber": "112",
  "sources": [
    {
      "id": "src",
      "title": "A source"
    }
  ],
  "sections": [
    {
      "id": "s",
      "title": {
        "en": "Questions"
      },
      "questions": [
        {
          "id": "q",
          "type": "yesno",
          "text": {
            "en": "Do your joints hurt?"
          },
          "source": "src"
        }
      ]
    }
  ],
  "guidance": [
    {
      "id": "g",
      "level": "routine",
      "title": {
        "en": "Mention your joints"
      },
      "text": {
        "en": "Tell your doctor about it."
      },
      "when": {
        "answer": "q",
        "equals": "yes"
      },
      "sources": [
        "src"
      ]
    }
  ]
};
early.fetchTimeout = 4321;
