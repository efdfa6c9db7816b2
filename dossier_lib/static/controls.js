// The front end of dossier_lib/controls.py: plain HTML controls for the lesson widgets.
//
// Every control a student can focus carries data-lm-suppress-shortcuts="true". JupyterLab
// (Lumino) then leaves keys pressed there alone: arrow keys change the choice, a letter jumps
// to an option, and "m" or "d d" no longer turn the cell into Markdown or delete it
// (ipywidgets issue #3912). The attribute must sit on the focused element itself.
// Every control has a Dutch <label> (or aria-label) that a screen reader reads.
// No build step: anywidget loads this file as an ES module in JupyterLab, Voila and JupyterLite.

let counter = 0;
function newId(prefix) {
  counter += 1;
  return `dossier-${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function keepKeys(node) {
  node.setAttribute("data-lm-suppress-shortcuts", "true");
  return node;
}

function labelFor(model, control) {
  const label = make("label", "dossier-label", model.get("description"));
  const id = newId("control");
  control.id = id;
  label.htmlFor = id;
  if (!model.get("description")) label.hidden = true;
  return label;
}

// A dropdown (one line) or a list (several rows): a native <select>.
function renderSelect(model, el) {
  const select = keepKeys(make("select", "dossier-select"));
  const rows = model.get("rows");
  if (rows > 0) select.size = rows;
  el.append(labelFor(model, select), select);
  const fill = () => {
    select.replaceChildren(...model.get("labels").map((text, i) => {
      const option = make("option", "", text);
      option.value = String(i);
      return option;
    }));
    select.disabled = model.get("labels").length === 0;
    if (select.disabled) select.setAttribute("aria-label", `${model.get("description")} (leeg)`);
    else select.removeAttribute("aria-label");
    show();
  };
  const show = () => {
    const index = model.get("index");
    select.selectedIndex = index === null ? -1 : index;
  };
  select.addEventListener("change", () => {
    model.set("index", select.selectedIndex < 0 ? null : select.selectedIndex);
    model.save_changes();
  });
  model.on("change:labels", fill);
  model.on("change:index", show);
  fill();
  return () => { model.off("change:labels", fill); model.off("change:index", show); };
}

// Toggle buttons (one choice of a few): a radio group of buttons. Arrow keys move and choose,
// Home/End go to the first/last; only the chosen button is a Tab stop (the usual radio pattern).
function renderToggles(model, el) {
  const label = make("span", "dossier-label", model.get("description"));
  label.id = newId("label");
  const group = make("div", "dossier-toggles");
  group.setAttribute("role", "radiogroup");
  group.setAttribute("aria-labelledby", label.id);
  el.append(label, group);
  let buttons = [];
  const choose = (i, focus) => {
    model.set("index", i);
    model.save_changes();
    show();
    if (focus) buttons[i].focus();
  };
  const show = () => {
    const index = model.get("index");
    buttons.forEach((button, i) => {
      const on = i === index;
      button.setAttribute("aria-checked", on ? "true" : "false");
      button.tabIndex = on || (index === null && i === 0) ? 0 : -1;
    });
  };
  const fill = () => {
    buttons = model.get("labels").map((text, i) => {
      const button = keepKeys(make("button", "dossier-toggle", text));
      button.type = "button";
      button.setAttribute("role", "radio");
      button.addEventListener("click", () => choose(i, true));
      button.addEventListener("keydown", (event) => {
        const n = buttons.length;
        const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: n - 1 }[event.key];
        if (to === undefined) return;
        event.preventDefault();
        choose((to + n) % n, true);
      });
      return button;
    });
    group.replaceChildren(...buttons);
    show();
  };
  model.on("change:labels", fill);
  model.on("change:index", show);
  fill();
  return () => { model.off("change:labels", fill); model.off("change:index", show); };
}

// Radio buttons (a multiple-choice question): native radios in a fieldset; no choice at first.
function renderRadios(model, el) {
  const fieldset = make("fieldset", "dossier-radios");
  const legend = make("legend", "dossier-label", model.get("description"));
  if (!model.get("description")) legend.className = "dossier-visually-hidden";
  fieldset.append(legend);
  el.append(fieldset);
  const name = newId("radio");
  let inputs = [];
  const show = () => {
    const index = model.get("index");
    inputs.forEach((input, i) => { input.checked = i === index; });
  };
  const fill = () => {
    fieldset.replaceChildren(legend);
    inputs = model.get("labels").map((text, i) => {
      const row = make("label", "dossier-radio");
      const input = keepKeys(make("input"));
      input.type = "radio";
      input.name = name;
      input.addEventListener("change", () => {
        if (input.checked) { model.set("index", i); model.save_changes(); }
      });
      row.append(input, make("span", "", text));
      fieldset.append(row);
      return input;
    });
    show();
  };
  model.on("change:labels", fill);
  model.on("change:index", show);
  fill();
  return () => { model.off("change:labels", fill); model.off("change:index", show); };
}

function renderCheckbox(model, el) {
  const row = make("label", "dossier-checkbox");
  const input = keepKeys(make("input"));
  input.type = "checkbox";
  row.append(input, make("span", "", model.get("description")));
  el.append(row);
  const show = () => { input.checked = model.get("value"); };
  input.addEventListener("change", () => { model.set("value", input.checked); model.save_changes(); });
  model.on("change:value", show);
  show();
  return () => model.off("change:value", show);
}

// A text box; the value is sent on Enter and when the box loses focus (like continuous_update=False).
function renderText(model, el) {
  const input = keepKeys(make("input", "dossier-text"));
  input.type = "text";
  input.placeholder = model.get("placeholder");
  input.spellcheck = false;
  el.append(labelFor(model, input), input);
  const show = () => { if (input.value !== model.get("value")) input.value = model.get("value"); };
  const send = () => { if (input.value !== model.get("value")) { model.set("value", input.value); model.save_changes(); } };
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); send(); } });
  input.addEventListener("change", send);
  model.on("change:value", show);
  show();
  return () => model.off("change:value", show);
}

// A text box of several lines (a reflection, a teacher's comment); sent when it loses focus.
function renderTextarea(model, el) {
  const area = keepKeys(make("textarea", "dossier-textarea"));
  area.placeholder = model.get("placeholder");
  area.rows = model.get("rows");
  area.spellcheck = true;
  area.lang = "nl";
  const label = labelFor(model, area);
  label.classList.add("dossier-label-above");
  el.append(label, area);
  const show = () => { if (area.value !== model.get("value")) area.value = model.get("value"); };
  const send = () => { if (area.value !== model.get("value")) { model.set("value", area.value); model.save_changes(); } };
  area.addEventListener("change", send);
  area.addEventListener("blur", send);
  if (model.get("continuous")) area.addEventListener("input", send);  // e.g. a live word count
  model.on("change:value", show);
  show();
  return () => model.off("change:value", show);
}

function renderButton(model, el) {
  const button = keepKeys(make("button", "dossier-button", model.get("description")));
  button.type = "button";
  if (model.get("primary")) button.classList.add("dossier-primary");
  button.addEventListener("click", () => model.send({ event: "click" }));
  el.append(button);
}

// A period of months: two native sliders, "van" and "tot". Each announces its month
// (aria-valuetext), not a number; the two never cross.
function renderMonthRange(model, el) {
  const label = make("span", "dossier-label", model.get("description"));
  label.id = newId("label");
  const group = make("div", "dossier-range");
  group.setAttribute("role", "group");
  group.setAttribute("aria-labelledby", label.id);
  el.append(label, group);
  const sliders = ["van", "tot"].map((word) => {
    const row = make("div", "dossier-range-row");
    const input = keepKeys(make("input", "dossier-slider"));
    input.type = "range";
    input.min = "0";
    input.step = "1";
    const name = labelFor({ get: () => word }, input);
    const readout = make("output", "dossier-readout");
    readout.htmlFor = input.id;
    row.append(name, input, readout);
    group.append(row);
    return { input, readout };
  });
  const labels = () => model.get("labels");
  const paint = (lo, hi) => {
    [lo, hi].forEach((value, k) => {
      const { input, readout } = sliders[k];
      input.value = String(value);
      const text = labels()[value] || "";
      input.setAttribute("aria-valuetext", text);
      readout.textContent = text;
    });
  };
  const show = () => {
    const n = labels().length;
    sliders.forEach(({ input }) => { input.max = String(Math.max(n - 1, 0)); });
    const [lo, hi] = model.get("index");
    paint(lo, hi);
  };
  sliders.forEach(({ input }, k) => {
    const current = () => {
      let lo = Number(sliders[0].input.value);
      let hi = Number(sliders[1].input.value);
      if (lo > hi) { if (k === 0) hi = lo; else lo = hi; }
      return [lo, hi];
    };
    input.addEventListener("input", () => paint(...current()));
    input.addEventListener("change", () => {
      const [lo, hi] = current();
      paint(lo, hi);
      model.set("index", [lo, hi]);
      model.save_changes();
    });
  });
  model.on("change:index", show);
  model.on("change:labels", show);
  show();
  return () => { model.off("change:index", show); model.off("change:labels", show); };
}

// The details of a name in the reader (widgets.py) open below the name. Near the right edge
// they would be cut off by the output area, so they move left until they fit.
function placeDetails(event) {
  const name = event.target && event.target.closest && event.target.closest(".dossier-name");
  const tip = name && name.querySelector(".dossier-tip");
  if (!tip) return;
  tip.style.left = "0";
  requestAnimationFrame(() => {
    const area = (name.closest(".widget-html-content") || document.body).getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    const over = box.right - (area.right - 8);
    if (over > 0) tip.style.left = `${-Math.min(over, box.left - area.left)}px`;
  });
}
if (!window.dossierDetailsPlaced) {
  window.dossierDetailsPlaced = true;
  document.addEventListener("focusin", placeDetails);
  document.addEventListener("mouseover", placeDetails);
}

const RENDERERS = {
  dropdown: renderSelect,
  list: renderSelect,
  toggles: renderToggles,
  radios: renderRadios,
  checkbox: renderCheckbox,
  text: renderText,
  textarea: renderTextarea,
  button: renderButton,
  months: renderMonthRange,
};

export default {
  render({ model, el }) {
    el.classList.add("dossier-control", `dossier-${model.get("kind")}`);
    return RENDERERS[model.get("kind")](model, el);
  },
};
