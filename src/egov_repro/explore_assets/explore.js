/* egov-repro explorer (egov_repro.site.explore): choose countries and a region median; the
   chart (uPlot), the table and the CSV link show the same rows; the address keeps the
   choice (?c=IDN,VNM&r=southeast-asia&m=egdi). The charting library is fetched when the
   chart comes into view or the country field is used, so a phone that only reads the
   table never parses it. MIT licence, like the package's code. */
(function () {
  "use strict";
  var root = document.querySelector(".egov-explore");
  if (!root) return;
  var COLOURS = ["#1f5fbf", "#c2410c", "#15803d", "#a21caf", "#b91c1c", "#0f766e", "#854d0e", "#4338ca"];
  var MEDIAN = "#555555";
  var lang = root.getAttribute("lang") || "en";
  var locale = lang === "id" ? "id-ID" : "en-US";
  var decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  var whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  var tick = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  var input = root.querySelector("#egov-explore-input");
  var listbox = root.querySelector("#egov-explore-options");
  var chips = root.querySelector(".egov-explore-chips");
  var regionSelect = root.querySelector("#egov-explore-region");
  var measureSelect = root.querySelector("#egov-explore-measure");
  var chartBox = root.querySelector(".egov-explore-chart");
  var legend = root.querySelector(".egov-explore-legend");
  var status = root.querySelector(".egov-explore-status");
  var tableBox = root.querySelector(".egov-explore-table");
  var download = root.querySelector(".egov-explore-download");
  var data, words, state = { codes: [], region: "", measure: "egdi" };
  var chart = null, csvUrl = null, matches = [], active = -1;
  var library = null, chartWanted = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function joinAnd(items) {
    if (items.length <= 2) return items.join(lang === "en" ? " and " : " dan ");
    return items.slice(0, -1).join(", ") + (lang === "en" ? " and " : ", dan ") + items[items.length - 1];
  }
  var point = decimals.formatToParts(1.5).filter(function (p) { return p.type === "decimal"; })[0].value;
  /* Four decimals rounded as the book's Python code rounds (egov_repro.words.text.rounded):
     the value read to ten decimals (which drops a float's own noise), then half away
     from zero on that decimal value (0.39775 -> 0.3978), as the UN and a reader round.
     CLDR gives the separators. */
  function fixed4(value) {
    var exact = Math.abs(value).toFixed(10), dot = exact.indexOf(".");
    var kept = exact.slice(0, dot + 5), rest = exact.slice(dot + 5);
    var digits = (kept.slice(0, dot) + kept.slice(dot + 1)).split("").map(Number);
    var up = rest[0] >= "5";
    for (var i = digits.length - 1; up && i >= 0; i--) {
      digits[i] = (digits[i] + 1) % 10;
      up = digits[i] === 0;
    }
    if (up) digits.unshift(1);
    var whole_ = Number(digits.slice(0, digits.length - 4).join(""));
    var sign = value < 0 && /[1-9]/.test(digits.join("")) ? "\u2212" : "";
    return sign + whole.format(whole_) + point + digits.slice(-4).join("");
  }
  function format(measure, value) {
    if (value === null || value === undefined) return "–";
    return measure === "egdi_rank" ? whole.format(value) : fixed4(value);
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function nameOf(code) { return data.countries[code].name; }
  function measureIndex(measure) { return data.measures.indexOf(measure); }

  /* --- the state and the address ------------------------------------------------- */
  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    var asked = params.has("c") ? params.get("c").split(",") : [data["default"]];
    var unknown = [];
    state.codes = [];
    asked.forEach(function (raw) {
      var code = raw.trim().toUpperCase();
      if (!code) return;
      if (!data.countries[code]) unknown.push(raw.trim());
      else if (state.codes.indexOf(code) < 0 && state.codes.length < data.max_countries) state.codes.push(code);
    });
    var region = params.get("r") || "";
    state.region = data.regions[region] ? region : "";
    var measure = params.get("m") || "egdi";
    state.measure = data.measures.indexOf(measure) >= 0 ? measure : "egdi";
    return unknown;
  }
  function writeAddress() {
    var query = "?c=" + state.codes.join(",");
    if (state.region) query += "&r=" + encodeURIComponent(state.region);
    if (state.measure !== "egdi") query += "&m=" + encodeURIComponent(state.measure);
    window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
  }

  /* --- the rows: one list for the table and the CSV -------------------------------- */
  function rows() {
    var found = [];
    state.codes.forEach(function (code) {
      var entry = data.countries[code];
      data.years.forEach(function (year, i) {
        var row = { iso3: code, name: entry.name, year: year };
        data.measures.forEach(function (m, k) { row[m] = entry.values[k][i]; });
        found.push(row);
      });
    });
    if (state.region) {
      var region = data.regions[state.region];
      var name = fill(words.median_of, { region: region.name });
      data.years.forEach(function (year, i) {
        var row = { iso3: "", name: name, year: year };
        data.measures.forEach(function (m, k) { row[m] = k < region.values.length ? region.values[k][i] : null; });
        found.push(row);
      });
    }
    return found;
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(found) {
    var lines = [["iso3", "country", "year"].concat(data.measures).join(",")];
    found.forEach(function (row) {
      var cells = [row.iso3, row.name, row.year].concat(data.measures.map(function (m) { return row[m]; }));
      lines.push(cells.map(csvCell).join(","));
    });
    return lines.join("\n") + "\n";
  }

  /* --- drawing -------------------------------------------------------------------- */
  function cell(tag, text, attributes) {
    var element = document.createElement(tag);
    element.textContent = text;
    Object.keys(attributes || {}).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }
  function renderTable(found) {
    var names = state.codes.map(nameOf);
    tableBox.querySelector("caption").textContent = names.length
      ? fill(words.caption, { names: joinAnd(names) }) : words.none_chosen;
    var body = document.createElement("tbody");
    found.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(cell("th", row.name, { scope: "row" }));
      tr.appendChild(cell("td", String(row.year)));
      data.measures.forEach(function (m) { tr.appendChild(cell("td", format(m, row[m]))); });
      body.appendChild(tr);
    });
    var old = tableBox.querySelector("tbody");
    old.parentNode.replaceChild(body, old);
  }
  function renderChips() {
    chips.textContent = "";
    state.codes.forEach(function (code, i) {
      var button = cell("button", "", { type: "button", "class": "egov-explore-chip", "data-code": code,
        "aria-label": fill(words.remove, { name: nameOf(code) }) });
      var swatch = cell("span", "", { "class": "egov-explore-swatch" });
      swatch.style.setProperty("--egov-colour", COLOURS[i]);
      button.appendChild(swatch);
      button.appendChild(document.createTextNode(nameOf(code) + " "));
      button.appendChild(cell("span", "×", { "aria-hidden": "true" }));
      var item = document.createElement("li");
      item.appendChild(button);
      chips.appendChild(item);
    });
  }
  function series() {
    var k = measureIndex(state.measure);
    var lines = state.codes.map(function (code, i) {
      return { code: code, name: nameOf(code), colour: COLOURS[i], values: data.countries[code].values[k] };
    });
    if (state.region && state.measure !== "egdi_rank") {
      var region = data.regions[state.region];
      lines.push({ code: "", name: fill(words.median_of, { region: region.name }), colour: MEDIAN,
        values: region.values[k], median: true });
    }
    return lines;
  }
  function latest(values, upTo) {
    for (var i = (upTo === null || upTo === undefined ? values.length - 1 : upTo); i >= 0; i--) {
      if (values[i] !== null) return i;
    }
    return -1;
  }
  function renderLegend(lines, at) {
    legend.textContent = "";
    lines.forEach(function (line) {
      var i = at === null || at === undefined ? latest(line.values) : at;
      var value = i >= 0 && line.values[i] !== null
        ? fill(words.latest, { value: format(state.measure, line.values[i]), year: data.years[i] })
        : words.not_surveyed;
      var item = document.createElement("li");
      var swatch = cell("span", "", { "class": "egov-explore-swatch" + (line.median ? " egov-explore-median" : "") });
      swatch.style.setProperty("--egov-colour", line.colour);
      item.appendChild(swatch);
      item.appendChild(cell("span", line.name + ": " + value, { "class": "egov-explore-value" }));
      legend.appendChild(item);
    });
  }
  function colour(name, fallback) {
    var value = getComputedStyle(root).getPropertyValue(name).trim();
    return value || fallback;
  }
  function renderChart(lines) {
    var measure = state.measure, rank = measure === "egdi_rank";
    // Read styles and sizes before changing anything: no layout forced twice.
    var text = colour("--pst-color-text-base", "#222"), grid = colour("--pst-color-border", "#ddd");
    var width = Math.max(200, chartBox.clientWidth), height = chartBox.clientHeight || 300;
    var label = words[measure] + (rank ? " (" + words.rank_note + ")" : "");
    chartBox.setAttribute("aria-label", fill(words.chart, {
      measure: label, first: data.years[0], last: data.years[data.years.length - 1],
      names: lines.length ? joinAnd(lines.map(function (l) { return l.name; })) : words.none_chosen
    }));
    var axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: "12px system-ui, sans-serif" };
    var options = {
      width: width, height: height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 8 } },
      scales: {
        x: { time: false, range: [data.years[0] - 0.5, data.years[data.years.length - 1] + 0.5] },
        y: rank ? { dir: -1, range: function (u, min, max) { return [1, Math.max(10, max + 5)]; } }
                : { range: [0, 1] }
      },
      axes: [
        Object.assign({}, axis, { incrs: [1, 2, 4, 5, 10], values: function (u, splits) {
          return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ""; });
        } }),
        Object.assign({}, axis, { size: 44, values: function (u, splits) {
          return splits.map(function (v) { return rank ? whole.format(v) : tick.format(v); });
        } })
      ],
      series: [{ label: words.edition }].concat(lines.map(function (line) {
        return { label: line.name, stroke: line.colour, width: line.median ? 2 : 2.5,
          dash: line.median ? [6, 4] : undefined, spanGaps: false,
          points: { show: true, size: line.median ? 4 : 6, fill: line.colour } };
      })),
      hooks: { setCursor: [function (u) { renderLegend(lines, u.cursor.idx); }] }
    };
    var values = [data.years].concat(lines.map(function (line) { return line.values; }));
    if (chart) chart.destroy();
    chartBox.textContent = "";
    chart = new uPlot(options, values, chartBox);
    root.egovChart = chart;
  }
  function loadLibrary() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        if (typeof uPlot !== "undefined") { resolve(); return; }
        var script = document.createElement("script");
        script.src = root.getAttribute("data-library");
        script.async = true;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return library;
  }
  function drawChart() {
    if (!data || !chartWanted || typeof uPlot === "undefined") return;
    renderChart(series());
    root.setAttribute("data-chart", "drawn");
  }
  function wantChart() {
    if (chartWanted) return;
    chartWanted = true;
    loadLibrary().then(function () { window.setTimeout(drawChart, 0); }).catch(function (error) {
      console.error("egov-repro explorer: " + error.message);
    });
  }
  function isDefault() {
    return state.codes.length === 1 && state.codes[0] === data["default"] && !state.region &&
      state.measure === "egdi";
  }
  /* ``first``: the page as built already shows the default choice (chips, table, legend),
     so only what it lacks is made; the chart is drawn in a task of its own once it is
     wanted (drawChart): on a slow phone no single task blocks the page for long. */
  function render(announce, first) {
    var found = rows();
    var lines = series();
    if (!(first && isDefault())) {
      renderChips();
      renderTable(found);
      renderLegend(lines, null);
    }
    if (first) {
      window.setTimeout(drawChart, 0);
    } else {
      drawChart();
    }
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([csv(found)], { type: "text/csv" }));
    download.href = csvUrl;
    var stem = state.codes.length ? state.codes.join("-") : "none";
    download.setAttribute("download", "egdi-" + stem + (state.region ? "-median-" + state.region : "") + ".csv");
    regionSelect.value = state.region;
    measureSelect.value = state.measure;
    if (announce) {
      status.textContent = state.codes.length
        ? fill(words.showing, { names: joinAnd(state.codes.map(nameOf)) }) : words.none_chosen;
    }
  }

  /* --- the country control (an ARIA 1.2 combobox with a listbox) ------------------ */
  function search(query) {
    var q = fold(query.trim());
    var starts = [], contains = [];
    Object.keys(data.countries).forEach(function (code) {
      if (state.codes.indexOf(code) >= 0) return;
      var name = fold(nameOf(code));
      if (!q || name.indexOf(q) === 0 || code.toLowerCase() === q) starts.push(code);
      else if (name.indexOf(q) > 0) contains.push(code);
    });
    var byName = function (a, b) { return nameOf(a).localeCompare(nameOf(b), locale); };
    return starts.sort(byName).concat(contains.sort(byName));
  }
  function openList() {
    matches = search(input.value);
    active = input.value.trim() && matches.length ? 0 : -1;
    listbox.textContent = "";
    if (!matches.length) {
      listbox.appendChild(cell("li", words.no_match, { "class": "egov-explore-empty", role: "option",
        "aria-disabled": "true", "aria-selected": "false", id: "egov-explore-none" }));
    }
    matches.forEach(function (code, i) {
      listbox.appendChild(cell("li", nameOf(code), { role: "option", id: "egov-explore-opt-" + code,
        "data-code": code, "aria-selected": String(i === active) }));
    });
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight();
  }
  function closeList() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function highlight() {
    Array.prototype.forEach.call(listbox.querySelectorAll("[data-code]"), function (option, i) {
      option.setAttribute("aria-selected", String(i === active));
      if (i === active) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
    if (active < 0) input.removeAttribute("aria-activedescendant");
  }
  function choose(code) {
    if (state.codes.length >= data.max_countries) {
      status.textContent = words.too_many;
      return;
    }
    state.codes.push(code);
    input.value = "";
    closeList();
    writeAddress();
    render(true);
    input.focus();
  }
  function removeCode(code) {
    state.codes = state.codes.filter(function (c) { return c !== code; });
    writeAddress();
    render(true);
    input.focus();
  }

  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries, observer) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        wantChart();
      }
    }).observe(chartBox);
  } else {
    wantChart();
  }
  input.addEventListener("focus", wantChart);
  input.addEventListener("input", openList);
  input.addEventListener("focus", function () { if (input.value.trim()) openList(); });
  input.addEventListener("keydown", function (event) {
    var open = !listbox.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) { openList(); }
      if (!matches.length) return;
      var step = event.key === "ArrowDown" ? 1 : -1;
      active = active < 0 ? (step > 0 ? 0 : matches.length - 1) : (active + step + matches.length) % matches.length;
      highlight();
    } else if (event.key === "Enter") {
      if (open && matches.length) {
        event.preventDefault();
        choose(matches[active < 0 ? 0 : active]);
      }
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); closeList(); } else { input.value = ""; }
    } else if (event.key === "Backspace" && !input.value && state.codes.length) {
      removeCode(state.codes[state.codes.length - 1]);
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(closeList, 150); });
  listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
  listbox.addEventListener("click", function (event) {
    var option = event.target.closest("[data-code]");
    if (option) choose(option.getAttribute("data-code"));
  });
  chips.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-code]");
    if (button) removeCode(button.getAttribute("data-code"));
  });
  regionSelect.addEventListener("change", function () {
    state.region = regionSelect.value;
    writeAddress();
    render(true);
  });
  measureSelect.addEventListener("change", function () {
    state.measure = measureSelect.value;
    writeAddress();
    render(true);
  });
  // The theme's light/dark switch: the axes and grid take the new colours.
  var theme = document.documentElement.getAttribute("data-theme");
  new MutationObserver(function () {
    var now = document.documentElement.getAttribute("data-theme");
    if (now !== theme && chart) renderChart(series());
    theme = now;
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(function () {
      if (chart) chart.setSize({ width: Math.max(200, chartBox.clientWidth), height: chartBox.clientHeight || 300 });
    }, 100);
  });

  fetch(root.getAttribute("data-data"))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + response.url);
      return response.json();
    })
    .then(function (loaded) {
      data = loaded;
      words = data.words;
      var unknown = readAddress();
      render(false, true);
      if (unknown.length) status.textContent = fill(words.unknown, { codes: unknown.join(", ") });
      root.setAttribute("data-ready", "true");
    })
    .catch(function (error) {
      console.error("egov-repro explorer: " + error.message);
    });
})();
