/* stemcpd static quiz engine: served by the course site as _static/stemcpd-quiz.js on
 * pages with a quiz (stemcpd/site/quiz.py), or inlined in a standalone fragment
 * (stemcpd/quiz/static.py, to_html(inline=True)).
 *
 * Marks multiple-choice, multiple-select and numeric questions in the browser from
 * the data Python wrote into the fragment's JSON data script (class stemcpd-quiz-data).
 * No marking rule is invented here: choices carry their correctness and feedback, and
 * numeric answers follow NumericQuestion.mark (stemcpd/quiz/questions.py) with units
 * looked up in a table pint computed. Learner text only ever reaches the page as
 * textContent; the HTML inserted was sanitised in Python. Defined once per page
 * (window.stemcpdQuiz) however many fragments include it; each fragment is wired once.
 * Every check is an attempt in window.stemcpdStore (the course's one browser record,
 * stemcpd/site/static/stemcpd-store.js), and the latest one is shown again on return.
 */
(function () {
  "use strict";
  if (!window.stemcpdQuiz) {
    window.stemcpdQuiz = (function () {
      var OLD_PREFIX = "stemcpd-quiz:";
      var SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                          "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"};
      // Applied after NFKC, in this order, as in stemcpd.quiz.units._REPLACEMENTS.
      var REPLACEMENTS = [["−", "-"], ["–", "-"], ["‐", "-"], ["μ", "u"], ["Ω", "ohm"],
                          ["°C", "degC"], ["°F", "degF"], ["°", "degree"], ["**", "^"]];
      var NUMBER = /^\s*([+-])?\s*(\d+(?:\.\d*)?|\.\d+)(?:\s*[eE]\s*([+-]?\d+)|\s*[xX×*·⋅]\s*10\s*\^\s*([+-]?\d+))?([\s\S]*)$/;
      var DECIMAL_COMMA = /^\s*[+-]?\d+,\d/;
      var UNIT_TOKENS = /^(?:\s*(?:[A-Za-z]+(?![A-Za-z])|\^-?\d{1,2}(?![\d^])|[*/()]|1(?=\s*\/)))*\s*$/;
      var MAX_POWER_OF_TEN_SLIP = 6;

      function ParseError(message) { this.message = message; }

      function collapse(text) { return text.split(/\s+/).filter(Boolean).join(" "); }
      function codePoints(text) { return Array.from(text).length; }
      function printable(text) { return text.replace(/[\p{C}\p{M}]/gu, ""); }

      function normalise(text) {
        text = text.replace(/[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, function (run) {
          return "^" + Array.from(run).map(function (c) { return SUPERSCRIPTS[c]; }).join("");
        });
        text = text.normalize("NFKC");
        REPLACEMENTS.forEach(function (pair) { text = text.split(pair[0]).join(pair[1]); });
        return collapse(text);
      }

      function normaliseUnit(unit) {
        unit = unit.replace(/[·⋅×]/g, " ");
        unit = unit.replace(/\bper\b/g, "/");
        unit = unit.replace(/(?<=[A-Za-z])(-?\d)/g, "^$1");
        unit = collapse(unit);
        if (unit.charAt(0) === "/") unit = "1" + unit;
        return unit;
      }

      // stemcpd.quiz.static.unit_key: drop the spaces pint ignores.
      function unitKey(unit) {
        return unit.replace(/\s*([/*()])\s*/g, "$1").replace(/\s+\^/g, "^").trim();
      }

      function lookUpUnit(data, unit) {
        var key = unitKey(unit);
        if (Object.prototype.hasOwnProperty.call(data.units, key)) return data.units[key];
        var shown = printable(unit.slice(0, data.maxUnit));
        if (codePoints(unit) > data.maxUnit || !UNIT_TOKENS.test(unit)) {
          throw new ParseError("I couldn't read the unit '" + shown + "'. Use unit symbols such as m, s, kg, N, m/s² or m s⁻² (typed m/s^2 or m s^-2).");
        }
        if (unit.split("(").length !== unit.split(")").length) {
          throw new ParseError("The brackets in the unit '" + unit + "' don't match.");
        }
        throw new ParseError("I don't recognise the unit '" + unit + "'. Use unit symbols such as m, s, kg, N or m/s² (units are case-sensitive).");
      }

      function significantFigures(mantissa) {
        var digits = mantissa.replace(".", "").replace(/^0+/, "");
        if (!digits) return [1, 0];
        if (mantissa.indexOf(".") >= 0) return [digits.length, 0];
        var trimmed = digits.replace(/0+$/, "");
        return [trimmed.length, digits.length - trimmed.length];
      }

      // stemcpd.quiz.units.parse_response
      function parseResponse(data, text) {
        if (typeof text !== "string" || !text.trim()) throw new ParseError("Type a number and its unit.");
        if (codePoints(text) > data.maxResponse) {
          throw new ParseError("That answer is too long (" + codePoints(text) + " characters); type just a number and its unit.");
        }
        text = normalise(text);
        if (codePoints(text) > data.maxResponse) throw new ParseError("Type just a number and its unit.");
        if (DECIMAL_COMMA.test(text)) {
          throw new ParseError("Use a decimal point, not a comma: write 9.81, not 9,81 (and leave out thousands separators).");
        }
        var match = NUMBER.exec(text);
        if (!match) throw new ParseError("Start your answer with a number.");
        var exponent = match[3] || match[4] || "0";
        var value = Number((match[1] || "") + match[2] + "e" + exponent);
        if (!isFinite(value)) throw new ParseError("That number is too large to be a measurement; check the power of ten.");
        var unit = normaliseUnit(match[5]);
        var entry = lookUpUnit(data, unit);
        var figures = significantFigures(match[2]);
        return {value: value, unit: unit, entry: entry, sigFigs: figures[0], ambiguousZeros: figures[1]};
      }

      // Python's format(x, "g") and format(x, ".4g").
      function formatG(x, precision) {
        precision = precision || 6;
        if (x === 0) return Object.is(x, -0) ? "-0" : "0";
        if (!isFinite(x)) return isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
        var exponential = x.toExponential(precision - 1);
        var exponent = Number(exponential.split("e")[1]);
        var strip = function (s) { return s.indexOf(".") >= 0 ? s.replace(/0+$/, "").replace(/\.$/, "") : s; };
        if (exponent < -4 || exponent >= precision) {
          var parts = exponential.split("e");
          var power = Number(parts[1]);
          return strip(parts[0]) + "e" + (power < 0 ? "-" : "+") + String(Math.abs(power)).padStart(2, "0");
        }
        return strip(x.toFixed(Math.max(0, precision - 1 - exponent)));
      }

      function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

      function result(correct, score, message, misconception) {
        return {correct: correct, score: score, message: message, misconception: misconception || null};
      }

      // NumericQuestion.mark, rule for rule.
      function markNumeric(data, question, response) {
        var parsed;
        try {
          parsed = parseResponse(data, response);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          return result(false, 0, error.message + ' Answer in the form "number unit", e.g. ' + question.example + ".");
        }
        var unitMissing = parsed.unit === "" && !question.dimensionless;
        var value = parsed.value;
        if (!unitMissing) {
          if (parsed.entry[0] !== question.dimension) {
            var message = parsed.entry[3] + data.dimensions[parsed.entry[0]][0] + "; the answer is " + question.phrase +
              ", e.g. in " + question.unitShown + ".";
            if (parsed.unit.indexOf("ms") === 0) message += " (ms means milliseconds; for metres per second write m/s or m s⁻¹.)";
            return result(false, 0, message, data.misconceptions.wrongDimension);
          }
          value = parsed.value * (parsed.entry[1] / question.si[0]) + (parsed.entry[2] - question.si[1]) / question.si[0];
        }
        var within = function (v) { return Math.abs(v - question.answer) <= question.allowed * (1 + 1e-12); };
        if (within(value)) return markRightValue(question, parsed, value, unitMissing);
        var reminder = unitMissing ? " Remember to include the unit." : "";
        var wrong = (question.wrongAnswers || []).filter(function (w) {
          return Math.abs(value - w.value) <= w.allowed * (1 + 1e-12);
        })[0];
        if (wrong) return result(false, 0, wrong.feedback + reminder, wrong.misconception);
        var power = powerOfTenSlip(question, value, within);
        if (power !== null) {
          return result(false, 0, "Your digits look right but the value is " + thousands(Math.pow(10, Math.abs(power))) +
            " times too " + (power > 0 ? "big" : "small") + ". Check the unit prefixes (cm or m, ms or s) and any powers of ten." +
            reminder, data.misconceptions.powerOfTen);
        }
        return result(false, 0, "That value is too " + (value > question.answer ? "high" : "low") +
          ". Check your working and try again." + reminder);
      }

      function powerOfTenSlip(question, value, within) {
        var answer = question.answer;
        if (value === 0 || answer === 0 || (value > 0) !== (answer > 0)) return null;
        var power = Math.round(Math.log10(value / answer));
        if (power === 0 || Math.abs(power) > MAX_POWER_OF_TEN_SLIP) return null;
        return within(value / Math.pow(10, power)) ? power : null;
      }

      function markRightValue(question, parsed, value, unitMissing) {
        var expected = question.sigFigs;
        var sigFigsRight = expected === null || expected === undefined ||
          (parsed.sigFigs <= expected && expected <= parsed.sigFigs + parsed.ambiguousZeros);
        var hint = sigFigsRight ? "" : " Give it to " + expected + " significant figures.";
        if (unitMissing) {
          return result(false, 0.5, "The number is right, but the unit is missing: a value without a unit isn't a " +
            "measurement. Include it, e.g. " + question.example + "." + hint);
        }
        if (!sigFigsRight) {
          return result(false, 0.75, "The value is right, but " + expected + " significant figures were expected (you gave " +
            parsed.sigFigs + "). The model answer is " + question.modelAnswer + ".");
        }
        var converted = parsed.unit === question.unit ? "" : " = " + formatG(value, 4) + " " + question.unitShown;
        return result(true, 1, formatG(parsed.value) + " " + parsed.entry[3] + converted + " matches the model answer, " +
          question.modelAnswer + ".");
      }

      // MultipleChoiceQuestion.mark: the option's own feedback (HTML from the bank).
      function markChoice(question, chosen) {
        if (chosen === null || chosen === undefined) {
          return result(false, 0, "No option was chosen. Pick one of the options.");
        }
        var option = question.options[chosen];
        if (!option) return result(false, 0, "That option wasn't recognised. Pick one of the options.");
        var credit = option.correct ? 1 : (option.credit || 0);
        var verdict = result(option.correct, credit, option.correct ? "That's the right option." :
          (credit > 0 ? "That option is partly right." : "That's not the right option."),
          option.correct ? null : option.misconception && option.misconception.id);
        if (option.feedback) { verdict.message = ""; verdict.lines = [{html: option.feedback}]; }
        verdict.notes = option.correct || !option.misconception ? [] : [option.misconception];
        return verdict;
      }

      // MultipleSelectQuestion.mark
      function markSelect(question, chosenList) {
        var chosen = {};
        (chosenList || []).forEach(function (index) { if (question.options[index]) chosen[index] = true; });
        var indexes = Object.keys(chosen).map(Number);
        if (!indexes.length) return result(false, 0, "No options were ticked. Tick every option you think is right.");
        var right = question.options.filter(function (o) { return o.correct; }).map(function (o) { return o.index; });
        var rightChosen = right.filter(function (i) { return chosen[i]; });
        var wrongChosen = indexes.filter(function (i) { return !question.options[i].correct; }).sort(function (a, b) { return a - b; });
        var missed = right.filter(function (i) { return !chosen[i]; });
        var plural = right.length > 1 ? "s" : "";
        var lines = [];
        if (!wrongChosen.length && !missed.length) {
          lines.push({text: "All " + right.length + " right option" + plural + " ticked, and nothing else."});
          right.forEach(function (i) { if (question.options[i].feedback) lines.push({html: question.options[i].feedback}); });
          var allRight = result(true, 1, "");
          allRight.lines = lines; allRight.notes = [];
          return allRight;
        }
        var score = Math.min(1, Math.max(0, (rightChosen.length - wrongChosen.length) / right.length));
        lines.push({text: rightChosen.length + " of " + right.length + " right option" + plural + " ticked."});
        wrongChosen.forEach(function (i) {
          lines.push({text: "You ticked " + question.options[i].quoted + ", which is not right. ", html: question.options[i].feedback});
        });
        missed.forEach(function (i) {
          lines.push({text: "You missed " + question.options[i].quoted + ", which is right. ", html: question.options[i].feedback});
        });
        var first = wrongChosen.length ? question.options[wrongChosen[0]].misconception : null;
        var partly = result(false, score, "", first && first.id);
        partly.lines = lines;
        partly.notes = wrongChosen.map(function (i) { return question.options[i].misconception; }).filter(Boolean);
        return partly;
      }

      function mark(data, question, response) {
        if (question.kind === "choice") return markChoice(question, response);
        if (question.kind === "select") return markSelect(question, response);
        if (question.kind === "numeric") return markNumeric(data, question, response);
        return null;
      }

      // Answers kept before the record existed: "stemcpd-quiz:<topic>:<id>" -> {response, correct, score}.
      function oldKey(data, question) { return OLD_PREFIX + data.topic + ":" + question.id; }
      function takeOldAnswer(data, question) {
        try {
          var key = oldKey(data, question);
          var text = window.localStorage.getItem(key);
          if (text === null) return null;
          window.localStorage.removeItem(key);
          var saved = JSON.parse(text);
          return saved && Object.prototype.hasOwnProperty.call(saved, "response") ? saved : null;
        } catch (error) { return null; }
      }

      function store() { return window.stemcpdStore || null; }

      // The record keeps a response as the Python store does: text as typed, anything
      // else (an option index, a list of them) as JSON.
      function responseText(response) { return typeof response === "string" ? response : JSON.stringify(response); }
      function responseValue(question, text) {
        if (question.kind === "numeric") return typeof text === "string" ? text : "";
        try { return JSON.parse(text); } catch (error) { return null; }
      }

      // "Clear my answers from this page" hides earlier answers without deleting the
      // record: the page shows only answers given after the time kept here.
      function clearedAt(module, topic) {
        var kept = store() ? store().get("quiz-cleared", {}) : {};
        return (kept && typeof kept[module + "/" + topic] === "string") ? kept[module + "/" + topic] : "";
      }

      function latestAttempts(module, topic) {
        var latest = {};
        if (!store()) return latest;
        var since = clearedAt(module, topic);
        store().attempts().forEach(function (attempt) {
          if (attempt && attempt.module === module && attempt.bank_topic === topic && !(since && attempt.answered_at <= since)) {
            latest[attempt.question_id] = attempt;
          }
        });
        return latest;
      }

      function textParagraph(text, className) {
        var paragraph = document.createElement("p");
        if (className) paragraph.className = className;
        paragraph.textContent = text;
        return paragraph;
      }

      function showFeedback(area, verdict) {
        area.textContent = "";
        area.classList.remove("stemcpd-quiz-correct", "stemcpd-quiz-partly", "stemcpd-quiz-wrong");
        if (!verdict) return;
        var word = verdict.correct ? "Correct" : (verdict.score > 0 ? "Partly right" : "Not yet");
        area.classList.add(verdict.correct ? "stemcpd-quiz-correct" : (verdict.score > 0 ? "stemcpd-quiz-partly" : "stemcpd-quiz-wrong"));
        var head = document.createElement("p");
        var symbol = document.createElement("span");
        symbol.setAttribute("aria-hidden", "true");
        symbol.textContent = verdict.correct ? "✓ " : "✗ ";
        var strong = document.createElement("strong");
        strong.textContent = word;
        head.appendChild(symbol); head.appendChild(strong);
        head.appendChild(document.createTextNode(verdict.message ? ": " + verdict.message : ":"));
        area.appendChild(head);
        (verdict.lines || []).forEach(function (line) {
          var paragraph = document.createElement("p");
          if (line.text) paragraph.appendChild(document.createTextNode(line.text));
          if (line.html) {
            var span = document.createElement("span");
            span.innerHTML = line.html; // sanitised in Python (stemcpd.quiz.markup)
            paragraph.appendChild(span);
          }
          area.appendChild(paragraph);
        });
        (verdict.notes || []).forEach(function (note) {
          var paragraph = document.createElement("p");
          paragraph.className = "stemcpd-quiz-misconception";
          var label = document.createElement("strong");
          label.textContent = "Misconception: " + (note.name || note.id);
          paragraph.appendChild(label);
          if (note.description) paragraph.appendChild(document.createTextNode(". " + note.description));
          area.appendChild(paragraph);
        });
        if (verdict.hypercorrection) area.appendChild(textParagraph(verdict.hypercorrection, "stemcpd-quiz-hypercorrection"));
        if (window.MathJax && typeof window.MathJax.typesetPromise === "function") {
          window.MathJax.typesetPromise([area]).catch(function () {});
        }
      }

      // stemcpd.quiz.feedback.apply_confidence: a confident error gets the hypercorrection note.
      function withConfidence(data, verdict, confidence) {
        if (verdict && confidence === "sure" && !verdict.correct) verdict.hypercorrection = data.hypercorrection;
        return verdict;
      }

      /* Wire one question card.
       *   card: a .stemcpd-quiz-question element (HTML made by stemcpd.quiz.static);
       *   data: its bank's data (stemcpd.quiz.static.bank_data);
       *   options: {module, restore (the latest stored attempt to show, or null),
       *             onChecked(verdict, attempt)}.
       * Returns {clear(), verdict()} or null for a question marked in Python only. */
      function wireCard(card, data, options) {
        options = options || {};
        var question = null;
        data.questions.forEach(function (q) { if (q.id === card.getAttribute("data-question-id")) question = q; });
        if (!question || question.kind === "reveal" || card.getAttribute("data-stemcpd-ready") === "true") return null;
        card.setAttribute("data-stemcpd-ready", "true");
        var module = options.module || data.module || data.topic;
        var confidenceInputs = Array.prototype.slice.call(card.querySelectorAll("input.stemcpd-quiz-confidence-choice"));
        var inputs = Array.prototype.slice.call(card.querySelectorAll("input")).filter(function (i) {
          return confidenceInputs.indexOf(i) < 0;
        });
        var button = card.querySelector(".stemcpd-quiz-check");
        var area = card.querySelector(".stemcpd-quiz-feedback");
        var latest = null;
        inputs.concat(confidenceInputs).forEach(function (input) { input.disabled = false; });
        button.disabled = false;

        function response() {
          if (question.kind === "numeric") return inputs[0].value;
          var ticked = inputs.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
          if (question.kind === "choice") return ticked.length ? ticked[0] : null;
          return ticked.sort(function (a, b) { return a - b; });
        }
        function confidence() {
          var chosen = confidenceInputs.filter(function (i) { return i.checked; });
          return chosen.length ? chosen[0].value : null;
        }
        function fill(saved, savedConfidence) {
          if (question.kind === "numeric") { inputs[0].value = typeof saved === "string" ? saved : ""; }
          else {
            var chosen = question.kind === "choice" ? [saved] : (Array.isArray(saved) ? saved : []);
            inputs.forEach(function (i) { i.checked = chosen.indexOf(Number(i.value)) >= 0; });
          }
          confidenceInputs.forEach(function (i) { i.checked = i.value === savedConfidence; });
        }
        function check(save) {
          var given = response();
          var sure = confidence();
          var verdict = withConfidence(data, mark(data, question, given), sure);
          latest = verdict;
          showFeedback(area, verdict);
          var attempt = null;
          if (save && store()) {
            try {
              attempt = store().addAttempt({
                module: module, bank_topic: data.topic, question_id: question.id, response: responseText(given),
                correct: verdict.correct, score: verdict.score, misconception: verdict.misconception, confidence: sure
              });
            } catch (error) { attempt = null; /* a full or blocked store: the answer is still marked */ }
          }
          if (options.onChecked) options.onChecked(verdict, attempt);
          if (save) {
            card.dispatchEvent(new CustomEvent("stemcpd-quiz-attempt", {
              bubbles: true, detail: {module: module, topic: data.topic, questionId: question.id, verdict: verdict, attempt: attempt}
            }));
          }
          return verdict;
        }
        button.addEventListener("click", function () { check(true); });
        if (question.kind === "numeric") {
          inputs[0].addEventListener("keydown", function (event) {
            if (event.key === "Enter") { event.preventDefault(); check(true); }
          });
        }
        if (options.restore) {
          fill(responseValue(question, options.restore.response), options.restore.confidence);
          check(false);
        }
        return {
          clear: function () { fill(null, null); showFeedback(area, null); latest = null; },
          verdict: function () { return latest; }
        };
      }

      function wire(section) {
        if (section.getAttribute("data-stemcpd-ready") === "true") return;
        var dataScript = section.querySelector("script.stemcpd-quiz-data");
        if (!dataScript) return;
        var data = JSON.parse(dataScript.textContent);
        section.setAttribute("data-stemcpd-ready", "true");
        var module = section.getAttribute("data-module") || data.module || data.topic;
        var summary = section.querySelector(".stemcpd-quiz-summary");
        var cards = [];

        // One-time move of answers kept under the old keys into the record.
        data.questions.forEach(function (question) {
          if (question.kind === "reveal") return;
          var old = takeOldAnswer(data, question);
          if (!old || !store()) return;
          var stored = latestAttempts(module, data.topic);
          if (stored[question.id]) return;
          var verdict = mark(data, question, old.response);
          try {
            store().addAttempt({module: module, bank_topic: data.topic, question_id: question.id,
                                response: responseText(old.response), correct: verdict.correct, score: verdict.score,
                                misconception: verdict.misconception, confidence: null});
          } catch (error) { /* storage full: the old answer is dropped, the quiz still works */ }
        });

        function updateSummary() {
          if (!summary) return;
          var marked = Number(summary.getAttribute("data-markable"));
          var right = cards.filter(function (c) { var v = c.verdict(); return v && v.correct; }).length;
          var text = right + " of " + marked + " checkable questions correct so far.";
          // Only a real change is written, so the live region speaks once per check.
          if (summary.textContent !== text) summary.textContent = text;
        }

        var restored = latestAttempts(module, data.topic);
        section.querySelectorAll(".stemcpd-quiz-question").forEach(function (card) {
          var wired = wireCard(card, data, {
            module: module,
            restore: restored[card.getAttribute("data-question-id")] || null,
            onChecked: function () { updateSummary(); }
          });
          if (wired) cards.push(wired);
        });

        var clear = section.querySelector(".stemcpd-quiz-clear");
        if (clear) {
          clear.disabled = false;
          clear.addEventListener("click", function () {
            cards.forEach(function (card) { card.clear(); });
            if (store()) {
              var kept = store().get("quiz-cleared", {}) || {};
              kept[module + "/" + data.topic] = new Date().toISOString();
              store().set("quiz-cleared", kept);
            }
            updateSummary();
          });
        }
        updateSummary();
      }

      // ---- Needs analysis: the route from the diagnostic answers in the record. ----
      // Applies stemcpd.quiz.diagnostic.browser_data(): assess() and ModuleNeed.reason,
      // step for step (tests compare the result with Python's route() for the same answers).
      function defaultName(id) { var words = id.split("-").join(" "); return words.charAt(0).toUpperCase() + words.slice(1); }
      function diagnosticQuestions(count) { return count + " diagnostic question" + (count === 1 ? "" : "s"); }

      function needsRoute(data, attempts) {
        var latest = {}, order = [];
        (attempts || []).forEach(function (attempt) {
          if (!attempt || attempt.bank_topic !== data.bank) return;
          if (!Object.prototype.hasOwnProperty.call(latest, attempt.question_id)) order.push(attempt.question_id);
          latest[attempt.question_id] = attempt;
        });
        var modules = data.modules.map(function (entry) { return entry.module; });
        var needs = {};
        modules.forEach(function (module) { needs[module] = {shortfalls: [], wrong: 0, misconceptions: []}; });
        order.forEach(function (questionId) {
          var module = data.questionModules[questionId];
          if (!module || !needs[module]) return;
          var attempt = latest[questionId], need = needs[module];
          var shortfall = 1 - Number(attempt.score);
          if (!attempt.correct) {
            need.wrong += 1;
            if (attempt.confidence === "sure") shortfall *= data.confidentErrorWeight;
            if (attempt.misconception && need.misconceptions.indexOf(attempt.misconception) < 0) need.misconceptions.push(attempt.misconception);
          }
          need.shortfalls.push(shortfall);
        });
        var ranked = data.modules.map(function (entry, index) {
          var need = needs[entry.module];
          var answered = need.shortfalls.length;
          var weakness = answered ? need.shortfalls.reduce(function (a, b) { return a + b; }, 0) / answered : null;
          var reason;
          if (answered === 0) reason = "Not covered by your answers yet: take its diagnostic question(s) to check.";
          else if (need.wrong === 0) reason = "You answered its " + diagnosticQuestions(answered) + " correctly: a refresher, or skip.";
          else {
            var names = need.misconceptions.map(function (id) { return data.misconceptionNames[id] || defaultName(id); });
            reason = need.wrong + " of " + diagnosticQuestions(answered) + " not right" +
              (names.length ? " (suggesting: " + names.join("; ") + ")" : "") + ".";
          }
          var group = weakness === null ? 1 : (weakness > 0 ? 0 : 2);
          return {group: group, weakness: weakness || 0, index: index,
                  step: {module: entry.module, title: entry.title, href: entry.href, reason: reason}};
        });
        ranked.sort(function (a, b) { return (a.group - b.group) || (b.weakness - a.weakness) || (a.index - b.index); });
        return {answered: order.filter(function (id) { return data.questionModules[id]; }).length,
                route: ranked.slice(0, data.count).map(function (item) { return item.step; })};
      }

      function siteRoot(section) {
        var root = document.documentElement.getAttribute("data-content_root");
        if (root === null) root = section.getAttribute("data-root") || "";
        return root;
      }

      function showRoute(section, result, saved) {
        result.textContent = "";
        var intro = document.createElement("p");
        var when = saved.answered_at ? new Date(saved.answered_at) : null;
        intro.textContent = "Start with these modules, in this order" +
          (when && !isNaN(when) ? " (worked out " + when.toLocaleString() + "; kept in My CPD record)" : "") + ":";
        result.appendChild(intro);
        var list = document.createElement("ol");
        list.className = "stemcpd-needs-route-list";
        saved.route.forEach(function (step) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = siteRoot(section) + step.href;
          link.textContent = step.title;
          item.appendChild(link);
          item.appendChild(document.createTextNode(": " + step.reason));
          list.appendChild(item);
        });
        result.appendChild(list);
      }

      function wireNeeds(section) {
        if (section.getAttribute("data-stemcpd-ready") === "true") return;
        var dataScript = section.querySelector("script.stemcpd-needs-data");
        var button = section.querySelector(".stemcpd-needs-route-button");
        var result = section.querySelector(".stemcpd-needs-route-result");
        if (!dataScript || !button || !result) return;
        section.setAttribute("data-stemcpd-ready", "true");
        var data = JSON.parse(dataScript.textContent);
        var saved = store() ? store().get("needs", null) : null;
        if (saved && Array.isArray(saved.route)) showRoute(section, result, saved);
        button.disabled = false;
        button.addEventListener("click", function () {
          var computed = needsRoute(data, store() ? store().attempts() : []);
          if (!computed.answered) {
            result.textContent = "";
            result.appendChild(textParagraph("Answer at least one of the questions above first, then press the button again."));
            return;
          }
          var kept = {answered_at: new Date().toISOString(), route: computed.route};
          var stored = store() ? store().set("needs", kept) : false;
          showRoute(section, result, kept);
          if (!stored) result.appendChild(textParagraph("This browser is not keeping data, so the route will not be here next time."));
        });
      }

      function wireAll() {
        document.querySelectorAll("section.stemcpd-quiz").forEach(wire);
        document.querySelectorAll("section.stemcpd-needs-route").forEach(wireNeeds);
      }

      return {wireAll: wireAll, wireCard: wireCard, needsRoute: needsRoute, mark: mark, markNumeric: markNumeric, parseResponse: parseResponse,
              normalise: normalise, formatG: formatG, responseValue: responseValue};
    })();
  }
  window.stemcpdQuiz.wireAll();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", window.stemcpdQuiz.wireAll);
  }
})();
