/* stemcpd CPD record in the browser: the Toolkit forms, time on module pages, and
 * the "My CPD record" page. One generic engine, fed by data Python wrote at build time.
 *
 * - Forms: every div.stemcpd-record-form carries its form as JSON
 *   ({module, kind, title, groups: [{title, fields: [{field, label, help, type, level}]}]},
 *   from stemcpd.cpd.prompts.form_data). Fields are drawn by FIELD_TYPES[type], so a new
 *   kind of answer is new data plus one renderer. Text is saved through
 *   window.stemcpdStore.saveEntry as the teacher types (debounced) and when a box loses
 *   focus, restored on return, and every save is announced in a live region.
 * - Time: a page with a form records `visits[module] = {first, last, seconds}`, counting
 *   seconds while the page is visible (Page Visibility API) and the reader has done
 *   something in the last ten minutes, so a tab left open overnight is not "study".
 * - Record page (#stemcpd-my-record): gathers everything from the store, prints as an A4
 *   record, exports the JSON `stemcpd record export --json` writes, imports such a file
 *   after checking it against the same JSON Schema Python uses (Ajv), and clears.
 *
 * Anything typed or imported is untrusted: it is only ever put on the page with
 * textContent, never as HTML, and never evaluated.
 */
(function () {
  "use strict";

  var SAVE_DELAY_MS = 800;          // after the last keystroke
  var IDLE_MS = 10 * 60 * 1000;     // no key, pointer or scroll for this long: not studying
  var VISIT_SAVE_MS = 15 * 1000;    // how often visible time is written while reading
  var store = window.stemcpdStore;
  var NOT_KEPT = "kept only until you close this tab — export your record from My CPD record " +
    "(this browser is not letting the site keep data)";

  // ------------------------------------------------------------------ helpers

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }

  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function clockTime(date) { return pad(date.getHours()) + ":" + pad(date.getMinutes()); }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  function longDate(date) { return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear(); }
  function shortDate(date) { return date.getDate() + " " + MONTHS[date.getMonth()].slice(0, 3) + " " + date.getFullYear(); }
  function time(text) { var ms = Date.parse(text); return isNaN(ms) ? 0 : ms; }

  function siteRoot() {
    var root = document.documentElement.getAttribute("data-content_root");
    if (root !== null) return root;
    var script = document.querySelector('script[src*="stemcpd-record.js"]');
    return script ? script.getAttribute("src").replace(/_static\/stemcpd-record\.js.*$/, "") : "";
  }

  function recordPageLink(text) {
    return el("a", {href: siteRoot() + "book/my-record.html"}, text || "My CPD record");
  }

  function safeId(text) { return String(text).replace(/[^A-Za-z0-9_-]/g, "-"); }

  // --------------------------------------------------------------- form engine

  /* Renderers by field type: each returns {element, control, get(), set(value)}.
   * `control` is what receives focus and the label. Add a type here (and its data in
   * stemcpd.cpd.prompts) to offer a new kind of answer. */
  var FIELD_TYPES = {
    text: function (field, id) {
      var wrapper = el("div", {className: "stemcpd-record-field"});
      var helpId = id + "-help";
      var label = el("label", {"for": id}, field.label);
      var help = field.help ? el("p", {id: helpId, className: "stemcpd-record-help"}, field.help) : null;
      var area = el("textarea", {id: id, rows: 4, spellcheck: "true", "aria-describedby": help ? helpId : null,
        "data-field": field.field});
      append(wrapper, label, help, area);
      return {element: wrapper, control: area,
        get: function () { return area.value; }, set: function (value) { area.value = value; }};
    },
    // An effect (positive / none yet / negative): radio buttons in a fieldset, none chosen at
    // first, so "not answered" stays distinct from "none yet" (stemcpd.cpd.impact).
    effect: function (field, id) {
      var wrapper = el("fieldset", {className: "stemcpd-record-field stemcpd-record-effect", id: id,
        "data-field": field.field, "aria-describedby": field.help ? id + "-help" : null});
      wrapper.appendChild(el("legend", {}, field.label));
      if (field.help) wrapper.appendChild(el("p", {id: id + "-help", className: "stemcpd-record-help"}, field.help));
      var radios = [];
      (field.choices || []).forEach(function (choice, index) {
        var radioId = id + "-" + index;
        var radio = el("input", {type: "radio", id: radioId, name: id, value: choice.value});
        radios.push(radio);
        append(wrapper, append(el("span", {className: "stemcpd-record-choice"}), radio,
          el("label", {"for": radioId}, choice.label)));
      });
      return {element: wrapper, control: wrapper,
        get: function () {
          for (var i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i].value;
          return "";
        },
        set: function (value) { radios.forEach(function (radio) { radio.checked = radio.value === value; }); }};
    },
    // A calendar date, stored as YYYY-MM-DD (the review date that goes in a calendar).
    date: function (field, id) {
      var wrapper = el("div", {className: "stemcpd-record-field"});
      var helpId = id + "-help";
      var input = el("input", {type: "date", id: id, "data-field": field.field,
        "aria-describedby": field.help ? helpId : null});
      append(wrapper, el("label", {"for": id}, field.label),
        field.help ? el("p", {id: helpId, className: "stemcpd-record-help"}, field.help) : null, input);
      return {element: wrapper, control: input,
        get: function () { return /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : ""; },
        set: function (value) { input.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ""; }};
    }
  };

  // ------------------------------------------------------- follow-up (issue 15)

  /* The same rules as stemcpd.cpd.followup: a module with an action plan is reviewed on its
   * review date, or DEFAULT_REVIEW_WEEKS after the plan was first saved; its impact record is
   * done when every circle has an effect chosen ("none yet" counts). */
  function reviews(data, titleOf) {
    var follow = data.followup || {default_review_weeks: 6, upcoming_days: 14, circle_effect_fields: []};
    var plans = {}, impact = {};
    store.entries().forEach(function (e) {
      if (!e || typeof e.module !== "string" || typeof e.text !== "string") return;
      if (e.kind === "action_plan") {
        var plan = plans[e.module] || (plans[e.module] = {fields: {}, first: Infinity});
        plan.fields[e.field] = e.text;
        var at = time(e.saved_at);
        if (at && at < plan.first) plan.first = at;
      } else if (e.kind === "impact_record") {
        (impact[e.module] || (impact[e.module] = {}))[e.field] = e.text;
      }
    });
    var today = new Date();
    var todayDay = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    var effects = ["positive", "none_yet", "negative"];
    return Object.keys(plans).map(function (module) {
      var plan = plans[module];
      var written = Object.keys(plan.fields).some(function (k) { return plan.fields[k].trim(); });
      if (!written) return null;
      var chosen = plan.fields.review_on || "";
      var day = /^\d{4}-\d{2}-\d{2}$/.test(chosen) ? Date.UTC(+chosen.slice(0, 4), +chosen.slice(5, 7) - 1, +chosen.slice(8, 10)) : NaN;
      var setByTeacher = !isNaN(day);
      if (!setByTeacher) {
        if (!isFinite(plan.first)) return null;
        var first = new Date(plan.first);
        day = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()) + follow.default_review_weeks * 7 * 86400000;
      }
      var days = Math.round((day - todayDay) / 86400000);
      var done = follow.circle_effect_fields.length > 0 && follow.circle_effect_fields.every(function (f) {
        return effects.indexOf((impact[module] || {})[f]) >= 0;
      });
      var state = done ? "done" : days <= 0 ? "due" : days <= follow.upcoming_days ? "upcoming" : "later";
      return {module: module, title: titleOf(module), day: new Date(day), days: days, state: state,
        setByTeacher: setByTeacher, planned: (plan.fields.planned_change || "").trim(),
        evidence: (plan.fields.success_evidence || "").trim()};
    }).filter(Boolean).sort(function (a, b) {
      var order = {due: 0, upcoming: 1, later: 2, done: 3};
      return order[a.state] - order[b.state] || a.days - b.days;
    });
  }

  function utcLongDate(date) {
    return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  // iCalendar (RFC 5545), as stemcpd.cpd.followup.to_ics writes it: escaped TEXT, lines
  // folded at 75 octets, CRLF endings, one all-day event per review with a reminder.
  function icsEscape(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  }
  function icsFold(line) {
    var out = [], current = "", size = 0;
    Array.from(line).forEach(function (character) {
      var width = unescape(encodeURIComponent(character)).length;
      if (size + width > 75) { out.push(current); current = " "; size = 1; }
      current += character; size += width;
    });
    out.push(current);
    return out.join("\r\n");
  }
  function icsDate(date) {
    return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate());
  }
  function toIcs(items) {
    var now = new Date();
    var stamp = now.getUTCFullYear() + pad(now.getUTCMonth() + 1) + pad(now.getUTCDate()) + "T" +
      pad(now.getUTCHours()) + pad(now.getUTCMinutes()) + pad(now.getUTCSeconds()) + "Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//stemcpd//CPD review dates//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:CPD reviews"];
    items.forEach(function (item) {
      var description = ["Review your action plan for " + item.title + " and write your impact record: did it " +
        "make a difference to you, your colleagues and your pupils?"];
      if (item.planned) description.push("What you planned: " + item.planned);
      if (item.evidence) description.push("Evidence to look at: " + item.evidence);
      description.push("Your record: " + new URL(siteRoot() + "book/my-record.html", window.location.href).href);
      lines.push("BEGIN:VEVENT", "UID:review-" + safeId(item.module) + "@stemcpd", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + icsDate(item.day), "DTEND;VALUE=DATE:" + icsDate(new Date(item.day.getTime() + 86400000)),
        "SUMMARY:" + icsEscape("CPD review: " + item.title), "DESCRIPTION:" + icsEscape(description.join("\n")),
        "TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY",
        "DESCRIPTION:" + icsEscape("CPD review tomorrow: " + item.title), "TRIGGER:-PT15H", "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(function (line) { return icsFold(line) + "\r\n"; }).join("");
  }

  function renderFollowUp(view, data, titleOf) {
    var items = reviews(data, titleOf);
    var section = el("section", {className: "stemcpd-record-section stemcpd-record-followup",
      "aria-labelledby": "stemcpd-record-followup"});
    section.appendChild(el("h2", {id: "stemcpd-record-followup"}, "Reviews and impact records due"));
    if (!items.length) {
      section.appendChild(el("p", {className: "stemcpd-record-empty"},
        "No action plans yet. Each module's action plan sets a review date; the impact record is due then."));
      view.appendChild(section);
      return;
    }
    var due = items.filter(function (item) { return item.state === "due"; }).length;
    section.appendChild(el("p", {className: "stemcpd-record-due-count"}, due ?
      due + (due === 1 ? " impact record is" : " impact records are") + " due: write " + (due === 1 ? "it" : "them") +
      " on the module's page." : "No impact record is due yet."));
    var list = el("ul", {className: "stemcpd-record-due"});
    items.forEach(function (item) {
      var when = utcLongDate(item.day);
      var why = item.setByTeacher ? "your review date" : (data.followup ? data.followup.default_review_weeks : 6) +
        " weeks after your action plan (set a review date to change it)";
      var text = item.state === "due" ? item.title + ": impact record due since " + when + " (" + why + ")"
        : item.state === "done" ? item.title + ": impact recorded (review " + when + ")"
        : item.title + ": impact record due on " + when + ", in " + item.days + " days (" + why + ")";
      list.appendChild(el("li", {className: "stemcpd-record-due-" + item.state, "data-module": item.module}, text));
    });
    section.appendChild(list);
    var button = el("button", {type: "button", className: "stemcpd-record-ics"}, "Add review dates to my calendar (.ics)");
    button.addEventListener("click", function () {
      var blob = new Blob([toIcs(items)], {type: "text/calendar"});
      var link = el("a", {href: URL.createObjectURL(blob), download: "cpd-reviews.ics"});
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
    section.appendChild(button);
    view.appendChild(section);
  }

  function buildForm(container, number) {
    var dataNode = container.querySelector("script.stemcpd-record-form-data");
    if (!dataNode || !store) return null;
    var data;
    try { data = JSON.parse(dataNode.textContent); } catch (error) { return null; }
    var module = data.module, kind = data.kind;
    var base = "stemcpd-record-" + safeId(module) + "-" + safeId(kind) + "-" + number;
    var heading = container.querySelector("h3");
    if (heading && !heading.id) heading.id = base + "-heading";

    var form = el("form", {className: "stemcpd-record-fields", "aria-labelledby": heading ? heading.id : null,
      novalidate: true});
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var intro = el("p", {className: "stemcpd-record-intro"},
      "Saved in this browser as you type; nothing is sent anywhere. See, print or export everything on ");
    append(intro, recordPageLink(), document.createTextNode("."));
    form.appendChild(intro);

    var fields = {};
    (data.groups || []).forEach(function (group, groupIndex) {
      var holder;
      if (group.title) {
        holder = append(el("fieldset", {className: "stemcpd-record-group"}), el("legend", {}, group.title));
      } else {
        holder = el("div", {className: "stemcpd-record-group"});
      }
      (group.fields || []).forEach(function (field) {
        var render = FIELD_TYPES[field.type || "text"];
        if (!render) { if (window.console) console.warn("stemcpd: no renderer for field type", field.type); return; }
        var made = render(field, base + "-" + safeId(field.field));
        // A quiet "Saved at …" beside the box being typed in, for the eye; the form's one
        // live region below says it for a screen reader.
        made.note = el("p", {className: "stemcpd-record-field-status", "aria-hidden": "true"});
        made.element.appendChild(made.note);
        fields[field.field] = made;
        holder.appendChild(made.element);
      });
      form.appendChild(holder);
    });
    var status = el("p", {className: "stemcpd-record-status", role: "status", "aria-live": "polite"});
    form.appendChild(status);

    function setStatus(text, isProblem) {
      status.textContent = text;
      status.classList.toggle("stemcpd-record-problem", !!isProblem);
    }

    // Restore what this browser holds.
    var saved = store.latestEntries(module, kind);
    var lastSaved = {};
    var newest = 0;
    store.entries().forEach(function (entry) {
      if (entry.module === module && entry.kind === kind && fields[entry.field]) newest = Math.max(newest, time(entry.saved_at));
    });
    Object.keys(fields).forEach(function (name) {
      if (Object.prototype.hasOwnProperty.call(saved, name)) { fields[name].set(saved[name]); lastSaved[name] = saved[name]; }
      else lastSaved[name] = "";
    });
    if (!store.available) {
      setStatus("Not saved yet. What you write here is " + NOT_KEPT + ".", true);
    } else if (newest) {
      var when = new Date(newest);
      setStatus("Restored what you wrote (last saved " + shortDate(when) + " at " + clockTime(when) + ").");
    } else {
      setStatus("Not saved yet: start typing and your answers are saved in this browser.");
    }

    function save(name) {
      var text = fields[name].get();
      if (text === lastSaved[name]) return;
      try {
        var result = store.saveEntry({module: module, kind: kind, field: name, text: text});
        lastSaved[name] = text;
        var at = clockTime(new Date(result.entry.saved_at));
        if (result.kept) setStatus("Saved at " + at + " in this browser.");
        else setStatus("Saved at " + at + ", but " + NOT_KEPT + ".", true);
        fields[name].note.textContent = result.kept ? "Saved at " + at : "Saved at " + at + " (this tab only)";
      } catch (error) {
        fields[name].note.textContent = "Not saved";
        setStatus("Not saved: " + (error && error.message ? error.message : error) +
          ". Your text is still in the box; copy it somewhere safe.", true);
      }
    }

    Object.keys(fields).forEach(function (name) {
      var timer = null;
      var control = fields[name].control;
      control.addEventListener("input", function () {
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () { timer = null; save(name); }, SAVE_DELAY_MS);
      });
      control.addEventListener("blur", function () {
        if (timer) { clearTimeout(timer); timer = null; }
        save(name);
      });
    });
    // Leaving the page mid-sentence must not lose the last words.
    window.addEventListener("pagehide", function () { Object.keys(fields).forEach(save); });

    var fallback = container.querySelector(".stemcpd-record-form-fallback");
    if (fallback) fallback.hidden = true;
    container.appendChild(form);
    container.classList.add("stemcpd-record-ready");
    return module;
  }

  // ------------------------------------------------------------ time on pages

  function trackVisits(module) {
    var counting = document.visibilityState !== "hidden";
    var lastTick = Date.now();
    var lastActivity = Date.now();
    var pendingMs = 0;

    function accrue(now) {
      if (counting) {
        var until = Math.min(now, lastActivity + IDLE_MS);
        if (until > lastTick) pendingMs += until - lastTick;
      }
      lastTick = now;
    }

    function write() {
      accrue(Date.now());
      var seconds = Math.floor(pendingMs / 1000);
      pendingMs -= seconds * 1000;
      var visits = store.get("visits", {});
      if (!visits || typeof visits !== "object" || Array.isArray(visits)) visits = {};
      var nowIso = new Date().toISOString();
      var visit = visits[module];
      if (!visit || typeof visit !== "object") visit = {first: nowIso, last: nowIso, seconds: 0};
      visit.seconds = (typeof visit.seconds === "number" && isFinite(visit.seconds) ? visit.seconds : 0) + seconds;
      visit.last = nowIso;
      if (typeof visit.first !== "string") visit.first = nowIso;
      visits[module] = visit;
      store.set("visits", visits);
    }

    function activity() {
      var now = Date.now();
      accrue(now);
      lastActivity = now;
    }

    ["keydown", "pointerdown", "pointermove", "scroll", "input", "wheel", "touchstart"].forEach(function (name) {
      window.addEventListener(name, activity, {passive: true, capture: true});
    });
    document.addEventListener("visibilitychange", function () {
      accrue(Date.now());
      counting = document.visibilityState !== "hidden";
      if (counting) lastActivity = Date.now();  // coming back to the tab is activity
      else write();
    });
    window.addEventListener("pagehide", write);
    setInterval(function () { if (counting) write(); }, VISIT_SAVE_MS);
    write();  // the visit itself: the module is started
  }

  /* One line in the module's first form: where this module stands in the record, by the
   * same rule as the record page (action plan, quiz attempted, reflection). */
  function showProgress(container, module) {
    var line = el("p", {className: "stemcpd-record-progress"});
    var intro = container.querySelector(".stemcpd-record-intro");
    if (intro && intro.parentNode) intro.parentNode.insertBefore(line, intro.nextSibling);
    else container.appendChild(line);
    function update() {
      var written = function (kind) {
        var texts = store.latestEntries(module, kind);
        return Object.keys(texts).some(function (k) { return typeof texts[k] === "string" && texts[k].trim(); });
      };
      var plan = written("action_plan"), reflection = written("reflection"), impact = written("impact_record");
      var quiz = store.attempts().some(function (a) { return a && a.module === module; });
      if (plan && quiz && reflection) {
        line.textContent = "This module is complete in your record" +
          (impact ? ", impact recorded." : "; add your impact record after teaching with it.");
      } else {
        line.textContent = "To complete this module: action plan " + (plan ? "written" : "not written yet") +
          "; recall quiz " + (quiz ? "answered" : "not answered yet") + "; reflection " +
          (reflection ? "written" : "not written yet") + ".";
      }
    }
    update();
    store.onChange(function (name) { if (name === null || name === "entries" || name === "attempts") update(); });
  }

  // ------------------------------------------------------------ the record

  /* Everything the record page shows, computed from the store: the same rules as
   * stemcpd.cpd.record (latest answer per question counts; complete = action plan,
   * quiz attempted and reflection written). */
  function summarise(data) {
    var attempts = store.attempts().slice().sort(function (a, b) { return time(a.answered_at) - time(b.answered_at); });
    var entries = store.entries();
    var visits = store.get("visits", {}) || {};
    var byModule = {};
    function moduleRecord(id) {
      if (!byModule[id]) {
        byModule[id] = {id: id, attempts: [], entries: {action_plan: {}, reflection: {}, impact_record: {}},
          visit: null, times: []};
      }
      return byModule[id];
    }
    attempts = attempts.filter(function (a) { return a && typeof a.module === "string"; });
    attempts.forEach(function (a) { var r = moduleRecord(a.module); r.attempts.push(a); r.times.push(time(a.answered_at)); });
    entries.forEach(function (e) {
      if (!e || typeof e.text !== "string" || !e.text.trim()) return;  // a cleared field is not a record
      var r = moduleRecord(e.module);
      if (r.entries[e.kind]) r.entries[e.kind][e.field] = e.text;
      r.times.push(time(e.saved_at));
    });
    Object.keys(visits).forEach(function (id) {
      var v = visits[id];
      if (!v || typeof v !== "object") return;
      var r = moduleRecord(id);
      r.visit = v;
      r.times.push(time(v.first), time(v.last));
    });
    var modules = data.modules || [];
    var order = {};
    modules.forEach(function (m, index) { order[m.id] = index; });
    return Object.keys(byModule).map(function (id) {
      var r = byModule[id];
      var info = modules[order[id]] || {id: id, title: readableModule(id), href: null};
      r.title = info.title;
      r.href = info.href;
      r.times = r.times.filter(function (t) { return t > 0; });
      r.first = r.times.length ? Math.min.apply(null, r.times) : 0;
      r.last = r.times.length ? Math.max.apply(null, r.times) : 0;
      r.seconds = r.visit && typeof r.visit.seconds === "number" ? r.visit.seconds : 0;
      var latest = {}, misconceptions = [], confident = 0;
      r.attempts.forEach(function (a) {
        latest[a.bank_topic + "\u0000" + a.question_id] = a;
        if (a.misconception && misconceptions.indexOf(a.misconception) < 0) misconceptions.push(a.misconception);
        if (!a.correct && a.confidence === "sure") confident += 1;
      });
      var answered = Object.keys(latest);
      r.quiz = {answered: answered.length, correct: answered.filter(function (k) { return latest[k].correct; }).length,
        attempts: r.attempts.length, misconceptions: misconceptions, confidentErrors: confident};
      var has = function (kind) { return Object.keys(r.entries[kind]).length > 0; };
      r.complete = has("action_plan") && r.quiz.attempts > 0 && has("reflection");
      r.impactRecorded = has("impact_record");
      r.status = r.complete ? (r.impactRecorded ? "Completed, impact recorded" : "Completed; impact record to come")
        : "Started";
      r.order = order.hasOwnProperty(id) ? order[id] : 1e6;
      return r;
    }).sort(function (a, b) { return a.order - b.order || (a.title < b.title ? -1 : 1); });
  }

  // As stemcpd.cpd.record.module_title does without the workbook: "physics-pendulum" → "Physics: pendulum".
  function readableModule(id) {
    var cut = id.indexOf("-");
    if (cut < 0) return id;
    return id.charAt(0).toUpperCase() + id.slice(1, cut) + ": " + id.slice(cut + 1).replace(/-/g, " ");
  }

  function minutesText(seconds) {
    var minutes = Math.round(seconds / 60);
    if (seconds > 0 && minutes === 0) return "under a minute";
    if (minutes < 60) return minutes + " min";
    return Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
  }

  function fieldsList(texts, form) {
    var labels = {}, orderOf = {}, position = 0;
    (form.groups || []).forEach(function (g) { g.fields.forEach(function (f) { labels[f.field] = f.label; orderOf[f.field] = position++; }); });
    var names = Object.keys(texts).sort(function (a, b) {
      return (orderOf.hasOwnProperty(a) ? orderOf[a] : 1e6) - (orderOf.hasOwnProperty(b) ? orderOf[b] : 1e6);
    });
    if (!names.length) return el("p", {className: "stemcpd-record-empty"}, "Not written yet.");
    var list = el("dl", {className: "stemcpd-record-texts"});
    names.forEach(function (name) {
      append(list, el("dt", {}, labels[name] || name.replace(/_/g, " ")), el("dd", {}, texts[name]));
    });
    return list;
  }

  function renderRecord(root, data, say) {
    var records = summarise(data);
    var needsId = data.needs_analysis_module;
    var needsRecord = null;
    records = records.filter(function (r) { if (r.id === needsId) { needsRecord = r; return false; } return true; });
    var view = el("div", {className: "stemcpd-record-view"});
    var participant = store.get("participant", "") || "";
    var completed = records.filter(function (r) { return r.complete; }).length;
    var totalSeconds = records.reduce(function (sum, r) { return sum + r.seconds; }, 0);

    var header = el("div", {className: "stemcpd-record-header"});
    append(header,
      el("p", {className: "stemcpd-record-who"}, "Continuing professional development record" +
        (participant ? " — " + participant : "")),
      el("p", {className: "stemcpd-record-meta"}, "Science CPD with stemcpd · " + longDate(new Date()) + " · " +
        records.length + (records.length === 1 ? " module" : " modules") + " started, " + completed + " completed · " +
        (totalSeconds ? "about " + minutesText(totalSeconds) + " on module pages (while a page was open and in use)."
          : "no time on module pages recorded in this browser yet.")));
    view.appendChild(header);
    renderFollowUp(view, data, function (id) {
      var known = records.filter(function (r) { return r.id === id; })[0];
      return known ? known.title : readableModule(id);
    });

    var needs = store.get("needs", null);
    if (needs && typeof needs === "object" && Array.isArray(needs.route) && needs.route.length) {
      var needsSection = el("section", {className: "stemcpd-record-section", "aria-labelledby": "stemcpd-record-route"});
      append(needsSection, el("h2", {id: "stemcpd-record-route"}, "My starting route"));
      var when = time(needs.answered_at);
      needsSection.appendChild(el("p", {}, "From the needs analysis" + (when ? " (" + longDate(new Date(when)) + ")" : "") +
        ": the modules to do first, in order."));
      var list = el("ol", {className: "stemcpd-record-route"});
      needs.route.forEach(function (step) {
        if (!step || typeof step !== "object") return;
        var item = el("li");
        var title = String(step.title || step.module || "");
        var href = typeof step.href === "string" && /^[A-Za-z0-9_\/.#-]+$/.test(step.href) && step.href.indexOf("//") < 0
          ? siteRoot() + step.href : null;
        item.appendChild(href ? el("a", {href: href}, title) : el("strong", {}, title));
        if (step.reason) item.appendChild(document.createTextNode(": " + String(step.reason)));
        list.appendChild(item);
      });
      needsSection.appendChild(list);
      view.appendChild(needsSection);
    }

    if (!records.length) {
      var empty = el("p", {className: "stemcpd-record-empty"},
        "Nothing recorded in this browser yet. Open a module from the menu, write your action plan, answer its " +
        "recall quiz and write your reflection: each appears here as you go. Or import a record you exported earlier.");
      view.appendChild(empty);
      root.appendChild(view);
      return;
    }

    // Summary table.
    var table = el("table", {className: "stemcpd-record-summary"});
    append(table, el("caption", {}, "Modules"));
    var head = el("tr");
    ["Module", "Started", "Time", "Quiz right", "Status"].forEach(function (text) {
      head.appendChild(el("th", {scope: "col"}, text));
    });
    append(table, append(el("thead"), head));
    var body = el("tbody");
    records.forEach(function (r) {
      var row = el("tr");
      append(row,
        el("th", {scope: "row"}, r.title),
        el("td", {"data-label": "Started"}, r.first ? shortDate(new Date(r.first)) : "—"),
        el("td", {"data-label": "Time"}, r.seconds ? minutesText(r.seconds) : "—"),
        el("td", {"data-label": "Quiz right"}, r.quiz.answered ? r.quiz.correct + " of " + r.quiz.answered : "not yet"),
        el("td", {"data-label": "Status"}, r.status));
      body.appendChild(row);
    });
    table.appendChild(body);
    view.appendChild(el("div", {className: "stemcpd-record-table-wrap"}));
    view.lastChild.appendChild(table);

    // One section per module.
    records.forEach(function (r, index) {
      var id = "stemcpd-record-module-" + index;
      var section = el("section", {className: "stemcpd-record-section stemcpd-record-module", "aria-labelledby": id});
      var heading = el("h2", {id: id});
      heading.appendChild(r.href ? el("a", {href: siteRoot() + r.href}, r.title) : document.createTextNode(r.title));
      section.appendChild(heading);
      section.appendChild(el("p", {className: "stemcpd-record-meta"},
        (r.first ? shortDate(new Date(r.first)) + (r.last && shortDate(new Date(r.last)) !== shortDate(new Date(r.first))
          ? " to " + shortDate(new Date(r.last)) : "") + " · " : "") +
        (r.seconds ? minutesText(r.seconds) + " on the page · " : "") + r.status));
      section.appendChild(el("h3", {}, "Recall quiz"));
      if (r.quiz.attempts) {
        section.appendChild(el("p", {}, r.quiz.correct + " of " + r.quiz.answered + " questions right (latest answers; " +
          r.quiz.attempts + (r.quiz.attempts === 1 ? " answer" : " answers") + " in all)." +
          (r.quiz.confidentErrors ? " Answers I was sure of but got wrong: " + r.quiz.confidentErrors + "." : "")));
        if (r.quiz.misconceptions.length) {
          section.appendChild(el("p", {}, "Misconceptions my wrong answers showed:"));
          var misList = el("ul", {className: "stemcpd-record-misconceptions"});
          r.quiz.misconceptions.forEach(function (mid) {
            var known = (data.misconceptions || {})[mid];
            var item = el("li");
            item.appendChild(el("strong", {}, known ? known.name : mid.replace(/-/g, " ")));
            if (known && known.description) item.appendChild(document.createTextNode(": " + known.description));
            misList.appendChild(item);
          });
          section.appendChild(misList);
        }
      } else {
        section.appendChild(el("p", {className: "stemcpd-record-empty"}, "Not attempted yet."));
      }
      section.appendChild(el("h3", {}, "Action plan"));
      section.appendChild(fieldsList(r.entries.action_plan, data.forms.action_plan));
      section.appendChild(el("h3", {}, "Reflection"));
      section.appendChild(fieldsList(r.entries.reflection, data.forms.reflection));
      view.appendChild(section);
    });

    // Impact across modules: the toolkit's three circles, Guskey's levels within each.
    var impactSection = el("section", {className: "stemcpd-record-section", "aria-labelledby": "stemcpd-record-impact"});
    impactSection.appendChild(el("h2", {id: "stemcpd-record-impact"}, "My impact"));
    var anyImpact = records.some(function (r) { return r.impactRecorded; });
    if (!anyImpact) {
      impactSection.appendChild(el("p", {className: "stemcpd-record-empty"},
        "No impact recorded yet: come back to a module's impact record a few weeks after teaching with it."));
    } else {
      impactSection.appendChild(el("p", {}, "Grouped by the CPD Impact Toolkit's three circles, and within each by " +
        "Guskey's levels of evaluating professional development."));
      var labels = {};
      data.forms.impact_record.groups.forEach(function (g) { g.fields.forEach(function (f) { labels[f.field] = f; }); });
      var levels = {};
      (data.guskey_levels || []).forEach(function (level) { levels[level.field] = level; });
      var effectLabels = (data.followup && data.followup.effect_labels) || {};
      data.circles.forEach(function (circle) {
        impactSection.appendChild(el("h3", {}, circle.title));
        var wrote = false;
        // The effect chosen for this circle, per module: only a choice counts, never the text.
        var chosen = records.filter(function (r) { return effectLabels[r.entries.impact_record[circle.effect_field]]; });
        if (chosen.length) {
          wrote = true;
          impactSection.appendChild(el("p", {className: "stemcpd-record-effects"}, "Effect so far: " +
            chosen.map(function (r) { return r.title + ": " + effectLabels[r.entries.impact_record[circle.effect_field]]; })
              .join("; ") + "."));
        }
        circle.fields.slice().sort(function (a, b) {
          return (levels[a] ? levels[a].number : 9) - (levels[b] ? levels[b].number : 9);
        }).forEach(function (field) {
          var withText = records.filter(function (r) { return r.entries.impact_record[field]; });
          if (!withText.length) return;
          wrote = true;
          var level = levels[field];
          impactSection.appendChild(el("h4", {}, level ? "Level " + level.number + ": " + level.name
            : (labels[field] ? labels[field].label : field)));
          var list = el("dl", {className: "stemcpd-record-texts"});
          withText.forEach(function (r) { append(list, el("dt", {}, r.title), el("dd", {}, r.entries.impact_record[field])); });
          impactSection.appendChild(list);
        });
        if (!wrote) impactSection.appendChild(el("p", {className: "stemcpd-record-empty"}, "Nothing recorded here yet."));
      });
    }
    view.appendChild(impactSection);

    if (needsRecord && needsRecord.quiz.attempts) {
      view.appendChild(el("p", {className: "stemcpd-record-meta"}, "Needs analysis: " + needsRecord.quiz.answered +
        " questions answered, " + needsRecord.quiz.correct + " right."));
    }
    root.appendChild(view);
  }

  // ----------------------------------------------------- export / import / clear

  function exportRecord(data) {
    var validator = compiled(data);
    var participant = String(store.get("participant", "") || "").trim().slice(0, 200) || "me";
    var attempts = store.attempts().map(function (a) {
      return {module: a.module, bank_topic: a.bank_topic, question_id: a.question_id, response: a.response,
        correct: a.correct, score: a.score, misconception: a.misconception === undefined ? null : a.misconception,
        confidence: a.confidence === undefined ? null : a.confidence, answered_at: a.answered_at};
    }).sort(function (a, b) { return time(a.answered_at) - time(b.answered_at); });
    var entries = store.entries().map(function (e) {
      return {module: e.module, kind: e.kind, field: e.field, text: e.text, saved_at: e.saved_at};
    }).sort(function (a, b) { return time(a.saved_at) - time(b.saved_at); });
    // Anything damaged in this browser's copy is left out rather than spoiling the file.
    var dropped = 0;
    if (validator) {
      attempts = attempts.filter(function (a) { var ok = validator.attempt(a); if (!ok) dropped++; return ok; });
      entries = entries.filter(function (e) { var ok = validator.entry(e); if (!ok) dropped++; return ok; });
    }
    return {record: {format: "stemcpd-record", version: data.schema.properties.version["const"], participant: participant,
      exported_at: new Date().toISOString(), attempts: attempts, entries: entries}, dropped: dropped};
  }

  var ajvCache = null;
  function compiled(data) {
    if (ajvCache) return ajvCache;
    if (typeof window.Ajv !== "function") return null;
    var ajv = new window.Ajv({allErrors: false, jsonPointers: false});
    ajv.addSchema(data.schema, "record");
    ajvCache = {ajv: ajv, record: ajv.getSchema("record"),
      attempt: ajv.getSchema("record#/definitions/attempt"), entry: ajv.getSchema("record#/definitions/entry")};
    return ajvCache;
  }

  function json(value) { return JSON.stringify(value); }

  function describeError(error) {
    var place = (error.dataPath || "").replace(/^\./, "") || "the top level";
    var p = error.params || {};
    switch (error.keyword) {
      case "required": return place + " lacks the required " + json(p.missingProperty.replace(/^\./, ""));
      case "additionalProperties": return place + " has a field this format does not have (" + json(p.additionalProperty) + ")";
      case "type": return place + " should be " + String(p.type).replace(/,/g, " or ");
      case "maxLength": return place + " is longer than " + p.limit + " characters";
      case "maxItems": return place + " has more than " + p.limit + " items";
      case "pattern": return /_at$/.test(place) ? place + " is not a date and time with a time zone" : place + " must not be empty";
      case "enum": return place + " must be one of " + (p.allowedValues || []).map(json).join(", ");
      default: return place + " " + (error.message || "is not valid");
    }
  }

  function realDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
    if (!match || isNaN(Date.parse(text))) return false;
    var y = +match[1], m = +match[2], d = +match[3], h = +match[4], min = +match[5];
    var probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && h < 24 && min < 60;
  }

  /* Returns {record} or {problem}: the same checks, in the same order, as
   * stemcpd.cpd.record_file.check_record. */
  function checkRecord(value, data) {
    if (!value || typeof value !== "object" || Array.isArray(value) || value.format !== "stemcpd-record") {
      var found = value && typeof value === "object" && !Array.isArray(value) && value.format !== undefined
        ? "its \"format\" is " + json(value.format) : "it has no \"format\"";
      return {problem: "is not a stemcpd CPD record (" + found + "; a record says \"format\": \"stemcpd-record\")"};
    }
    var supported = data.schema.properties.version["const"];
    if (typeof value.version !== "number" || Math.floor(value.version) !== value.version) {
      return {problem: "has no whole-number \"version\""};
    }
    if (value.version > supported) {
      return {problem: "was written by a newer stemcpd (record version " + value.version + "; this site reads version " +
        supported + "); it needs a newer copy of this course"};
    }
    var validator = compiled(data);
    if (!validator) return {problem: "cannot be checked: this page's validator did not load, so nothing was imported"};
    if (!validator.record(value)) {
      return {problem: "is not a valid stemcpd record: " + describeError(validator.record.errors[0])};
    }
    var lists = [["attempts", "answered_at"], ["entries", "saved_at"]];
    for (var l = 0; l < lists.length; l++) {
      var items = value[lists[l][0]];
      for (var i = 0; i < items.length; i++) {
        if (!realDate(items[i][lists[l][1]])) {
          return {problem: "is not a valid stemcpd record: " + lists[l][0] + "[" + i + "]." + lists[l][1] +
            " is not a real date and time"};
        }
      }
    }
    return {record: value};
  }

  function attemptKey(a) {
    return [a.module, a.bank_topic, a.question_id, a.response, a.correct ? 1 : 0, Number(a.score),
      a.misconception || null, a.confidence || null, time(a.answered_at)].map(json).join("|");
  }

  /* Adds what is new; returns counts. Entries: the browser keeps the latest text per
   * field, so an imported text replaces this browser's only if it was saved later. */
  function mergeRecord(record) {
    var attempts = store.attempts().slice();
    var seen = {};
    attempts.forEach(function (a) { seen[attemptKey(a)] = true; });
    var added = {attempts: 0, entries: 0, already: 0};
    record.attempts.forEach(function (a) {
      var clean = {module: a.module, bank_topic: a.bank_topic, question_id: a.question_id, response: a.response,
        correct: a.correct, score: a.score, misconception: a.misconception || null, confidence: a.confidence || null,
        answered_at: a.answered_at};
      var key = attemptKey(clean);
      if (seen[key]) { added.already++; return; }
      seen[key] = true;
      attempts.push(clean);
      added.attempts++;
    });
    attempts.sort(function (a, b) { return time(a.answered_at) - time(b.answered_at); });

    var entries = store.entries().slice();
    var index = {};
    entries.forEach(function (e, i) { index[json([e.module, e.kind, e.field])] = i; });
    record.entries.slice().sort(function (a, b) { return time(a.saved_at) - time(b.saved_at); }).forEach(function (e) {
      var clean = {module: e.module, kind: e.kind, field: e.field, text: e.text, saved_at: e.saved_at};
      var key = json([e.module, e.kind, e.field]);
      if (index.hasOwnProperty(key)) {
        var local = entries[index[key]];
        if (time(local.saved_at) >= time(clean.saved_at)) { added.already++; return; }
        entries[index[key]] = clean;
      } else {
        index[key] = entries.length;
        entries.push(clean);
      }
      added.entries++;
    });
    var before = {attempts: store.attempts(), entries: store.entries()};
    store.replaceAll(attempts, entries);
    // A full browser storage refuses the write; then put back what was there, so an
    // import is all or nothing.
    if (store.available && (store.attempts().length !== attempts.length || store.entries().length !== entries.length)) {
      store.replaceAll(before.attempts, before.entries);
      added.failed = true;
    }
    return added;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function buildRecordPage(root) {
    var data = window.stemcpdRecordData;
    if (!store || !data) return;
    document.documentElement.classList.add("stemcpd-record-page");
    var fallback = root.querySelector(".stemcpd-my-record-fallback");
    if (fallback) fallback.hidden = true;

    var actions = el("div", {className: "stemcpd-record-actions"});
    var message = el("p", {className: "stemcpd-record-message", role: "status", "aria-live": "polite"});
    function say(text, isProblem) {
      message.textContent = text;
      message.classList.toggle("stemcpd-record-problem", !!isProblem);
    }

    if (!store.available) {
      actions.appendChild(el("p", {className: "stemcpd-record-problem stemcpd-record-warning"},
        "This browser is not letting the site keep data (private browsing or blocked storage): your record is " +
        "kept only until you close this tab — export your record before you go."));
    }

    var nameId = "stemcpd-record-participant";
    var nameBox = el("input", {id: nameId, type: "text", maxlength: 200, autocomplete: "name"});
    nameBox.value = store.get("participant", "") || "";
    nameBox.addEventListener("change", function () {
      store.set("participant", nameBox.value.trim().slice(0, 200));
      refresh();
      say("Name saved: it goes on your printed record and your export.");
    });
    append(actions, append(el("p", {className: "stemcpd-record-name"}),
      el("label", {"for": nameId}, "Your name or a pseudonym (goes on the printed record and the export)"), nameBox));

    var buttons = el("div", {className: "stemcpd-record-buttons"});
    var printButton = el("button", {type: "button"}, "Print or save as PDF");
    printButton.addEventListener("click", function () { window.print(); });
    var exportButton = el("button", {type: "button"}, "Export my record (JSON)");
    exportButton.addEventListener("click", function () {
      var made = exportRecord(data);
      var blob = new Blob([JSON.stringify(made.record, null, 2)], {type: "application/json"});
      var link = el("a", {href: URL.createObjectURL(blob),
        download: "cpd-record-" + new Date().toISOString().slice(0, 10) + ".json"});
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      say("Exported " + plural(made.record.attempts.length, "quiz answer", "quiz answers") + " and " +
        plural(made.record.entries.length, "entry", "entries") + " to " + link.getAttribute("download") +
        " (in your downloads)." + (made.dropped ? " " + plural(made.dropped, "damaged item was", "damaged items were") +
        " left out." : ""), false);
    });
    var importId = "stemcpd-record-import";
    var importBox = el("input", {id: importId, type: "file", accept: ".json,application/json"});
    var importLabel = el("label", {"for": importId, className: "stemcpd-record-import-label"}, "Import a record (JSON)");
    importBox.addEventListener("change", function () {
      var file = importBox.files && importBox.files[0];
      if (!file) return;
      var name = file.name;
      var limit = data.schema["x-stemcpd-limits"].max_file_bytes;
      function refuse(problem) { say("Could not import " + name + ": it " + problem + ". Nothing was changed.", true); importBox.value = ""; }
      if (file.size > limit) { refuse("is " + (file.size / 1e6).toFixed(1) + " MB; a CPD record file is at most " + Math.round(limit / 1e6) + " MB"); return; }
      var reader = new FileReader();
      reader.onerror = function () { refuse("could not be read"); };
      reader.onload = function () {
        var value;
        try { value = JSON.parse(String(reader.result)); } catch (error) { refuse("is not valid JSON"); return; }
        var checked = checkRecord(value, data);
        if (checked.problem) { refuse(checked.problem); return; }
        var added = mergeRecord(checked.record);
        if (added.failed) { refuse("does not fit in the space this browser gives the site (its storage is full)"); return; }
        if (checked.record.participant && !store.get("participant", "")) {
          store.set("participant", String(checked.record.participant).slice(0, 200));
          nameBox.value = store.get("participant", "");
        }
        refresh();
        importBox.value = "";
        say("Imported " + name + ": " + plural(added.attempts, "quiz answer", "quiz answers") + " and " +
          plural(added.entries, "entry", "entries") + " added" +
          (added.already ? "; " + plural(added.already, "item was", "items were") +
            " already here (or older than what is here) and skipped." : ".") +
          (store.available ? "" : " They are " + NOT_KEPT + "."), !store.available);
      };
      reader.readAsText(file);
    });
    var clearButton = el("button", {type: "button", className: "stemcpd-record-danger"}, "Clear this browser's record");
    var confirmBox = el("div", {className: "stemcpd-record-confirm", role: "group", "aria-labelledby": "stemcpd-record-confirm-text"});
    confirmBox.hidden = true;
    var confirmText = el("p", {id: "stemcpd-record-confirm-text"},
      "Delete everything this browser holds for this course (answers, plans, reflections, impact records, time)? " +
      "This cannot be undone: export your record first if you want to keep it.");
    var yes = el("button", {type: "button", className: "stemcpd-record-danger"}, "Yes, clear it");
    var no = el("button", {type: "button"}, "Cancel");
    append(confirmBox, confirmText, yes, no);
    clearButton.addEventListener("click", function () { confirmBox.hidden = false; no.focus(); });
    no.addEventListener("click", function () { confirmBox.hidden = true; clearButton.focus(); say("Nothing was cleared."); });
    yes.addEventListener("click", function () {
      store.clear();
      nameBox.value = "";
      confirmBox.hidden = true;
      refresh();
      clearButton.focus();
      say("This browser's record is cleared.");
    });
    append(buttons, printButton, exportButton);
    append(actions, buttons, append(el("p", {className: "stemcpd-record-import"}), importLabel, importBox),
      append(el("p"), clearButton), confirmBox, message);

    var holder = el("div", {className: "stemcpd-record-holder"});
    function refresh() {
      holder.textContent = "";
      renderRecord(holder, data, say);
    }
    append(root, actions, holder);
    refresh();
    window.addEventListener("storage", function (event) {
      if (!event.key || event.key.indexOf("stemcpd:") === 0) refresh();
    });
  }

  // ------------------------------------------------------------------ start

  function start() {
    if (!store) return;
    var firstModule = null;
    var forms = document.querySelectorAll("div.stemcpd-record-form");
    for (var i = 0; i < forms.length; i++) {
      var module = buildForm(forms[i], i);
      if (module && firstModule === null) firstModule = module;
    }
    if (firstModule) {
      showProgress(forms[0], firstModule);
      trackVisits(firstModule);
    }
    var recordRoot = document.getElementById("stemcpd-my-record");
    if (recordRoot) buildRecordPage(recordRoot);
  }

  window.stemcpdRecord = {checkRecord: checkRecord, summarise: summarise, fieldTypes: FIELD_TYPES};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
