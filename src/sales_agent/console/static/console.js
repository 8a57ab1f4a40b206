// The console's only script: poll the chat every 2 s, ask before destructive actions.
(function () {
  document.querySelectorAll("[data-poll]").forEach(function (box) {
    var last = null;
    var scroll = function () {
      var list = box.querySelector(".chat");
      if (list) list.scrollTop = list.scrollHeight;
    };
    scroll();
    setInterval(function () {
      if (document.hidden) return;
      // Not while the operator is choosing a correction: the new fragment would reset it.
      if (box.contains(document.activeElement)) return;
      fetch(box.dataset.poll, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
        .then(function (html) {
          // The fragment is rendered (and escaped) by the server.
          if (html !== null && html !== last) { box.innerHTML = html; last = html; scroll(); }
        })
        .catch(function () {});
    }, 2000);
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
})();
