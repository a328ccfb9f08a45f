/* stemcpd simulation player: one generic, kernel-free player for every simulation.
 *
 * Python computed every setting at build time with the simulation's own model and
 * drew it with its own view; stemcpd.ui.scene recorded what the view drew as data
 * (paths, markers, particle collections, glyphs) over a background picture. This file
 * only draws that data on a <canvas> and builds the controls from the manifest: no
 * physics here, and nothing specific to any simulation.
 *
 * A page holds placeholders written by the notebooks:
 *   <figure class="stemcpd-player" data-stemcpd-sim="pendulum"
 *           data-stemcpd-src="../_static/stemcpd-sims/<key>/">…</figure>
 * (or data-stemcpd-inline="<key>" with window.stemcpdPlayerData[<key>] holding every
 * file, in the self-contained offline file). Data loads lazily: a player loads its
 * manifest when it comes near the view (the first one at once), and a setting's data
 * when the reader moves to it.
 *
 * Untrusted text (the page address) is only ever used to pick among the manifest's own
 * values and only ever shown through textContent.
 */
(function () {
  "use strict";

  var SCALE = 10; // coordinates are tenths of a pixel
  var STILL_MS = 1000; // the long description is read after the controls are still this long
  var counter = 0;

  // ----- data -------------------------------------------------------------------------
  function source(figure) {
    var inline = figure.getAttribute("data-stemcpd-inline");
    if (inline) {
      var files = (window.stemcpdPlayerData || {})[inline] || {};
      return {
        json: function (name) {
          return name in files ? Promise.resolve(files[name]) : Promise.reject(new Error("missing " + name));
        },
        url: function (name) { return files[name]; }
      };
    }
    var base = figure.getAttribute("data-stemcpd-src") || "";
    return {
      json: function (name) {
        return fetch(base + name).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + name);
          return response.json();
        });
      },
      url: function (name) { return base + name; }
    };
  }

  // ----- drawing recorded commands ----------------------------------------------------------
  function buildPath(v, c, path) {
    path = path || new Path2D();
    var i = 0, li, n;
    if (!c) {
      for (i = 0; i < v.length; i += 2) {
        if (i === 0) path.moveTo(v[0] / SCALE, v[1] / SCALE);
        else path.lineTo(v[i] / SCALE, v[i + 1] / SCALE);
      }
      return path;
    }
    for (li = 0, n = c.length; li < n;) {
      var letter = c.charAt(li);
      if (letter === "M") { path.moveTo(v[i] / SCALE, v[i + 1] / SCALE); i += 2; li += 1; }
      else if (letter === "L") { path.lineTo(v[i] / SCALE, v[i + 1] / SCALE); i += 2; li += 1; }
      else if (letter === "Q") {
        path.quadraticCurveTo(v[i] / SCALE, v[i + 1] / SCALE, v[i + 2] / SCALE, v[i + 3] / SCALE);
        i += 4; li += 2;
      } else if (letter === "C") {
        path.bezierCurveTo(v[i] / SCALE, v[i + 1] / SCALE, v[i + 2] / SCALE, v[i + 3] / SCALE,
          v[i + 4] / SCALE, v[i + 5] / SCALE);
        i += 6; li += 3;
      } else if (letter === "Z") { path.closePath(); li += 1; }
      else { i += 2; li += 1; }
    }
    return path;
  }

  function cachedPath(shape) {
    if (!shape._path) shape._path = buildPath(shape.v, shape.c);
    return shape._path;
  }

  // A hatch tile drawn once at the canvas's resolution, repeated in figure pixels.
  function hatchPattern(ctx, hatch, colour, width) {
    var scale = ctx.getTransform().a || 1;
    hatch._patterns = hatch._patterns || {};
    var key = colour + " " + width + " " + scale;
    if (!hatch._patterns[key]) {
      var tile = document.createElement("canvas");
      var size = Math.max(1, Math.round(hatch.z * scale));
      tile.width = tile.height = size;
      var tileContext = tile.getContext("2d");
      tileContext.scale(size / hatch.z, size / hatch.z);
      tileContext.strokeStyle = colour;
      tileContext.lineWidth = width;
      tileContext.lineCap = "square";
      tileContext.stroke(buildPath(hatch.v, hatch.c));
      var pattern = ctx.createPattern(tile, "repeat");
      if (pattern.setTransform) pattern.setTransform(new DOMMatrix([hatch.z / size, 0, 0, hatch.z / size, 0, 0]));
      hatch._patterns[key] = pattern;
    }
    return hatch._patterns[key];
  }

  function applyClip(ctx, command) {
    if (command.r) {
      var r = command.r;
      ctx.beginPath();
      ctx.rect(r[0] / SCALE, r[1] / SCALE, r[2] / SCALE, r[3] / SCALE);
      ctx.clip();
    }
    if (command.q) ctx.clip(cachedPath(command.q));
  }

  function strokeStyle(ctx, colour, width, command) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(command.d || []);
    ctx.lineDashOffset = command.o || 0;
    ctx.lineJoin = command.j || "round";
    ctx.lineCap = command.k || "butt";
  }

  function paintShape(ctx, path, fill, stroke, width, command) {
    if (fill) { ctx.fillStyle = fill; ctx.fill(path); }
    if (stroke) { strokeStyle(ctx, stroke, width, command); ctx.stroke(path); }
  }

  function drawCommand(ctx, command, manifest, images, redraw) {
    var glyphs = manifest.glyphs;
    ctx.save();
    applyClip(ctx, command);
    var i, x = command.x;
    if (command.t === "p") {
      var pathOf = cachedPath(command);
      if (command.f) { ctx.fillStyle = command.f; ctx.fill(pathOf); }
      if (command.h) {
        ctx.fillStyle = hatchPattern(ctx, manifest.hatches[command.h[0]], command.h[1], command.h[2]);
        ctx.fill(pathOf);
      }
      paintShape(ctx, pathOf, null, command.s, command.w, command);
    } else if (command.t === "m") {
      var marker = cachedPath(command);
      for (i = 0; i < x.length; i += 2) {
        ctx.save();
        ctx.translate(x[i] / SCALE, x[i + 1] / SCALE);
        paintShape(ctx, marker, command.f, command.s, command.w, command);
        ctx.restore();
      }
    } else if (command.t === "n") {
      var shapes = command.shapes, fills = command.fills || [], strokes = command.strokes || [];
      var widths = command.widths || [0];
      for (i = 0; i < x.length / 2; i++) {
        var shape = shapes[command.si ? command.si[i] : 0];
        ctx.save();
        ctx.translate(x[2 * i] / SCALE, x[2 * i + 1] / SCALE);
        paintShape(ctx, cachedPath(shape), fills[command.fi ? command.fi[i] : 0],
          strokes[command.ki ? command.ki[i] : 0], widths[command.wi ? command.wi[i] : 0], command);
        ctx.restore();
      }
    } else if (command.t === "g") {
      var m = command.m, g = command.g;
      ctx.translate(m[0] / SCALE, m[1] / SCALE);
      ctx.rotate(-m[2] * Math.PI / 180);
      ctx.scale(m[3], m[3]);
      ctx.fillStyle = command.f;
      for (i = 0; i < g.length; i += 3) {
        ctx.save();
        ctx.translate(g[i + 1] / SCALE, g[i + 2] / SCALE);
        if (command.s) { var s = command.s[i / 3]; ctx.scale(s, s); }
        ctx.fill(cachedPath(glyphs[g[i]]));
        ctx.restore();
      }
      (command.rects || []).forEach(function (rect) { ctx.fill(cachedPath(rect)); });
    } else if (command.t === "i") {
      var image = images[command.png];
      if (!image) {
        image = images[command.png] = new Image();
        image.onload = redraw;
        image.src = "data:image/png;base64," + command.png;
      }
      if (image.complete && image.naturalWidth) ctx.drawImage(image, command.x / SCALE, command.y / SCALE, command.w, command.h);
    }
    ctx.restore();
  }

  // ----- small DOM helpers (text only ever through textContent) ------------------------------
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var ALLOWED = { b: 1, i: 1, sup: 1, sub: 1 };
  function fillSegments(node, segments) {
    node.textContent = "";
    (segments || []).forEach(function (segment) {
      if (segment[0] && ALLOWED[segment[0]]) node.appendChild(element(segment[0], {}, segment[1]));
      else node.appendChild(document.createTextNode(segment[1]));
    });
  }

  function segmentsText(segments) {
    return (segments || []).map(function (segment) { return segment[1]; }).join("").trim();
  }

  // ----- one player ------------------------------------------------------------------------------
  function Player(figure) {
    this.figure = figure;
    this.data = source(figure);
    this.id = "stemcpd-player-" + (++counter);
    this.settings = {}; // index -> promise of setting data
    this.images = {};
    this.backgrounds = {};
    this.frame = 0;
    this.playing = false;
  }

  Player.prototype.start = function () {
    var self = this;
    if (this.started) return;
    this.started = true;
    var loading = this.figure.querySelector(".stemcpd-player-loading");
    if (loading) loading.textContent = "Loading the simulation…";
    // The workbook's own setting is always s0.json: ask for it alongside the manifest,
    // so the first figure needs one round trip less.
    this.settings[0] = this.data.json("s0.json").then(function (setting) {
      self.prepare(setting);
      return setting;
    });
    this.settings[0].catch(function () { /* reported when shown */ });
    return this.data.json("manifest.json").then(function (manifest) {
      self.manifest = manifest;
      self.build();
      if (loading) loading.remove();
      var opening = self.openingSetting();
      self.values = opening.values;
      self.frame = manifest.frames ? manifest.startFrame : 0;
      return self.show(opening.setting, opening.note, true);
    }).catch(function (error) {
      if (loading) loading.textContent = "The simulation could not be loaded (" + error.message + "). The description below says what it shows.";
      if (window.console) console.error("stemcpd player:", error);
    });
  };

  Player.prototype.build = function () {
    var self = this, manifest = this.manifest, id = this.id;
    var figure = this.figure;
    figure.classList.add("stemcpd-player-ready");
    var description = figure.querySelector(".stemcpd-player-description");

    var ui = element("div", { class: "stemcpd-player-ui" });
    this.readout = element("p", { class: "stemcpd-player-readout" });
    ui.appendChild(this.readout);

    var stage = element("div", { class: "stemcpd-player-stage" });
    stage.style.maxWidth = manifest.width + "px";
    this.canvas = element("canvas", {
      role: "img", class: "stemcpd-player-canvas",
      "aria-label": manifest.title + " simulation: the figure described below",
      width: manifest.width, height: manifest.height
    });
    this.canvas.style.aspectRatio = manifest.width + " / " + manifest.height;
    stage.appendChild(this.canvas);
    ui.appendChild(stage);
    this.ctx = this.canvas.getContext("2d");

    if (manifest.frames) ui.appendChild(this.buildPlayback());

    var controls = element("fieldset", { class: "stemcpd-player-controls" });
    controls.appendChild(element("legend", {}, "Change one thing at a time (the others stay at the workbook's setting)"));
    this.inputs = [];
    manifest.controls.forEach(function (control, index) {
      if (control.kind === "choice") {
        controls.appendChild(self.buildChoice(control, index));
        return;
      }
      var row = element("div", { class: "stemcpd-player-control" });
      var inputId = id + "-" + control.name;
      var label = element("label", { for: inputId }, control.label);
      var input = element("input", {
        type: "range", id: inputId, min: "0", max: String(control.values.length - 1), step: "1",
        "data-control": control.name
      });
      if (control.help) input.setAttribute("title", control.help);
      var output = element("output", { for: inputId, "aria-hidden": "true" });
      input.addEventListener("input", function () { self.controlMoved(index, +input.value); });
      row.appendChild(label);
      row.appendChild(input);
      row.appendChild(output);
      controls.appendChild(row);
      self.inputs.push({ control: control, input: input, output: output });
    });
    this.presetButtons = [];
    (manifest.presets || []).forEach(function (preset) {
      var index = manifest.controls.findIndex(function (c) { return c.name === preset.control; });
      if (index < 0) return;
      var group = element("div", { class: "stemcpd-player-presets", role: "group", "aria-label": preset.label });
      group.appendChild(element("span", { class: "stemcpd-player-presets-label", "aria-hidden": "true" }, preset.label + ":"));
      preset.values.forEach(function (item) {
        var valueIndex = nearestIndex(manifest.controls[index].values, item.value);
        var button = element("button", { type: "button", "aria-pressed": "false" }, item.label);
        if (preset.help) button.setAttribute("title", preset.help);
        button.addEventListener("click", function () {
          self.inputs[index].input.value = String(valueIndex);
          self.controlMoved(index, valueIndex);
        });
        group.appendChild(button);
        self.presetButtons.push({ control: index, value: valueIndex, button: button });
      });
      controls.appendChild(group);
    });
    var back = element("button", { type: "button", class: "stemcpd-player-back" }, "Back to the workbook's setting");
    back.addEventListener("click", function () { self.backToWorkbook(); });
    controls.appendChild(back);
    ui.appendChild(controls);

    this.status = element("p", { class: "stemcpd-player-status", role: "status", "aria-live": "polite" });
    ui.appendChild(this.status);

    var details = element("details", { class: "stemcpd-player-describe" });
    details.appendChild(element("summary", {}, "Describe the figure"));
    this.longText = element("p", { class: "stemcpd-player-long" });
    details.appendChild(this.longText);
    ui.appendChild(details);

    var share = element("div", { class: "stemcpd-player-share" });
    var copy = element("button", { type: "button", class: "stemcpd-player-copy" }, "Copy link to this setting");
    this.linkBox = element("input", { type: "text", readonly: "", class: "stemcpd-player-link", "aria-label": "Link to this setting" });
    this.linkBox.hidden = true;
    copy.addEventListener("click", function () { self.copyLink(); });
    share.appendChild(copy);
    share.appendChild(this.linkBox);
    ui.appendChild(share);

    if (description) description.classList.add("stemcpd-player-static-description");
    var caption = figure.querySelector("figcaption");
    if (caption) figure.insertBefore(ui, caption); else figure.appendChild(ui);
    if (description) description.hidden = true;

    if (window.ResizeObserver) {
      new ResizeObserver(function () { self.resize(); }).observe(stage);
    }
    this.resize();
  };

  // A choice (a solvent, a reaction, a catalyst on or off) is a real choice widget, as in
  // the live app: toggle buttons (aria-pressed), a drop-down (<select>) or a checkbox.
  Player.prototype.buildChoice = function (control, index) {
    var self = this, inputId = this.id + "-" + control.name, item = { control: control };
    var row = element("div", { class: "stemcpd-player-control stemcpd-player-choice", "data-control": control.name });
    if (control.widget === "checkbox") {
      var box = element("input", { type: "checkbox", id: inputId, "data-control": control.name });
      if (control.help) box.setAttribute("title", control.help);
      var on = control.values.indexOf(true), off = control.values.indexOf(false);
      box.addEventListener("change", function () { self.controlMoved(index, box.checked ? on : off); });
      row.appendChild(box);
      row.appendChild(element("label", { for: inputId }, control.label));
      item.set = function (valueIndex) { box.checked = control.values[valueIndex] === true; };
    } else if (control.widget === "dropdown") {
      var select = element("select", { id: inputId, "data-control": control.name });
      if (control.help) select.setAttribute("title", control.help);
      control.texts.forEach(function (text, valueIndex) {
        select.appendChild(element("option", { value: String(valueIndex) }, text));
      });
      select.addEventListener("change", function () { self.controlMoved(index, +select.value); });
      row.appendChild(element("label", { for: inputId }, control.label));
      row.appendChild(select);
      item.set = function (valueIndex) { select.value = String(valueIndex); };
    } else {
      var labelId = inputId + "-label";
      row.appendChild(element("span", { id: labelId, class: "stemcpd-player-choice-label" }, control.label));
      var group = element("div", { role: "group", "aria-labelledby": labelId, class: "stemcpd-player-choice-buttons" });
      var buttons = control.texts.map(function (text, valueIndex) {
        var button = element("button", { type: "button", "aria-pressed": "false", "data-value-index": String(valueIndex) }, text);
        if (control.help) button.setAttribute("title", control.help);
        button.addEventListener("click", function () { self.controlMoved(index, valueIndex); });
        group.appendChild(button);
        return button;
      });
      row.appendChild(group);
      item.set = function (valueIndex) {
        buttons.forEach(function (button, other) { button.setAttribute("aria-pressed", String(other === valueIndex)); });
      };
    }
    this.inputs.push(item);
    return row;
  };

  Player.prototype.buildPlayback = function () {
    var self = this, manifest = this.manifest;
    var bar = element("div", { class: "stemcpd-player-playback", role: "group", "aria-label": "Time" });
    this.playButton = element("button", { type: "button", class: "stemcpd-player-play" }, "Play");
    this.stepButton = element("button", { type: "button", class: "stemcpd-player-step" }, "Step");
    this.resetButton = element("button", { type: "button", class: "stemcpd-player-reset" }, "Reset");
    var timeId = this.id + "-time";
    var label = element("label", { for: timeId }, "Time");
    this.timeInput = element("input", { type: "range", id: timeId, min: "0", max: String(manifest.frames), step: "1", value: "0" });
    this.timeOutput = element("output", { for: timeId, class: "stemcpd-player-time" });
    this.playButton.addEventListener("click", function () { if (self.playing) self.pause(); else self.play(); });
    this.stepButton.addEventListener("click", function () { self.pause(); self.seek(Math.min(self.frame + 1, manifest.frames)); });
    this.resetButton.addEventListener("click", function () { self.pause(); self.seek(0); });
    this.timeInput.addEventListener("input", function () { self.pause(); self.seek(+self.timeInput.value); });
    [this.playButton, this.stepButton, this.resetButton, label, this.timeInput, this.timeOutput].forEach(function (node) {
      bar.appendChild(node);
    });
    return bar;
  };

  Player.prototype.resize = function () {
    if (!this.canvas) return;
    var width = this.canvas.clientWidth || this.manifest.width;
    var ratio = window.devicePixelRatio || 1;
    var pixels = Math.max(1, Math.round(width * ratio));
    if (pixels !== this.canvas.width) {
      this.canvas.width = pixels;
      this.canvas.height = Math.round(pixels * this.manifest.height / this.manifest.width);
      this.draw();
    }
  };

  // The setting to open at: the workbook's, or the one named in the page address.
  Player.prototype.openingSetting = function () {
    var manifest = this.manifest;
    var values = manifest.controls.map(function (control) { return baseIndex(control); });
    var baseValues = values.slice();
    var result = { values: values, setting: manifest.base, note: "" };
    var hash = (window.location.hash || "").replace(/^#/, "");
    if (!hash) return result;
    var params = {};
    hash.split("&").forEach(function (part) {
      var pieces = part.split("=");
      try { params[decodeURIComponent(pieces[0])] = decodeURIComponent(pieces.slice(1).join("=")); } catch (e) { /* ignore */ }
    });
    if (params.sim !== manifest.sim) return result;
    var players = document.querySelectorAll('figure.stemcpd-player[data-stemcpd-sim="' + manifest.sim + '"]');
    if (players[0] !== this.figure) return result; // the address names the first player of a simulation
    var notes = [], changed = -1;
    manifest.controls.forEach(function (control, index) {
      if (!(control.name in params)) return;
      if (control.kind === "choice") {
        var option = control.values.map(String).indexOf(params[control.name]);
        if (option < 0) { notes.push("The link's " + control.label.toLowerCase() + " is not one of its options, so it is unchanged."); return; }
        if (option === baseValues[index]) return;
        if (changed >= 0) {
          notes.push("One change at a time: the link also set " + control.label.toLowerCase() + ", which stays at " + control.texts[baseValues[index]] + ".");
          return;
        }
        changed = index;
        values[index] = option;
        return;
      }
      var wanted = parseFloat(params[control.name]);
      if (!isFinite(wanted)) { notes.push("The link's " + control.label.toLowerCase() + " was not a number, so it is unchanged."); return; }
      var nearest = nearestIndex(control.values, wanted);
      if (nearest === baseValues[index]) return;
      if (changed >= 0) {
        notes.push("One change at a time: the link also set " + control.label.toLowerCase() + ", which stays at " + control.texts[baseValues[index]] + ".");
        return;
      }
      changed = index;
      values[index] = nearest;
      if (Math.abs(control.values[nearest] - wanted) > 1e-9) {
        notes.push(control.label + " " + wanted + (control.unit ? " " + control.unit : "") + " is not one of this page's settings; showing the nearest, " + control.texts[nearest] + ".");
      }
    });
    if (changed >= 0) {
      result.setting = manifest.controls[changed].settings[values[changed]];
      notes.unshift("Opened at the link's setting: " + manifest.controls[changed].label.toLowerCase() + " " + manifest.controls[changed].texts[values[changed]] + ".");
    }
    result.note = notes.join(" ");
    var figure = this.figure;
    setTimeout(function () { figure.scrollIntoView({ block: "start" }); }, 0);
    return result;
  };

  Player.prototype.loadSetting = function (index) {
    var self = this;
    if (!this.settings[index]) {
      var entry = this.manifest.settings[index];
      this.settings[index] = this.data.json(entry.file).then(function (setting) {
        self.prepare(setting);
        return setting;
      });
    }
    return this.settings[index];
  };

  // A moment may store how far things moved since the moment before ("dx": offsets of
  // markers or particles; "dv": vertices of a path), instead of repeating them.
  function undelta(command, before) {
    if (command.t !== "dx" && command.t !== "dv") return command;
    var key = command.t === "dx" ? "x" : "v";
    var full = {};
    Object.keys(before).forEach(function (name) { if (name !== "_path") full[name] = before[name]; });
    full[key] = before[key].map(function (value, index) { return value + command[key][index]; });
    if (key === "x" && before._path) full._path = before._path; // the shape is unchanged
    return full;
  }

  // Every moment's full list of layers (each moment stores only what changed).
  Player.prototype.prepare = function (setting) {
    var states = [{ layers: setting.layers, background: setting.background, readout: "" }];
    (setting.frames || []).forEach(function (frame, index) {
      if (index === 0) { states[0].readout = frame.r; return; }
      var previous = states[index - 1];
      var layers = previous.layers;
      if (frame.l) {
        layers = layers.slice();
        Object.keys(frame.l).forEach(function (key) {
          var before = layers[+key] || [];
          layers[+key] = frame.l[key].map(function (command, index) { return undelta(command, before[index]); });
        });
      }
      states.push({ layers: layers, background: frame.b || previous.background, readout: frame.r });
    });
    setting.states = states;
    this.background(setting.background);
  };

  Player.prototype.background = function (name) {
    var self = this;
    if (!this.backgrounds[name]) {
      var image = new Image();
      image.onload = function () { if (self.current && self.state() && self.state().background === name) self.draw(); };
      image.src = this.data.url(name);
      this.backgrounds[name] = image;
    }
    return this.backgrounds[name];
  };

  Player.prototype.state = function () {
    if (!this.current) return null;
    var states = this.current.states;
    return states[Math.min(this.frame, states.length - 1)];
  };

  Player.prototype.draw = function () {
    var state = this.state();
    if (!state || !this.ctx) return;
    var ctx = this.ctx, manifest = this.manifest, self = this;
    var k = this.canvas.width / manifest.width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(k, 0, 0, k, 0, 0);
    var image = this.background(state.background);
    if (image.complete && image.naturalWidth) ctx.drawImage(image, 0, 0, manifest.width, manifest.height);
    var redraw = function () { self.draw(); };
    state.layers.forEach(function (layer) {
      (layer || []).forEach(function (command) { drawCommand(ctx, command, manifest, self.images, redraw); });
    });
    if (!this.firstFigure && image.complete && image.naturalWidth && window.performance && performance.mark) {
      this.firstFigure = true; // for the benchmark: when the first complete figure was drawn
      performance.mark("stemcpd-player-figure");
    }
    if (this.timeOutput) {
      this.timeOutput.textContent = state.readout;
      this.timeInput.value = String(this.frame);
      this.timeInput.setAttribute("aria-valuetext", state.readout);
    }
  };

  Player.prototype.show = function (index, note, opening) {
    var self = this;
    this.settingIndex = index;
    return this.loadSetting(index).then(function (setting) {
      if (self.settingIndex !== index) return; // the reader has moved on
      self.current = setting;
      self.syncControls();
      fillSegments(self.readout, setting.readout);
      self.longText.textContent = setting.describe;
      var description = self.figure.querySelector(".stemcpd-player-static-description");
      if (description) description.textContent = setting.describe;
      self.draw();
      if (opening) {
        if (note) self.say(note);
      } else {
        self.announce(note);
      }
    });
  };

  Player.prototype.syncControls = function () {
    var self = this;
    this.inputs.forEach(function (item, index) {
      var valueIndex = self.values[index];
      if (item.set) { item.set(valueIndex); return; }
      item.input.value = String(valueIndex);
      item.output.textContent = item.control.texts[valueIndex];
      item.input.setAttribute("aria-valuetext", item.control.texts[valueIndex]);
    });
    this.presetButtons.forEach(function (preset) {
      preset.button.setAttribute("aria-pressed", String(self.values[preset.control] === preset.value));
    });
  };

  Player.prototype.controlMoved = function (index, valueIndex) {
    var manifest = this.manifest, self = this, notes = [];
    // One factor at a time: any other control the reader had moved goes back.
    manifest.controls.forEach(function (control, other) {
      var base = baseIndex(control);
      if (other !== index && self.values[other] !== base) {
        self.values[other] = base;
        notes.push("One change at a time: " + control.label.toLowerCase() + " back to " + control.texts[base] + ", as in a fair test.");
      }
    });
    this.values[index] = valueIndex;
    this.changedControl = index;
    this.syncControls();
    var setting = manifest.controls[index].settings[valueIndex];
    this.show(setting, notes.join(" "), false);
  };

  Player.prototype.backToWorkbook = function () {
    var manifest = this.manifest;
    this.values = manifest.controls.map(function (control) { return baseIndex(control); });
    this.changedControl = undefined;
    this.syncControls();
    this.show(manifest.base, "Back to the workbook's setting.", false);
  };

  // Short summary now; the long description once the controls have been still a moment.
  Player.prototype.announce = function (note) {
    var self = this, setting = this.current, control = this.manifest.controls[this.changedControl];
    var valueText = control ? control.label + " " + control.texts[this.values[this.changedControl]] : "";
    var short = (valueText ? valueText + ": " : "") + (setting.summary || "");
    this.say((note ? note + " " : "") + short);
    clearTimeout(this.stillTimer);
    this.stillTimer = setTimeout(function () {
      if (self.current === setting) self.say(setting.describe);
    }, STILL_MS);
  };

  Player.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Player.prototype.seek = function (frame) {
    this.frame = Math.max(0, Math.min(frame, this.manifest.frames));
    this.draw();
  };

  Player.prototype.play = function () {
    var self = this, manifest = this.manifest;
    if (this.frame >= manifest.frames) this.frame = 0;
    this.playing = true;
    this.playButton.textContent = "Pause";
    var startFrame = this.frame, startTime = null;
    var tick = function (now) {
      if (!self.playing) return;
      if (startTime === null) startTime = now;
      var frame = startFrame + Math.floor((now - startTime) / 1000 * manifest.fps);
      if (frame !== self.frame) self.seek(frame);
      if (frame >= manifest.frames) { self.pause(); return; }
      self.animation = requestAnimationFrame(tick);
    };
    this.animation = requestAnimationFrame(tick);
  };

  Player.prototype.pause = function () {
    this.playing = false;
    if (this.animation) cancelAnimationFrame(this.animation);
    if (this.playButton) this.playButton.textContent = "Play";
  };

  Player.prototype.link = function () {
    var manifest = this.manifest, self = this;
    var parts = ["sim=" + encodeURIComponent(manifest.sim)];
    manifest.controls.forEach(function (control, index) {
      var base = baseIndex(control);
      if (self.values[index] !== base) parts.push(encodeURIComponent(control.name) + "=" + encodeURIComponent(String(control.values[self.values[index]])));
    });
    return window.location.href.split("#")[0] + "#" + parts.join("&");
  };

  Player.prototype.copyLink = function () {
    var self = this, url = this.link();
    var fallback = function () {
      self.linkBox.hidden = false;
      self.linkBox.value = url;
      self.linkBox.focus();
      self.linkBox.select();
      self.say("The link is selected in the box below: copy it with Ctrl+C (or Cmd+C).");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () {
        self.linkBox.hidden = false;
        self.linkBox.value = url;
        self.say("Link copied: it opens this simulation at this setting.");
      }, fallback);
    } else {
      fallback();
    }
  };

  function baseIndex(control) {
    if (control.kind === "choice") return Math.max(0, control.values.indexOf(control.base));
    return nearestIndex(control.values, control.base);
  }

  function nearestIndex(values, wanted) {
    var best = 0;
    for (var i = 1; i < values.length; i++) {
      if (Math.abs(values[i] - wanted) < Math.abs(values[best] - wanted)) best = i;
    }
    return best;
  }

  // ----- start the players on this page ---------------------------------------------------------
  function init() {
    var figures = document.querySelectorAll("figure.stemcpd-player[data-stemcpd-src], figure.stemcpd-player[data-stemcpd-inline]");
    var observer = null;
    if (window.IntersectionObserver) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            entry.target._stemcpdPlayer.start();
          }
        });
      }, { rootMargin: "300px 0px" });
    }
    var hash = window.location.hash || "";
    Array.prototype.forEach.call(figures, function (figure, index) {
      if (figure._stemcpdPlayer) return;
      var player = figure._stemcpdPlayer = new Player(figure);
      var named = hash.indexOf("sim=" + figure.getAttribute("data-stemcpd-sim")) >= 0;
      // The first player (and one the page address names) starts at once.
      if (index === 0 || named || !observer) player.start();
      else observer.observe(figure);
    });
  }

  window.stemcpdPlayer = { init: init, Player: Player };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
