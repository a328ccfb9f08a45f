/* stemcpd Review page: spaced retrieval from the quiz attempts kept in this browser.
 *
 * Scheduling is stemcpd.quiz.schedule's, run with the ts-fsrs library (served by the
 * site as _static/ts-fsrs.umd.js, window.FSRS): one FSRS card per (bank, question),
 * rebuilt by replaying the stored attempts in time order with the settings Python
 * wrote (_static/stemcpd-quiz-banks/index.json: the same FSRS-6 weights, retention,
 * maximum interval and learning steps as the Python fsrs package, fuzz off), the same
 * rating table (wrong -> Again; right -> Hard / Good / Easy by confidence) and the same
 * confident-error rule (next showing after half the interval). Due questions are
 * interleaved by bank as schedule.interleave does and shown with the quiz engine
 * (window.stemcpdQuiz.wireCard); each bank's questions are fetched only when one of
 * them is due. New answers are attempts in window.stemcpdStore, like any quiz answer.
 *
 * The scheduling half (window.stemcpdSchedule) has no page code, so tests run it in
 * Node against the Python scheduler.
 */
(function (root) {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;

  function timeOf(attempt) {
    var time = attempt && typeof attempt.answered_at === "string" ? Date.parse(attempt.answered_at) : NaN;
    return isFinite(time) ? time : null;
  }

  function ratingName(params, attempt) {
    if (!attempt.correct) return params.ratings.wrong;
    var confidence = typeof attempt.confidence === "string" ? attempt.confidence : "none";
    return params.ratings[confidence] || params.ratings.none;
  }

  function minutes(step) { return Number(String(step).replace(/m$/, "")); }

  /* Learning steps as the Python fsrs Scheduler takes them (fsrs 6.x, Scheduler.review_card):
   * Again -> the first step; Hard -> on the first step, 1.5 × it (one step) or halfway to
   * the second (5.5 min for 1 m, 10 m), on a later step the same step again; Good -> the
   * next step, or Review after the last; Easy -> Review. ts-fsrs's own strategy always
   * uses the first-step rule for Hard and rounds to whole minutes, so this one is given
   * to ts-fsrs instead (its documented LearningSteps extension point), and the exact,
   * possibly fractional, minutes are kept in `exact` for replay to set the due time. */
  function pythonLearningSteps(FSRS, exact) {
    return function (parameters, state, currentStep) {
      var relearning = state === FSRS.State.Relearning || state === FSRS.State.Review;
      var steps = (relearning ? parameters.relearning_steps : parameters.learning_steps).map(minutes);
      var result = {};
      exact.minutes = {};
      if (!steps.length) return result;
      var again = {scheduled_minutes: steps[0], next_step: 0};
      result[FSRS.Rating.Again] = again;
      exact.minutes[FSRS.Rating.Again] = steps[0];
      if (state === FSRS.State.Review) return result;
      var step = Math.max(0, currentStep || 0);
      if (step >= steps.length) return result;
      var hard = step === 0 ? (steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) : steps[step];
      result[FSRS.Rating.Hard] = {scheduled_minutes: hard, next_step: step};
      exact.minutes[FSRS.Rating.Hard] = hard;
      if (step + 1 < steps.length) {
        result[FSRS.Rating.Good] = {scheduled_minutes: steps[step + 1], next_step: step + 1};
        exact.minutes[FSRS.Rating.Good] = steps[step + 1];
      }
      return result;
    };
  }

  function scheduler(FSRS, params, exact) {
    var engine = FSRS.fsrs(FSRS.generatorParameters({
      w: params.w, request_retention: params.request_retention, maximum_interval: params.maximum_interval,
      enable_fuzz: params.enable_fuzz, enable_short_term: params.enable_short_term,
      learning_steps: params.learning_steps, relearning_steps: params.relearning_steps
    }));
    engine.useStrategy(FSRS.StrategyMode.LEARNING_STEPS, pythonLearningSteps(FSRS, exact));
    return engine;
  }

  /* stemcpd.quiz.schedule.replay: {key: {bank, question, module, card}} from the
   * attempts answered at or before `now` (milliseconds; null for all). */
  function replay(FSRS, params, attempts, now) {
    var exact = {minutes: {}};
    var engine = scheduler(FSRS, params, exact);
    var ordered = [];
    (attempts || []).forEach(function (attempt, index) {
      var time = timeOf(attempt);
      if (time === null || typeof attempt.bank_topic !== "string" || typeof attempt.question_id !== "string") return;
      if (now !== null && now !== undefined && time > now) return;
      ordered.push({attempt: attempt, index: index, time: time});
    });
    ordered.sort(function (a, b) { return (a.time - b.time) || (a.index - b.index); });
    var cards = {};
    ordered.forEach(function (item) {
      var attempt = item.attempt;
      var key = attempt.bank_topic + "\u0000" + attempt.question_id;
      var at = new Date(item.time);
      var card = cards[key] ? cards[key].card : FSRS.createEmptyCard(at);
      if (card.last_review) {
        // Python's fsrs counts whole 24-hour periods since the last review; ts-fsrs
        // counts UTC calendar-day boundaries. Handing ts-fsrs a last review at the same
        // time of day, that many whole days earlier, makes both count the same
        // (ts-fsrs reads last_review only for this interval).
        var wholeDays = Math.max(0, Math.floor((item.time - new Date(card.last_review).getTime()) / DAY));
        card = Object.assign({}, card, {last_review: new Date(item.time - wholeDays * DAY)});
      }
      var rating = FSRS.Rating[ratingName(params, attempt)];
      var next = engine.next(card, at, rating).card;
      var stepMinutes = exact.minutes[rating];
      if ((next.state === FSRS.State.Learning || next.state === FSRS.State.Relearning) && stepMinutes !== undefined) {
        next.due = new Date(item.time + stepMinutes * 60000);
      }
      if (!attempt.correct && attempt.confidence === "sure") {
        next.due = new Date(item.time + Math.round((next.due.getTime() - item.time) * params.confidentErrorIntervalFactor));
      }
      cards[key] = {bank: attempt.bank_topic, question: attempt.question_id, module: attempt.module, card: next};
    });
    return cards;
  }

  function entries(cards) {
    return Object.keys(cards).map(function (key) {
      var entry = cards[key];
      return {bank: entry.bank, question: entry.question, module: entry.module, due: entry.card.due.getTime()};
    });
  }

  function byDue(a, b) {
    return (a.due - b.due) || (a.bank < b.bank ? -1 : a.bank > b.bank ? 1 : 0) ||
      (a.question < b.question ? -1 : a.question > b.question ? 1 : 0);
  }

  // RetrievalSchedule.due and next_due.
  function due(cards, now) { return entries(cards).filter(function (e) { return e.due <= now; }).sort(byDue); }
  function upcoming(cards) { return entries(cards).sort(byDue); }

  // A small seeded generator for tie-breaking (schedule.interleave uses Python's own).
  function generator(seed) {
    var state = (seed >>> 0) || 1;
    return function () {
      state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
      return state / 4294967296;
    };
  }

  /* stemcpd.quiz.schedule.interleave: up to `size` items chosen round-robin by bank
   * (each bank's most overdue first, banks with the most overdue item first), then
   * ordered so no bank comes twice in a row whenever the mix allows it. */
  function interleave(items, size, seed) {
    var random = generator(seed || 0);
    var byBank = {};
    items.forEach(function (item) { (byBank[item.bank] = byBank[item.bank] || []).push(item); });
    Object.keys(byBank).forEach(function (bank) {
      var queue = byBank[bank];
      for (var i = queue.length - 1; i > 0; i--) {
        var j = Math.floor(random() * (i + 1)); var swap = queue[i]; queue[i] = queue[j]; queue[j] = swap;
      }
      queue.sort(function (a, b) { return a.due - b.due; }); // stable: ties stay shuffled
    });
    var bankOrder = Object.keys(byBank).sort(function (a, b) {
      return (byBank[a][0].due - byBank[b][0].due) || (a < b ? -1 : a > b ? 1 : 0);
    });
    var chosen = {}, remaining = size, position = 0;
    bankOrder.forEach(function (bank) { chosen[bank] = []; });
    while (remaining > 0 && bankOrder.some(function (bank) { return position < byBank[bank].length; })) {
      bankOrder.forEach(function (bank) {
        if (remaining > 0 && position < byBank[bank].length) { chosen[bank].push(byBank[bank][position]); remaining -= 1; }
      });
      position += 1;
    }
    var tieBreaker = {};
    Object.keys(chosen).forEach(function (bank) { tieBreaker[bank] = random(); });
    var ordered = [], previous = null;
    var left = function () { return Object.keys(chosen).some(function (bank) { return chosen[bank].length; }); };
    while (left()) {
      var candidates = Object.keys(chosen).filter(function (bank) { return chosen[bank].length && bank !== previous; });
      if (!candidates.length) candidates = [previous];
      candidates.sort(function (a, b) {
        return (chosen[b].length - chosen[a].length) || (tieBreaker[b] - tieBreaker[a]);
      });
      ordered.push(chosen[candidates[0]].shift());
      previous = candidates[0];
    }
    return ordered;
  }

  var api = {replay: replay, due: due, upcoming: upcoming, interleave: interleave};
  root.stemcpdSchedule = api;
  if (typeof module === "object" && module.exports) module.exports = api;

  if (typeof document === "undefined") return;

  // ---------------------------------------------------------------- the page
  var bankCache = {};

  function staticRoot() {
    var script = document.querySelector("script[src*='stemcpd-review.js']");
    return script ? script.src.replace(/stemcpd-review\.js(\?.*)?$/, "") : "_static/";
  }

  function fetchJson(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function bank(topic, index) {
    if (index.banks.indexOf(topic) < 0) return Promise.resolve(null);
    if (!bankCache[topic]) {
      bankCache[topic] = fetchJson(staticRoot() + "stemcpd-quiz-banks/" + encodeURIComponent(topic) + ".json")
        .catch(function () { delete bankCache[topic]; return null; });
    }
    return bankCache[topic];
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function dayText(time, now) {
    var date = new Date(time);
    var days = Math.round((new Date(date).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86400000);
    var clock = date.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
    if (days <= 0) return "today at " + clock;
    if (days === 1) return "tomorrow at " + clock;
    return date.toLocaleDateString([], {weekday: "long", day: "numeric", month: "long", year: "numeric"}) +
      " (in " + days + " days)";
  }

  function renderSummary(container, cards, now) {
    var all = upcoming(cards);
    var modules = {};
    all.forEach(function (entry) { modules[entry.module || entry.bank] = true; });
    container.textContent = "";
    var paragraph = element("p");
    if (!all.length) {
      paragraph.textContent = "No quiz questions are tracked yet: answer the quiz on any module page and its " +
        "questions come back here when they are due. ";
    } else {
      var dueNow = all.filter(function (entry) { return entry.due <= now; }).length;
      paragraph.textContent = all.length + " question" + (all.length === 1 ? "" : "s") + " tracked from " +
        Object.keys(modules).length + " module" + (Object.keys(modules).length === 1 ? "" : "s") + "; " +
        dueNow + " due now. ";
    }
    var link = element("a", "My CPD record");
    var rootAttribute = document.documentElement.getAttribute("data-content_root");
    link.href = (rootAttribute === null ? "" : rootAttribute) + "book/my-record.html";
    paragraph.appendChild(document.createTextNode("Your answers, results and the misconceptions they showed are in "));
    paragraph.appendChild(link);
    paragraph.appendChild(document.createTextNode(", where you can print or export them."));
    container.appendChild(paragraph);
  }

  function selfRatedCard(cardElement, bankData, entry, onDone) {
    // Questions the browser cannot mark (ordering, short text, changing values):
    // retrieve, open "Show answer", then say honestly whether it was remembered.
    var row = element("p", null, "stemcpd-review-self-rate");
    [["I remembered it", true], ["I did not remember it", false]].forEach(function (choice) {
      var button = element("button", choice[0]);
      button.type = "button";
      button.addEventListener("click", function () {
        var attempt = null;
        try {
          attempt = window.stemcpdStore.addAttempt({module: entry.module || bankData.topic, bank_topic: bankData.topic,
            question_id: entry.question, response: "(self-rated on the Review page)", correct: choice[1],
            score: choice[1] ? 1 : 0, misconception: null, confidence: null});
        } catch (error) { attempt = null; }
        row.textContent = choice[1] ? "Recorded: remembered." : "Recorded: not yet remembered; it comes back soon.";
        onDone(attempt);
      });
      row.appendChild(button);
      row.appendChild(document.createTextNode(" "));
    });
    cardElement.insertBefore(row, cardElement.querySelector("details"));
  }

  function start(page) {
    var status = page.querySelector(".stemcpd-review-status");
    var summary = page.querySelector(".stemcpd-review-summary");
    var list = page.querySelector(".stemcpd-review-questions");
    var again = page.querySelector(".stemcpd-review-again");
    if (!window.stemcpdStore || !window.FSRS || !window.stemcpdQuiz) {
      status.textContent = "The Review page could not start: a script it needs did not load. Reload the page.";
      return;
    }
    var indexPromise = fetchJson(staticRoot() + "stemcpd-quiz-banks/index.json");

    function show() {
      indexPromise.then(function (index) {
        var now = Date.now();
        var cards = replay(window.FSRS, index.schedule, window.stemcpdStore.attempts(), now);
        renderSummary(summary, cards, now);
        var session = interleave(due(cards, now), index.schedule.sessionSize, Math.floor(now / 86400000));
        list.textContent = "";
        again.hidden = true;
        if (!session.length) {
          var next = upcoming(cards)[0];
          status.textContent = next ? "Nothing is due now. Your next review is due " + dayText(next.due, now) + "."
            : "Nothing to review yet.";
          return;
        }
        status.textContent = "Loading " + session.length + " question" + (session.length === 1 ? "" : "s") + "…";
        return Promise.all(session.map(function (entry) { return bank(entry.bank, index); })).then(function (banks) {
          var shown = 0, answered = 0;
          session.forEach(function (entry, position) {
            var bankFile = banks[position];
            var html = bankFile && bankFile.cards[entry.question];
            if (!html) return;
            shown += 1;
            var holder = element("section", null, "stemcpd-quiz stemcpd-review-item");
            holder.setAttribute("aria-label", "Question " + shown + ", from " + bankFile.title);
            var from = element("p", "From: " + bankFile.title, "stemcpd-review-from");
            holder.appendChild(from);
            var template = document.createElement("template");
            template.innerHTML = html; // built and sanitised in Python (stemcpd.quiz.static), served by this site
            var cardElement = template.content.firstElementChild;
            holder.appendChild(cardElement);
            var number = cardElement.querySelector(".stemcpd-quiz-prompt strong");
            if (number) number.textContent = "Q" + shown + ".";
            var hidden = cardElement.querySelector(".stemcpd-quiz-visually-hidden");
            if (hidden) hidden.textContent = "to question " + shown;
            list.appendChild(holder);
            var done = function () { answered += 1; if (answered >= 1) again.hidden = false; };
            var question = null;
            bankFile.data.questions.forEach(function (q) { if (q.id === entry.question) question = q; });
            if (question && question.kind !== "reveal") {
              var wired = window.stemcpdQuiz.wireCard(cardElement, bankFile.data, {
                module: entry.module || bankFile.topic, restore: null,
                onChecked: function (verdict, attempt) { if (attempt) done(); }
              });
              if (!wired) selfRatedCard(cardElement, bankFile.data, entry, done);
            } else {
              selfRatedCard(cardElement, bankFile.data, entry, done);
            }
          });
          status.textContent = shown ? shown + " question" + (shown === 1 ? " is" : "s are") + " due now, mixed across topics. " +
            "Answer from memory first, then check." : "The questions due are no longer in the course.";
        });
      }).catch(function (error) {
        status.textContent = "The Review page could not load its questions (" + error.message + "). Reload the page.";
      });
    }
    again.addEventListener("click", show);
    show();
  }

  function ready() { document.querySelectorAll(".stemcpd-review").forEach(start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})(typeof window !== "undefined" ? window : globalThis);
