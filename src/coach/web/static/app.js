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

  // Clicking, hovering or focusing a marked passage of the answer shows its findings' messages and tips in
  // one popover. The messages live once on the page, in the findings list; the mark names them by id.
  var popover = null;
  var opener = null;
  function showNotes(el) {
    if (opener === el && popover) { return; }
    hideNotes();
    var ids = (el.dataset.notes || "").split(" ").filter(Boolean);
    if (!ids.length) { return; }
    popover = document.createElement("div");
    popover.className = "popover";
    popover.setAttribute("role", "tooltip");
    ids.forEach(function (id) {
      var item = document.getElementById(id);
      if (!item) { return; }
      item.classList.add("active");
      var p = document.createElement("p");
      var badge = item.querySelector(".badge");
      p.textContent = (badge ? badge.textContent.trim() + " " : "") + item.querySelector(".msg").textContent;
      popover.appendChild(p);
      var tip = item.querySelector(".tip");
      if (tip) {
        var t = document.createElement("p");
        t.textContent = tip.textContent;
        popover.appendChild(t);
      }
    });
    document.body.appendChild(popover);
    opener = el;
    el.classList.add("open");
    var r = el.getBoundingClientRect();
    popover.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8)) + "px";
    popover.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hideNotes() {
    if (popover) { popover.remove(); popover = null; }
    if (opener) { opener.classList.remove("open"); opener = null; }
    document.querySelectorAll(".finding.active").forEach(function (li) { li.classList.remove("active"); });
  }
  function wireNotes() {
    document.querySelectorAll("mark[data-notes]").forEach(function (el) {
      el.addEventListener("click", function (e) { e.stopPropagation(); showNotes(el); });
      el.addEventListener("focus", function () { showNotes(el); });
      el.addEventListener("blur", hideNotes);
      el.addEventListener("mouseenter", function () { showNotes(el); });
      el.addEventListener("mouseleave", function () { if (document.activeElement !== el) { hideNotes(); } });
      el.addEventListener("keydown", function (e) {
        if (e.key === "Escape") { hideNotes(); }
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showNotes(el); }
      });
    });
    document.addEventListener("click", hideNotes);
  }

  // An answer box says as you type or paste when the text is over the limit (the server refuses it too,
  // with the answer given back): nothing is cut off without a word.
  function limitNotes() {
    document.querySelectorAll("textarea[data-limit]").forEach(function (box) {
      var limit = parseInt(box.dataset.limit, 10);
      var note = box.parentNode.querySelector(".limit-note");
      var template = box.dataset.limitMessage || "";
      function check() {
        var over = box.value.length - limit;
        if (!note) { return; }
        note.hidden = over <= 0;
        note.textContent = over > 0 ? template.replace("{n}", over).replace("{limit}", limit) : "";
      }
      box.addEventListener("input", check);
      check();
    });
  }

  // On a phone the menu is one line that scrolls sideways: bring the current page's item into view.
  function showCurrentMenuItem() {
    var nav = document.querySelector(".top nav");
    var current = nav && nav.querySelector("[aria-current=page]");
    if (!current || nav.scrollWidth <= nav.clientWidth) { return; }
    var left = current.getBoundingClientRect().left - nav.getBoundingClientRect().left + nav.scrollLeft;
    nav.scrollLeft = Math.max(0, left - (nav.clientWidth - current.offsetWidth) / 2);
  }

  document.addEventListener("DOMContentLoaded", function () {
    startTimers();
    guardSubmits();
    wireNotes();
    limitNotes();
    showCurrentMenuItem();
  });
})();
