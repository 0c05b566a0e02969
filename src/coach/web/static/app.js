// Coach: a little vanilla JavaScript on top of server-rendered pages. Everything works without it too.
(function () {
  "use strict";

  // Countdown on answer forms with a time limit; when time is up the answer so far is submitted.
  function startTimers() {
    document.querySelectorAll("form[data-time-limit]").forEach(function (form) {
      var limit = parseInt(form.dataset.timeLimit, 10);
      var started = Date.now();
      var out = form.querySelector(".timer");
      var elapsed = form.querySelector("input[name=elapsed]");
      function tick() {
        var used = Math.floor((Date.now() - started) / 1000);
        if (elapsed) { elapsed.value = used; }
        if (!limit) { return; }
        var left = Math.max(0, limit - used);
        if (out) {
          out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
          out.classList.toggle("low", left <= 15);
        }
        if (left === 0 && !form.dataset.sent) {
          var flag = form.querySelector("input[name=timed_out]");
          if (flag) { flag.value = "1"; }
          form.dataset.sent = "1";
          form.submit();
        }
      }
      tick();
      setInterval(tick, 500);
    });
  }

  // A form is sent once: the button is disabled after the first submit (the server also ignores repeats).
  function guardSubmits() {
    document.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.dataset.sent = "1";
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      });
    });
  }

  // Clicking, or focusing, a highlighted stretch of the answer shows the finding's message and tip.
  var popover = null;
  function showNotes(el) {
    hideNotes();
    var ids = (el.dataset.notes || "").split(" ").filter(Boolean);
    if (!ids.length) { return; }
    popover = document.createElement("div");
    popover.className = "popover";
    popover.setAttribute("role", "status");
    ids.forEach(function (id) {
      var item = document.getElementById(id);
      if (!item) { return; }
      item.classList.add("active");
      var p = document.createElement("p");
      p.style.margin = "0 0 .4rem";
      p.textContent = item.querySelector(".msg").textContent;
      popover.appendChild(p);
      var tip = item.querySelector(".tip");
      if (tip) {
        var t = document.createElement("p");
        t.style.margin = "0";
        t.textContent = tip.textContent;
        popover.appendChild(t);
      }
    });
    document.body.appendChild(popover);
    var r = el.getBoundingClientRect();
    popover.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + window.innerWidth - popover.offsetWidth - 8)) + "px";
    popover.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hideNotes() {
    if (popover) { popover.remove(); popover = null; }
    document.querySelectorAll(".finding.active").forEach(function (li) { li.classList.remove("active"); });
  }
  function wireNotes() {
    document.querySelectorAll("[data-notes]").forEach(function (el) {
      el.addEventListener("click", function (e) { e.stopPropagation(); showNotes(el); });
      el.addEventListener("focus", function () { showNotes(el); });
      el.addEventListener("mouseenter", function () { showNotes(el); });
      el.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideNotes(); } });
    });
    document.addEventListener("click", hideNotes);
  }

  document.addEventListener("DOMContentLoaded", function () {
    startTimers();
    guardSubmits();
    wireNotes();
  });
})();
