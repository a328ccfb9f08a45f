/* stemcpd quantity marking in the browser: window.stemcpdQuantity.
 *
 * A generic reader and marker for typed quantities ("993 J/kg °C", "125 400 J",
 * "3.2 x 10^-3 m"), step for step as stemcpd/quiz/quantity.py. It knows no unit:
 * the unit table (sizes and dimensions computed by pint), the prefixes, the text
 * replacements and the patterns arrive as data, `stemcpdQuantity.configure(data)`
 * with stemcpd.quiz.quantity.browser_data(), written in front of this file when the
 * quiz engine is assembled (stemcpd.quiz.static.engine_script). Learner text is
 * never evaluated; tests/quiz/test_quantity_parity.py runs one table of answers
 * through this file (in Node) and through Python and requires identical verdicts.
 */
(function () {
  "use strict";
  if (window.stemcpdQuantity) return;
  var D = null;            // browser_data()
  var NUMBER, DIFFERENCE, FIXED_UNIT, WORDED;

  function configure(data) {
    D = data;
    NUMBER = new RegExp(data.numberPattern, "s");
    DIFFERENCE = new RegExp(data.differencePattern, "i");
    FIXED_UNIT = new RegExp(data.fixedUnitPattern, "gi");
    WORDED = new RegExp("^" + data.wordedPattern, "i");
  }

  var SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                      "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"};
  var SUPERSCRIPT_DIGITS = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                            "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"};

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function length(text) { return Array.from(text).length; }
  function collapse(text) { return text.split(/\s+/).filter(Boolean).join(" "); }
  function printable(text) { return text.replace(/[\p{C}\p{M}]/gu, ""); }
  function superscript(text) { return String(text).split("").map(function (c) { return SUPERSCRIPT_DIGITS[c] || c; }).join(""); }

  function Problem(message) { this.message = message; }

  function normalise(text) {
    text = text.replace(/[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, function (run) {
      return "^" + Array.from(run).map(function (c) { return SUPERSCRIPTS[c]; }).join("");
    });
    text = text.split("º").join("°"); // the ordinal º, typed for a degree sign; NFKC would make it "o"
    text = text.normalize("NFKC");
    D.replacements.forEach(function (pair) { text = text.split(pair[0]).join(pair[1]); });
    return collapse(text);
  }

  // ---- numbers, rounded as pupils round (decimal digits, half up) ----
  function digitsOf(value) {
    var match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(Math.abs(value)));
    var whole = match[1], every = whole + (match[2] || "");
    var stripped = every.replace(/^0+/, "");
    var point = whole.length + Number(match[3] || 0) - (every.length - stripped.length);
    return [stripped.replace(/0+$/, "") || "0", point];
  }

  function roundFigures(value, figures) {
    if (value === 0 || !isFinite(value)) return value;
    var found = digitsOf(value), digits = found[0], point = found[1];
    figures = Math.max(1, figures);
    if (digits.length > figures) {
      var head = digits.slice(0, figures);
      if (digits.charAt(figures) >= "5") {
        head = String(Number(head) + 1);
        if (head.length > figures) { point += 1; head = head.slice(0, figures); }
      }
      digits = head;
    }
    return Number((value < 0 ? "-" : "") + "0." + digits + "e" + point);
  }

  function formatNumber(value, precision) {
    precision = precision || 6;
    if (value === 0 || !isFinite(value)) return value === 0 ? "0" : String(value);
    var found = digitsOf(roundFigures(value, precision)), digits = found[0], point = found[1];
    var sign = value < 0 ? "-" : "", exponent = point - 1;
    if (exponent < -4 || exponent >= precision) {
      var mantissa = digits.charAt(0) + (digits.length > 1 ? "." + digits.slice(1) : "");
      return sign + mantissa + "e" + (exponent >= 0 ? "+" : "-") + String(Math.abs(exponent)).padStart(2, "0");
    }
    if (point <= 0) return sign + "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
    return sign + digits.slice(0, point) + "." + digits.slice(point);
  }

  // stemcpd.quiz.quantity.format_figures
  function formatFigures(value, figures) {
    var rounded = roundFigures(value, figures);
    if (rounded === 0 || !isFinite(rounded)) return formatNumber(rounded);
    var found = digitsOf(rounded), digits = found[0], point = found[1];
    while (digits.length < Math.max(1, figures)) digits += "0";
    var sign = rounded < 0 ? "-" : "";
    if (point - 1 < -4 || point - 1 > 9) {  // standard form, every figure kept: "5.0e+14"
      var exponent = point - 1;
      var mantissa = digits.charAt(0) + (digits.length > 1 ? "." + digits.slice(1) : "");
      return sign + mantissa + "e" + (exponent >= 0 ? "+" : "-") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    if (point <= 0) return sign + "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
    return sign + digits.slice(0, point) + "." + digits.slice(point);
  }

  function same(first, second) {
    return Math.abs(first - second) <= 1e-9 * Math.max(Math.abs(first), Math.abs(second), 1e-300);
  }
  function thousands(number) { return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function significantFigures(mantissa) {
    var digits = mantissa.replace(/[ ,.]/g, "").replace(/^0+/, "");
    if (!digits) return [1, 0];
    if (mantissa.indexOf(".") >= 0) return [digits.length, 0];
    var trimmed = digits.replace(/0+$/, "");
    return [trimmed.length, digits.length - trimmed.length];
  }

  // ---- units ----
  function zeros() { return D.bases.map(function () { return 0; }); }
  function unitError(shown) {
    return new Problem("I couldn't read the unit '" + shown + "'. Use unit symbols such as m, s, kg, N, m/s² or m s⁻² " +
      "(typed m/s^2 or m s^-2).");
  }

  function atom(word) {
    var atoms = D.atoms, spellings = atoms.spellings, i, prefix, rest, entry;
    if (has(spellings, word)) return [spellings[word], null];
    if (word.toLowerCase() === "per") return null;
    for (i = 0; i < D.prefixes.length; i++) {
      prefix = D.prefixes[i];
      rest = word.slice(prefix[0].length);
      if (word.indexOf(prefix[0]) === 0 && atoms.prefixable.indexOf(rest) >= 0) {
        entry = spellings[rest];
        return [[entry[0], entry[1] * prefix[1], entry[2]], null];
      }
    }
    for (i = 0; i < D.prefixNames.length; i++) {
      var name = D.prefixNames[i];
      rest = word.slice(name[0].length);
      if (word.indexOf(name[0]) === 0 && atoms.prefixableNames.indexOf(rest) >= 0) {
        entry = spellings[rest];
        return [[entry[0], entry[1] * prefixSize(name[1]), entry[2]], null];
      }
    }
    var candidates = {}, count = 0;
    [["", 1]].concat(D.prefixes).forEach(function (pair) {
      atoms.prefixable.forEach(function (symbol) {
        var spelled = pair[0] + symbol;
        if (spelled.toLowerCase() === word.toLowerCase() && !has(candidates, spelled)) {
          candidates[spelled] = [pair[0], symbol]; count += 1;
        }
      });
    });
    if (count === 1) {
      var spelledOnly = Object.keys(candidates)[0], parts = candidates[spelledOnly];
      entry = spellings[parts[1]];
      entry = [entry[0], entry[1] * (parts[0] ? prefixSize(parts[0]) : 1), entry[2]];
      var note = (word.charAt(0) === "K" && parts[0] === "k")
        ? "Write " + spelledOnly + ", with a small k: kilo is k, and a capital K is the kelvin."
        : "Unit symbols are case-sensitive: write " + spelledOnly + ", not " + word + ".";
      return [entry, note];
    }
    return null;
  }
  function prefixSize(symbol) {
    for (var i = 0; i < D.prefixes.length; i++) if (D.prefixes[i][0] === symbol) return D.prefixes[i][1];
    return 1;
  }

  // stemcpd.quiz.quantity.parse_unit_text
  function parseUnitText(text) {
    text = collapse(text);
    if (!text) return {text: "", dimensions: zeros(), factor: 1, offset: 0, temperature: false, notes: []};
    var shown = printable(Array.from(text).slice(0, D.limits.unit).join(""));
    if (length(text) > D.limits.unit) throw unitError(shown);
    if (text.split("(").length !== text.split(")").length) throw new Problem("The brackets in the unit '" + shown + "' don't match.");
    var tokens = (text.replace(/\bper\b/g, "/").match(/[A-Za-z]+|\^\s*\(?\s*[+-]?\d{1,2}\s*\)?|[-+]?\d+|[/*()]|\S/g) || [])
      .map(function (token) { return token.charAt(0) === "^" ? token.replace(/[\s()]/g, "") : token; });
    var position = 0, notes = [], loneOffset = 0, unknown = [];

    function powerAfter() {
      if (position < tokens.length && tokens[position].charAt(0) === "^") {
        var exponent = tokens[position].slice(1);
        position += 1;
        if (!/^[+-]?\d{1,2}$/.test(exponent)) throw unitError(shown);
        return Number(exponent);
      }
      return 1;
    }

    function readGroup(depth) {
      if (depth > 3) throw unitError(shown);
      var group = [], sign = 1, expecting = true;
      while (position < tokens.length) {
        var token = tokens[position];
        if (token === ")") break;
        position += 1;
        if (token === "/") { sign = -1; expecting = true; continue; }
        if (token === "*") { expecting = true; continue; }
        if (token === "(") {
          var inner = readGroup(depth + 1);
          if (position >= tokens.length || tokens[position] !== ")") throw unitError(shown);
          position += 1;
          var power = powerAfter();
          inner.forEach(function (f) { group.push([f[0], f[1], f[2] * power * sign]); });
          expecting = false;
          continue;
        }
        if (token === "1" && position < tokens.length && tokens[position] === "/" && !group.length) continue;
        if (/^[-+]?\d+$/.test(token)) {
          if (expecting || !group.length || Math.abs(group[group.length - 1][2]) !== 1 || token.replace(/^[+-]/, "").length > 2) {
            throw unitError(shown);
          }
          var last = group[group.length - 1];
          group[group.length - 1] = [last[0], last[1], last[2] * Number(token)];
          continue;
        }
        if (!/^[A-Za-z]+$/.test(token)) throw unitError(shown);
        var found = atom(token);
        if (found === null) { unknown.push(token); continue; }
        if (found[1]) notes.push(found[1]);
        if (found[0][2]) loneOffset = found[0][2];
        group.push([found[0][0], found[0][1], powerAfter() * sign]);
        expecting = false;
      }
      return group;
    }

    var factors = readGroup(0);
    if (position !== tokens.length) throw unitError(shown);
    if (unknown.length) {
      throw new Problem("I don't recognise the unit '" + printable(unknown[0]) + "'. Use unit symbols such as m, s, kg, N " +
        "or m/s² (units are case-sensitive).");
    }
    if (!factors.length || factors.length > D.limits.factors) throw unitError(shown);
    if (factors.some(function (f) { return Math.abs(f[2]) > D.limits.power; })) throw unitError(shown);
    var dimensions = zeros(), size = 1;
    factors.forEach(function (f) {
      f[0].forEach(function (value, index) { dimensions[index] += value * f[2]; });
      for (var step = 0; step < Math.abs(f[2]); step++) size = f[2] > 0 ? size * f[1] : size / f[1];
    });
    var lone = factors.length === 1 && factors[0][2] === 1;
    var temperature = lone && factors[0][0].every(function (value, index) {
      return value === (D.bases[index] === "temperature" ? 1 : 0);
    });
    return {text: text, dimensions: dimensions, factor: size, offset: lone ? loneOffset : 0, temperature: temperature, notes: notes};
  }

  function prettyUnit(text) {
    text = text.replace(/\s*([/*()])\s*/g, "$1").replace(/\s+\^/g, "^").trim();
    text = text.replace(/[A-Za-z]+/g, function (token) {
      if (has(D.prettyTokens, token)) return D.prettyTokens[token];
      if (token.slice(-3) === "ohm" && D.prefixes.some(function (p) { return p[0] === token.slice(0, -3); })) {
        return token.slice(0, -3).replace("u", "µ") + "Ω";
      }
      if (token.length >= 2 && token.charAt(0) === "u" && D.atoms.prefixable.indexOf(token.slice(1)) >= 0) return "µ" + token.slice(1);
      return token;
    });
    text = text.replace(/\^\(?(-?\d+)\)?/g, function (m, digits) { return superscript(digits); });
    return (text.slice(-1) === "%" && text !== "%") ? text.split("*").join("·").replace(" %", "%") : text.split("*").join("·");
  }

  function equalVectors(a, b) { return a.length === b.length && a.every(function (v, i) { return v === b[i]; }); }

  // stemcpd.quiz.quantity.dimension_words
  function dimensionWords(wanted) {
    var named = D.namedDimensions, i, j;
    for (i = 0; i < named.length; i++) if (equalVectors(named[i][0], wanted)) return [named[i][1], named[i][2]];
    if (wanted.filter(function (v) { return v; }).length > 1) {
      var tops = named.filter(function (e) { return e[0].some(function (v) { return v; }) && e[1].indexOf(" per ") < 0; });
      var bottoms = tops.filter(function (e) { return D.simpleDenominators.indexOf(e[1]) >= 0; });
      for (i = 0; i < tops.length; i++) {
        for (j = 0; j < bottoms.length; j++) {
          var top = tops[i][0], bottom = bottoms[j][0];
          var combined = top.map(function (v, k) { return v - bottom[k]; });
          var cancels = top.every(function (v, k) { return !(top[k] && bottom[k]) || combined[k] * top[k] >= 0; });
          if (cancels && equalVectors(combined, wanted)) {
            var plainTop = tops[i][1].split(" (")[0], plainBottom = bottoms[j][1].split(" (")[0];
            return [plainTop + " per " + plainBottom, tops[i][2].split(" (")[0] + " per " + plainBottom];
          }
        }
      }
    }
    function power(index) {
      var exponent = Math.abs(wanted[index]);
      return D.baseWords[index] + (exponent === 1 ? "" : superscript(exponent));
    }
    var numerator = [], per = "";
    wanted.forEach(function (v, index) { if (v > 0) numerator.push(power(index)); });
    wanted.forEach(function (v, index) { if (v < 0) per += " per " + power(index); });
    var noun = (numerator.join(" × ") || "one") + per;
    return [noun, "a quantity of " + noun];
  }

  // ---- reading a response: stemcpd.quiz.quantity.read_quantity ----
  function readQuantity(text) {
    if (typeof text !== "string" || !text.trim()) throw new Problem("Type a number and its unit.");
    if (length(text) > D.limits.response) {
      throw new Problem("That answer is too long (" + length(text) + " characters); type just a number and its unit.");
    }
    text = normalise(text);
    if (length(text) > D.limits.response) throw new Problem("Type just a number and its unit.");
    var match = NUMBER.exec(text);
    if (!match || (match.groups.mantissa === undefined && match.groups.alone === undefined)) {
      throw new Problem("Start your answer with a number.");
    }
    var g = match.groups, mantissa = g.mantissa;
    var thousandsCommas = mantissa !== undefined && mantissa.indexOf(",") >= 0 && mantissa.charAt(0) !== "0";
    if (/^[+-]?\s*\d+,\d/.test(text) && !thousandsCommas) {
      throw new Problem("Use a decimal point, not a comma: write 9.81, not 9,81 (and leave out thousands separators).");
    }
    var valueText, figures;
    if (mantissa === undefined) { valueText = "1e" + g.alone; figures = [1, 0]; }
    else {
      var exponent = g.e || g.power || g.bare || "0";
      valueText = (g.sign || "") + mantissa.replace(/[ ,]/g, "") + "e" + exponent;
      figures = significantFigures(mantissa);
    }
    var value = Number(valueText);
    if (!isFinite(value)) throw new Problem("That number is too large to be a measurement; check the power of ten.");
    var unitText = collapse(g.unit.trim().replace(/(?<=[A-Za-z])\s*\^?\s*(-?\d)/g, "^$1"));
    var unit = parseUnitText(unitText);
    return {value: value, unit: unit, sigFigs: figures[0], ambiguousZeros: figures[1]};
  }
  function possibleFigures(reading) {
    var list = [];
    for (var k = reading.sigFigs; k <= reading.sigFigs + reading.ambiguousZeros; k++) list.push(k);
    return list;
  }

  var answerUnits = {};
  function answerUnitOf(text) {
    if (!has(answerUnits, text)) {
      answerUnits[text] = D.dimensionless.indexOf(text.trim()) >= 0 ? parseUnitText("") : parseUnitText(normalise(text));
    }
    return answerUnits[text];
  }

  // stemcpd.quiz.quantity.prompt_unit
  function promptUnit(prompt, answerUnit) {
    var text = (prompt || "").replace(/[*_`$]/g, " ").slice(0, 2000), match;
    FIXED_UNIT.lastIndex = 0;
    while ((match = FIXED_UNIT.exec(text)) !== null) {
      var worded = WORDED.test(match[0]);
      var candidate = normalise(match[1]).replace(/[.,;:?)]+$/, "");
      var options = [candidate, candidate.split(" ")[0]];
      for (var i = 0; i < options.length; i++) {
        var unit;
        try { unit = parseUnitText(options[i].replace(/(?<=[A-Za-z])\s*\^?\s*(-?\d)/g, "^$1")); }
        catch (error) { if (error instanceof Problem) continue; throw error; }
        if (!unit.text || unit.notes.length || !equalVectors(unit.dimensions, answerUnit.dimensions)) continue;
        if (worded || (unit.factor === answerUnit.factor && unit.offset === answerUnit.offset)) return unit;
      }
    }
    return null;
  }

  function result(correct, score, message, misconception) {
    return {correct: correct, score: score, message: message, misconception: misconception || null};
  }
  function isPercent(unit) { return unit.text === "percent" || unit.text === "%" || / percent$/.test(unit.text); }
  function isAngle(unit) {
    return unit.dimensions.every(function (v, i) { return v === (D.bases[i] === "angle" ? 1 : 0); });
  }
  function shown(unit) { return prettyUnit(unit.text); }

  function toQuestionUnit(spec, answerUnit, reading) {
    var unit = reading.unit, notes = unit.notes;
    if (unit.text === "") {
      if (answerUnit.dimensions.some(function (v) { return v; }) || isPercent(answerUnit)) {
        var fixed = promptUnit(spec.prompt, answerUnit);
        if (fixed === null && !isAngle(answerUnit) && !isPercent(answerUnit)) {
          return {value: reading.value, reading: reading, unitMissing: true, notes: []};
        }
        unit = fixed || answerUnit;
      } else {
        return {value: reading.value, reading: reading, unitMissing: false, notes: []};
      }
    }
    if (!equalVectors(unit.dimensions, answerUnit.dimensions)) {
      var message = shown(unit) + " measures " + dimensionWords(unit.dimensions)[0] + "; the answer is " +
        dimensionWords(answerUnit.dimensions)[1] + ", e.g. in " + shown(answerUnit) + ".";
      if (unit.text.indexOf("ms") === 0) message += " (ms means milliseconds; for metres per second write m/s or m s⁻¹.)";
      return result(false, 0, message, D.misconceptions.wrongDimension);
    }
    var difference = DIFFERENCE.test(spec.prompt || "");
    var typedOffset = difference ? 0 : unit.offset, answerOffset = difference ? 0 : answerUnit.offset;
    var value = reading.value * (unit.factor / answerUnit.factor) + (typedOffset - answerOffset) / answerUnit.factor;
    if (!isFinite(value)) {
      return result(false, 0, "That number is too large to be a measurement in " + shown(answerUnit) + "; check the power of ten.");
    }
    return {value: value, reading: {value: reading.value, unit: unit, sigFigs: reading.sigFigs, ambiguousZeros: reading.ambiguousZeros},
            unitMissing: false, notes: notes};
  }

  function matches(target, value, reading, allowed, minimum) {
    if (Math.abs(value - target) <= allowed * (1 + 1e-12)) return 0;
    var figures = possibleFigures(reading);
    for (var i = 0; i < figures.length; i++) {
      if (figures[i] >= minimum && same(roundFigures(target, figures[i]), value)) return figures[i];
    }
    return null;
  }

  // stemcpd.quiz.quantity.mark_quantity: never throws.
  function mark(spec, response) {
    try { return markInner(spec, response); }
    catch (error) { return result(false, 0, "That answer could not be marked; check it is a number and a unit."); }
  }

  function example(spec) { return ' Answer in the form "number unit", e.g. ' + spec.example + "."; }

  function markInner(spec, response) {
    var answerUnit = answerUnitOf(spec.unit), reading;
    try { reading = readQuantity(response); }
    catch (error) { if (error instanceof Problem) return result(false, 0, error.message + example(spec)); throw error; }
    var converted = toQuestionUnit(spec, answerUnit, reading);
    if (!has(converted, "unitMissing")) return converted;
    var notes = converted.notes.join(" ");
    var value = converted.value;
    reading = converted.reading;
    var minimum = spec.precision || spec.sigFigs || D.limits.minimumFigures;
    if (matches(spec.answer, value, reading, spec.allowed, minimum) !== null) return rightValue(spec, answerUnit, converted, notes);
    if (isPercent(answerUnit) && reading.unit.text === answerUnit.text && !responseHasUnit(response)) {
      var asPercent = reading.value * 100;
      if (matches(spec.answer, asPercent, reading, spec.allowed, minimum) !== null) {
        return result(false, 0.5, formatNumber(reading.value) + " is the right fraction; the question asks for a percentage: " +
          formatNumber(asPercent) + " %.");
      }
    }
    if ((spec.sigFigs === null || spec.sigFigs === undefined) && !converted.unitMissing) {
      for (var figures = 1; figures < minimum; figures++) {
        if (possibleFigures(reading).indexOf(figures) >= 0 && same(roundFigures(spec.answer, figures), value)) {
          var rounded = formatFigures(spec.answer, minimum);
          var basis = spec.precision ? "the data are given to " + minimum : "an answer needs at least " + minimum;
          return result(false, 0.5, "That rounds the answer too far: you gave " + figures + " significant figure" +
            (figures !== 1 ? "s" : "") + ", but " + basis + ", so give " + rounded + " " + shown(answerUnit) + ".");
        }
      }
    }
    var reminder = converted.unitMissing ? " Remember to include the unit." : "";
    var wrongs = spec.wrongAnswers || [];
    for (var i = 0; i < wrongs.length; i++) {
      var wrong = wrongs[i];
      var allowed = spec.relative !== null && spec.relative !== undefined ? Math.abs(wrong.value) * spec.relative : spec.allowed;
      if (matches(wrong.value, value, reading, allowed, minimum) !== null) {
        return result(false, 0, (wrong.feedback || "That is a common wrong answer.") + reminder, wrong.misconception);
      }
    }
    var slip = genericSlip(spec, answerUnit, converted);
    if (slip !== null) return result(slip.correct, slip.score, slip.message + reminder + (notes ? " " + notes : ""), slip.misconception);
    return result(false, 0, "That value is too " + (value > spec.answer ? "high" : "low") + ". Check your working and try again." +
      reminder + (notes ? " " + notes : ""));
  }

  function responseHasUnit(response) {
    try { return Boolean(readQuantity(response).unit.text); }
    catch (error) { if (error instanceof Problem) return false; throw error; }
  }

  function rightValue(spec, answerUnit, converted, notes) {
    var reading = converted.reading, value = converted.value;
    var tail = notes ? " " + notes : "";
    var figures = possibleFigures(reading);
    var strict = spec.sigFigs !== null && spec.sigFigs !== undefined;
    if (strict && figures.indexOf(spec.sigFigs) < 0) {
      var hint = " Give it to " + spec.sigFigs + " significant figures.";
      if (converted.unitMissing) {
        return result(false, 0.5, "The number is right, but the unit is missing: a value without a unit isn't a measurement. " +
          "Include it, e.g. " + spec.example + "." + hint);
      }
      return result(false, 0.75, "The value is right, but " + spec.sigFigs + " significant figures were expected (you gave " +
        reading.sigFigs + "). The model answer is " + spec.modelAnswer + "." + tail);
    }
    if (converted.unitMissing) {
      return result(false, 0.5, "The number is right, but the unit is missing: a value without a unit isn't a measurement. " +
        "Include it, e.g. " + spec.example + ".");
    }
    if (spec.precision !== null && spec.precision !== undefined && !strict) {
      var most = figures[figures.length - 1];
      if (most < spec.precision) {
        var rounded = formatFigures(spec.answer, spec.precision);
        return result(false, 0.5, "That rounds the answer too far: you gave " + most + " significant figure" + (most !== 1 ? "s" : "") +
          ", but the data are given to " + spec.precision + ", so the answer is worth " + spec.precision + " (" + rounded + " " +
          shown(answerUnit) + ")." + tail);
      }
      if (reading.sigFigs > spec.precision + D.limits.extraFigures) {
        tail = " The data have " + spec.precision + " significant figures, so " + spec.precision + " (or " + (spec.precision + 1) +
          ") figures are enough; more suggest a precision the data don't have." + tail;
      }
    }
    var unitShown = reading.unit.text ? shown(reading.unit) : shown(answerUnit);
    var sameUnit = reading.unit.text === "" || (reading.unit.factor === answerUnit.factor && reading.unit.offset === answerUnit.offset);
    var convertedText = sameUnit ? "" : " = " + formatNumber(value, 4) + " " + shown(answerUnit);
    return result(true, 1, (formatNumber(reading.value) + " " + unitShown + convertedText + " matches the model answer, " +
      spec.modelAnswer + "." + tail).split("  ").join(" "));
  }

  function genericSlip(spec, answerUnit, converted) {
    var value = converted.value, reading = converted.reading;
    var minimum = spec.precision || spec.sigFigs || D.limits.minimumFigures;
    if (answerUnit.temperature && !DIFFERENCE.test(spec.prompt || "")) {
      var kelvin = answerUnit.offset === 0, shifts = [273.15, 273.0];
      for (var i = 0; i < shifts.length; i++) {
        var wrong = kelvin ? spec.answer - shifts[i] : spec.answer + shifts[i];
        if (matches(wrong, value, reading, Math.max(spec.allowed, 0.5), minimum) !== null) {
          if (kelvin) {
            return result(false, 0, "That is the temperature in °C, not in kelvin: add 273 to a Celsius temperature to get " +
              "kelvin (a gas-law temperature must be in K).", D.misconceptions.celsiusNotKelvin);
          }
          return result(false, 0, "That is the temperature in kelvin; the question asks for °C: subtract 273 from a kelvin " +
            "temperature.", D.misconceptions.kelvinNotCelsius);
        }
      }
    }
    var power = powerOfTen(spec, value);
    if (power === null) return null;
    var howFar = thousands(Math.pow(10, Math.abs(power))) + " times too " + (power > 0 ? "big" : "small");
    var typed = reading.unit, prefixHint = "";
    if (typed.text && !converted.unitMissing && typed.factor !== answerUnit.factor &&
        Math.abs(reading.value - spec.answer) <= spec.allowed * (1 + 1e-12)) {
      prefixHint = " The number would be right in " + shown(answerUnit) + ", but you wrote " + shown(typed) + ": check the prefix.";
    } else if (Math.abs(power) % 3 === 0) {
      prefixHint = " A factor of 1,000 is one prefix step (J and kJ, g and kg, mA and A, m and km).";
    }
    return result(false, 0, "Your digits look right but the value is " + howFar + ". Check the unit prefixes " +
      "(cm or m, ms or s, J or kJ) and any powers of ten." + prefixHint, D.misconceptions.powerOfTen);
  }

  function powerOfTen(spec, value) {
    if (value === 0 || spec.answer === 0 || (value > 0) !== (spec.answer > 0)) return null;
    var ratio = value / spec.answer;
    if (!isFinite(ratio) || ratio <= 0) return null;
    var power = Math.round(Math.log10(ratio));
    if (power === 0 || Math.abs(power) > D.limits.slip) return null;
    return Math.abs(value / Math.pow(10, power) - spec.answer) <= spec.allowed * (1 + 1e-12) ? power : null;
  }

  window.stemcpdQuantity = {configure: configure, mark: mark, readQuantity: readQuantity, parseUnitText: parseUnitText,
                            formatNumber: formatNumber, roundFigures: roundFigures, prettyUnit: prettyUnit,
                            dimensionWords: dimensionWords, ready: function () { return D !== null; }};
})();
