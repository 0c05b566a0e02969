// Coach: spoken answers on the interview page. Record with the microphone (MediaRecorder) while a level meter
// (Web Audio AnalyserNode) and a timer run, or pick an audio file; send it with the page's CSRF token; follow
// the transcription through its JSON status until the feedback page is ready. The question can be read aloud
// by the browser's own speech synthesis. Without JavaScript the upload form still works on its own.
// While recording, the chunks also go over a WebSocket (data-stream-url): the server transcribes them as they
// come and sends the words back, so the feedback follows stop within seconds. A dropped connection is
// reconnected and the server says how much it has; if it can't be reached, the recording is sent as a file.
(function () {
  "use strict";

  var section, texts, uploadUrl, maxSeconds;

  function $(id) { return document.getElementById(id); }
  function show(el, on) { if (el) { el.hidden = !on; } }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) { return meta.content; }
    var match = document.cookie.match(/(?:^|;\s*)coach_csrf=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function freshToken() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function showError(message) {
    var box = $("speech-error");
    box.textContent = message;
    show(box, !!message);
  }

  // --- the question read aloud ---------------------------------------------------------------------------

  function pickVoice(lang) {
    if (!("speechSynthesis" in window)) { return null; }
    var voices = window.speechSynthesis.getVoices() || [];
    var wanted = lang === "nl" ? ["nl-NL", "nl-BE", "nl"] : ["en-GB", "en-US", "en"];
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        var code = (voices[j].lang || "").replace("_", "-");
        if (code === wanted[i] || code.toLowerCase().indexOf(wanted[i].toLowerCase() + "-") === 0 ||
            (wanted[i].length === 2 && code.toLowerCase().indexOf(wanted[i]) === 0)) {
          return voices[j];
        }
      }
    }
    return null;
  }

  function setUpReadAloud() {
    var button = $("speak-question");
    var question = $("question-text");
    if (!button || !question || !("speechSynthesis" in window)) { return; }
    var lang = section.dataset.lang === "nl" ? "nl" : "en";
    function refresh() { show(button, !!pickVoice(lang)); }
    refresh();
    window.speechSynthesis.addEventListener("voiceschanged", refresh);
    button.addEventListener("click", function () {
      var voice = pickVoice(lang);
      if (!voice) { show(button, false); return; }
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(question.textContent.trim());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.95;
      window.speechSynthesis.speak(utterance);
    });
  }

  // --- recording -------------------------------------------------------------------------------------------

  var recorder = null, stream = null, audioContext = null, chunks = [], blob = null, live = null;
  var startedAt = 0, tickTimer = null, meterFrame = null, stoppedByLimit = false;

  function recordingType() {
    var types = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder.isTypeSupported && window.MediaRecorder.isTypeSupported(types[i])) { return types[i]; }
    }
    return "";
  }

  function extensionFor(type) {
    if (type.indexOf("ogg") >= 0) { return ".ogg"; }
    if (type.indexOf("mp4") >= 0) { return ".m4a"; }
    if (type.indexOf("wav") >= 0) { return ".wav"; }
    return ".webm";
  }

  function microphoneMessage(error) {
    var name = error && error.name;
    if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") {
      return texts.denied;
    }
    if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") {
      return texts.noMic;
    }
    if (name === "NotReadableError" || name === "AbortError" || name === "TrackStartError") {
      return texts.busy;
    }
    return texts.unsupported;
  }

  function startMeter(mediaStream) {
    var meter = $("record-level");
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context || !meter) { return; }
    try {
      audioContext = new Context();
      var source = audioContext.createMediaStreamSource(mediaStream);
      var analyser = audioContext.createAnalyser();
      analyser.fftSize = 1024;
      source.connect(analyser);
      var data = new Float32Array(analyser.fftSize);
      var draw = function () {
        analyser.getFloatTimeDomainData(data);
        var sum = 0;
        for (var i = 0; i < data.length; i++) { sum += data[i] * data[i]; }
        var rms = Math.sqrt(sum / data.length);
        meter.value = Math.min(1, rms * 4);  // speech peaks around 0.1-0.25 RMS
        meterFrame = window.requestAnimationFrame(draw);
      };
      draw();
    } catch (e) {
      audioContext = null;  // the meter is a help, not a must: recording goes on without it
    }
  }

  function stopMeter() {
    if (meterFrame) { window.cancelAnimationFrame(meterFrame); meterFrame = null; }
    if (audioContext) { audioContext.close(); audioContext = null; }
    var meter = $("record-level");
    if (meter) { meter.value = 0; }
  }

  function releaseMicrophone() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
  }

  function typedForm() { return document.querySelector("form[data-time-limit]"); }

  function startRecording() {
    showError("");
    blob = null;
    show($("record-done"), false);
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) {
      showError(texts.unsupported);
      return;
    }
    $("record-start").disabled = true;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (mediaStream) {
      stream = mediaStream;
      var type = recordingType();
      try {
        recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      } catch (e) {
        releaseMicrophone();
        $("record-start").disabled = false;
        showError(texts.unsupported);
        return;
      }
      chunks = [];
      stoppedByLimit = false;
      recorder.addEventListener("dataavailable", function (e) {
        if (e.data && e.data.size) { chunks.push(e.data); livePush(e.data); }
      });
      liveStart();
      recorder.addEventListener("stop", finishRecording);
      recorder.start(1000);
      startedAt = Date.now();
      // A typed answer is not sent by the time limit while a spoken one is being recorded.
      var form = typedForm();
      if (form) { form.dataset.sent = "1"; }
      show($("record-start"), false);
      show($("record-stop"), true);
      show($("record-meter"), true);
      $("record-stop").focus();
      startMeter(stream);
      tick();
      tickTimer = window.setInterval(tick, 250);
    }).catch(function (error) {
      $("record-start").disabled = false;
      showError(microphoneMessage(error));
    });
  }

  function tick() {
    var used = (Date.now() - startedAt) / 1000;
    $("record-time").textContent = clock(used);
    var form = typedForm();
    var limit = form ? parseInt(form.dataset.timeLimit, 10) || 0 : 0;
    var pageLimitReached = limit && form.querySelector(".timer") && form.querySelector(".timer").textContent === "0:00";
    if (used >= maxSeconds || pageLimitReached) {
      stoppedByLimit = true;
      stopRecording();
    }
  }

  function stopRecording() {
    if (tickTimer) { window.clearInterval(tickTimer); tickTimer = null; }
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
  }

  function finishRecording() {
    stopMeter();
    releaseMicrophone();
    show($("record-stop"), false);
    show($("record-meter"), false);
    show($("record-start"), true);
    $("record-start").disabled = false;
    var type = (recorder && recorder.mimeType) || recordingType() || "audio/webm";
    blob = new Blob(chunks, { type: type });
    recorder = null;
    if (!blob.size) {
      blob = null;
      liveCancel();
      showError(texts.tooShort);
      return;
    }
    if (live && !live.dead) {  // the server has (nearly) everything: only the last stretch is left
      live.stopRequested = true;
      setBusy(true);
      progressTo(texts.finishing, null);
      liveFlush();
      return;
    }
    var preview = $("record-preview");
    if (preview.dataset.url) { URL.revokeObjectURL(preview.dataset.url); }
    preview.dataset.url = URL.createObjectURL(blob);
    preview.src = preview.dataset.url;
    show($("record-done"), true);
    if (stoppedByLimit) {
      showError(texts.max);
      sendRecording();
    } else {
      $("record-send").focus();
    }
  }

  // --- streaming while recording ------------------------------------------------------------------------------

  function formValue(name) { return $("audio-form").querySelector("input[name=" + name + "]").value; }

  function liveStart() {
    liveCancel();
    var url = section.dataset.streamUrl;
    if (!url || !("WebSocket" in window)) { return; }
    $("audio-form").querySelector("input[name=token]").value = freshToken();  // each recording is one answer
    live = { parts: [], total: 0, sentUpTo: 0, ws: null, ready: false, retries: 0, dead: false,
             finished: false, flushing: false, stopRequested: false, stopSent: false };
    setWords("");
    liveConnect();
  }

  function liveConnect() {
    var current = live, ws;
    try {
      ws = new WebSocket((window.location.protocol === "https:" ? "wss://" : "ws://") + window.location.host +
                         section.dataset.streamUrl);
    } catch (e) { liveDead(); return; }
    ws.binaryType = "arraybuffer";
    current.ws = ws;
    current.ready = false;
    ws.addEventListener("open", function () {
      ws.send(JSON.stringify({ type: "start", csrf: csrfToken(), token: formValue("token"), slot: formValue("slot") }));
    });
    ws.addEventListener("message", function (e) {
      if (live !== current) { return; }
      var m = null;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      if (m.type === "ready") {
        current.ready = true;
        current.retries = 0;
        current.sentUpTo = m.received;
        current.stopSent = false;
        if (m.text) { setWords(m.text); }
        liveFlush();
      } else if (m.type === "words") {
        addWords(m.text);
      } else if (m.type === "done") {
        current.finished = true;
        follow(m);
      } else if (m.type === "error") {
        if (m.next_url) { window.location.assign(m.next_url); return; }
        if (typeof m.received === "number") {  // some bytes went missing: send them again
          current.sentUpTo = m.received;
          current.stopSent = false;
          liveFlush();
          return;
        }
        liveDead(m.message);
      }
    });
    ws.addEventListener("close", function () {
      if (live !== current || current.finished || current.dead) { return; }
      current.ready = false;
      if (current.retries < 5) {
        current.retries += 1;
        window.setTimeout(function () { if (live === current) { liveConnect(); } }, 400 * current.retries);
      } else {
        liveDead(texts.network);
      }
    });
  }

  function livePush(part) {
    if (!live || live.dead) { return; }
    live.parts.push(part);
    live.total += part.size;
    liveFlush();
  }

  function liveFlush() {
    var current = live;
    if (!current || current.dead || !current.ready || current.flushing || current.ws.readyState !== 1) { return; }
    if (current.sentUpTo < current.total) {
      current.flushing = true;
      new Blob(current.parts).slice(current.sentUpTo).arrayBuffer().then(function (buffer) {
        current.flushing = false;
        if (!current.ready || current.ws.readyState !== 1) { return; }
        current.ws.send(buffer);
        current.sentUpTo += buffer.byteLength;
        liveFlush();
      });
      return;
    }
    if (current.stopRequested && !current.stopSent) {
      current.stopSent = true;
      current.ws.send(JSON.stringify({ type: "stop", size: current.total }));
    }
  }

  function liveDead(message) {
    if (!live) { return; }
    live.dead = true;
    if (live.ws && live.ws.readyState <= 1) { live.ws.close(); }
    if (live.stopRequested) {  // stopped already: send the whole recording as a file instead
      setBusy(false);
      if (message) { showError(message); }
      sendRecording();
    }
  }

  function liveCancel() {
    if (live && live.ws && live.ws.readyState === 1 && !live.finished) {
      live.ws.send(JSON.stringify({ type: "cancel" }));
    }
    if (live) { live.dead = true; }
    live = null;
  }

  function setWords(text) {
    var box = $("live-words");
    if (!box) { return; }
    box.textContent = text;
    show($("live-transcript"), !!text);
  }

  function addWords(text) {
    var box = $("live-words");
    if (box) { setWords((box.textContent ? box.textContent + " " : "") + text); }
  }

  function sendRecording() {
    if (!blob) { showError(texts.noFile); return; }
    send(blob, "answer" + extensionFor(blob.type));
  }

  // --- sending and following the job -------------------------------------------------------------------------

  var busy = false;

  function setBusy(on) {
    busy = on;
    section.querySelectorAll("button").forEach(function (b) {
      if (b.id !== "speak-question") { b.disabled = on; }
    });
    $("audio-file").disabled = on;
  }

  function progressTo(label, value) {
    show($("speech-status"), true);
    $("speech-stage").textContent = label;
    var bar = $("speech-progress");
    if (value === null) { bar.removeAttribute("value"); } else { bar.value = value; }
  }

  function failed(message) {
    setBusy(false);
    show($("speech-status"), false);
    showError(message);
    var form = $("audio-form");
    form.querySelector("input[name=token]").value = freshToken();  // a new attempt is a new submission
    delete form.dataset.sent;
  }

  function send(file, name) {
    if (busy) { return; }
    showError("");
    var form = $("audio-form");
    var data = new FormData();
    data.append("csrf_token", form.querySelector("input[name=csrf_token]").value);
    data.append("token", form.querySelector("input[name=token]").value);
    data.append("slot", form.querySelector("input[name=slot]").value);
    data.append("file", file, name);
    setBusy(true);
    progressTo(texts.uploading, 0);
    var request = new XMLHttpRequest();
    request.open("POST", uploadUrl);
    request.setRequestHeader("X-CSRF-Token", csrfToken());
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { progressTo(texts.uploading, e.loaded / e.total); }
    });
    request.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
      if (request.status === 409 && body && body.next_url) { window.location.assign(body.next_url); return; }
      if (request.status >= 400 || !body) {
        failed(body && body.error ? body.error.message : texts.network);
        return;
      }
      follow(body);
    });
    request.addEventListener("error", function () { failed(texts.network); });
    request.send(data);
  }

  function follow(status) {
    if (status.status === "done" && status.answer_url) {
      progressTo(status.stage_label || "", 1);
      window.location.assign(status.answer_url);
      return;
    }
    if (status.status === "failed") {
      failed(status.error ? status.error.message : texts.network);
      return;
    }
    progressTo(status.stage_label, status.stage === "queued" || status.stage === "checking" ? null : status.progress);
    window.setTimeout(function () { poll(status.status_url, 0); }, 700);
  }

  function poll(url, misses) {
    var request = new XMLHttpRequest();
    request.open("GET", url);
    request.setRequestHeader("Accept", "application/json");
    request.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (e) { body = null; }
      if (request.status !== 200 || !body) {
        if (misses < 5) { window.setTimeout(function () { poll(url, misses + 1); }, 1500); return; }
        failed(body && body.error ? body.error.message : texts.network);
        return;
      }
      follow(body);
    });
    request.addEventListener("error", function () {
      if (misses < 5) { window.setTimeout(function () { poll(url, misses + 1); }, 1500); return; }
      failed(texts.network);
    });
    request.send();
  }

  // --- wiring ------------------------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", function () {
    section = $("speak");
    if (!section) { return; }
    var d = section.dataset;
    texts = {
      denied: d.msgDenied, noMic: d.msgNoMic, busy: d.msgBusy, unsupported: d.msgUnsupported,
      tooShort: d.msgTooShort, noFile: d.msgNoFile, network: d.msgNetwork, uploading: d.msgUploading,
      max: d.msgMax, finishing: d.msgFinishing
    };
    uploadUrl = d.uploadUrl;
    maxSeconds = parseInt(d.maxSeconds, 10) || 600;
    setUpReadAloud();
    show($("recorder"), true);
    $("record-start").addEventListener("click", startRecording);
    $("record-stop").addEventListener("click", stopRecording);
    $("record-send").addEventListener("click", sendRecording);
    $("record-again").addEventListener("click", function () { liveCancel(); startRecording(); });
    $("audio-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var input = $("audio-file");
      if (!input.files || !input.files.length) { showError(texts.noFile); setBusy(false); return; }
      var chosen = input.files[0];
      send(chosen, chosen.name);
    });
  });
})();
