/* stemcpd browser store: a teacher's course state, kept in this browser only.
 *
 * The same shape as the Python store (stemcpd/cpd/store.py), so the record the site
 * exports is the record `stemcpd record export --json` writes:
 *   attempts: [{module, bank_topic, question_id, response, correct, score,
 *               misconception, confidence, answered_at}]   every answer, oldest first
 *   entries:  [{module, kind, field, text, saved_at}]      the latest text of each
 *             (module, kind, field); kind is action_plan, reflection or impact_record
 * Other course state (the needs-analysis route, page visits) is kept by name with
 * get/set. Nothing leaves the browser unless the teacher exports it. When storage is
 * unavailable (private mode, quota, blocked), everything still works for the visit and
 * `available` is false so pages can say so.
 */
(function () {
  "use strict";
  if (window.stemcpdStore) return;
  var PREFIX = "stemcpd:v1:";
  var memory = {};
  var listeners = [];
  var available = (function () {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) { return false; }
  })();

  function read(name, fallback) {
    var text = null;
    if (available) {
      try { text = window.localStorage.getItem(PREFIX + name); } catch (error) { text = null; }
    } else if (Object.prototype.hasOwnProperty.call(memory, name)) {
      text = memory[name];
    }
    if (text === null || text === undefined) return fallback;
    try { return JSON.parse(text); } catch (error) { return fallback; }
  }

  // Returns true when the value was kept for later visits too.
  function write(name, value) {
    var text = JSON.stringify(value);
    memory[name] = text;
    var kept = false;
    if (available) {
      try { window.localStorage.setItem(PREFIX + name, text); kept = true; } catch (error) { kept = false; }
    }
    listeners.forEach(function (listener) { try { listener(name); } catch (error) { /* a page's bug */ } });
    return kept;
  }

  function now() { return new Date().toISOString(); }
  function isText(value) { return typeof value === "string"; }

  function attempts() { var list = read("attempts", []); return Array.isArray(list) ? list : []; }
  function entries() { var list = read("entries", []); return Array.isArray(list) ? list : []; }

  function addAttempt(attempt) {
    if (!attempt || !isText(attempt.module) || !isText(attempt.bank_topic) || !isText(attempt.question_id)) {
      throw new Error("an attempt needs module, bank_topic and question_id");
    }
    var clean = {
      module: attempt.module, bank_topic: attempt.bank_topic, question_id: attempt.question_id,
      response: isText(attempt.response) ? attempt.response : JSON.stringify(attempt.response === undefined ? null : attempt.response),
      correct: attempt.correct === true,
      score: typeof attempt.score === "number" && isFinite(attempt.score) ? Math.min(1, Math.max(0, attempt.score)) : (attempt.correct === true ? 1 : 0),
      misconception: isText(attempt.misconception) ? attempt.misconception : null,
      confidence: isText(attempt.confidence) ? attempt.confidence : null,
      answered_at: isText(attempt.answered_at) ? attempt.answered_at : now()
    };
    var list = attempts();
    list.push(clean);
    clean.kept = write("attempts", list);
    return clean;
  }

  function saveEntry(entry) {
    if (!entry || !isText(entry.module) || !isText(entry.kind) || !isText(entry.field) || !isText(entry.text)) {
      throw new Error("an entry needs module, kind, field and text");
    }
    var clean = {module: entry.module, kind: entry.kind, field: entry.field, text: entry.text,
                 saved_at: isText(entry.saved_at) ? entry.saved_at : now()};
    var list = entries().filter(function (e) {
      return !(e.module === clean.module && e.kind === clean.kind && e.field === clean.field);
    });
    list.push(clean);
    var kept = write("entries", list);
    return {entry: clean, kept: kept};
  }

  function latestEntries(module, kind) {
    var texts = {};
    entries().forEach(function (e) { if (e.module === module && e.kind === kind) texts[e.field] = e.text; });
    return texts;
  }

  window.stemcpdStore = {
    available: available,
    attempts: attempts,
    addAttempt: addAttempt,
    entries: entries,
    saveEntry: saveEntry,
    latestEntries: latestEntries,
    get: function (name, fallback) { return read(name, fallback === undefined ? null : fallback); },
    set: function (name, value) { return write(name, value); },
    replaceAll: function (newAttempts, newEntries) { write("attempts", newAttempts); write("entries", newEntries); },
    onChange: function (listener) { listeners.push(listener); },
    clear: function () {
      Object.keys(memory).forEach(function (name) { delete memory[name]; });
      if (available) {
        try {
          Object.keys(window.localStorage).filter(function (k) { return k.indexOf(PREFIX) === 0; })
            .forEach(function (k) { window.localStorage.removeItem(k); });
        } catch (error) { /* nothing kept to clear */ }
      }
      listeners.forEach(function (listener) { try { listener(null); } catch (error) { /* ignore */ } });
    }
  };
})();
