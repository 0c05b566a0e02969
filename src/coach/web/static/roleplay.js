// Coach: read the buyer's words aloud with the browser's own speech synthesis (no network needed when the
// system has voices). The button stays hidden where the browser has no speech synthesis.
(function () {
  "use strict";
  function voiceFor(lang) {
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(lang) === 0) { return voices[i]; }
    }
    return null;
  }
  function speak(text, lang) {
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang === "nl" ? "nl-NL" : "en-GB";
    var voice = voiceFor(lang);
    if (voice) { utterance.voice = voice; }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    document.body.dataset.spoken = text;
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!("speechSynthesis" in window)) { return; }
    document.querySelectorAll("[data-speak]").forEach(function (button) {
      var target = document.querySelector(button.dataset.speak);
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener("click", function () { speak(target.textContent, button.dataset.lang); });
    });
  });
})();
