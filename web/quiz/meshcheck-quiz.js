// <meshcheck-quiz>: the self-assessment quiz as a custom element (docs/quiz.md).
//
//   <script type="module" src="https://QUIZ-ORIGIN/meshcheck-quiz.js"></script>
//   <meshcheck-quiz persona="creator" share-result></meshcheck-quiz>
//
// Contract (keep it exactly; docs/quiz.md documents it for landing-page owners):
// - It loads only from its own origin (the wasm module beside this script) and makes no other
//   request. Validation, scoring and share codes run in the C++ core (wasm/bindings.cpp).
// - Texts from the definition and the result are set as text, never parsed as HTML.
// - Attributes: persona (fixes the checklist: creator, startup, nonprofit in the default
//   definition), share-result (opts in to the result event), definition-id (the id of a
//   <script type="application/json"> in the page holding a quiz definition), share-base (the URL
//   share links start with; default this page), hide-analyzer-link.
// - Properties: report (a meshcheck report as JSON text or object, or null) sets the answers
//   beside the data; definition (JSON text or object) replaces the default before it starts.
// - data-state on the element: 'loading' | 'ready' | 'result' | 'error'.
// - Event 'meshcheck-quiz-result' (bubbles, composed), detail = the quiz-result/v1 object,
//   dispatched on the element only when share-result is set, each time a result is shown.
// - Progress is kept in localStorage (this site's) only while the visitor ticks "remember".
// - A link whose fragment holds meshcheck-quiz=CODE restores those answers and their result.
import createMeshcheckQuiz from 'meshcheck-quiz-wasm';

import {strings} from './strings.js';
import css from './styles.css';

const kScriptUrl = import.meta.url;
const kFragmentKey = 'meshcheck-quiz';
const kStoragePrefix = 'meshcheck-quiz:';
const kResultEvent = 'meshcheck-quiz-result';
const kSvg = 'http://www.w3.org/2000/svg';
const kStepsShown = 3;  // The first steps; the others wait in a <details>.

let corePromise = null;
function loadCore() {
  corePromise ??= createMeshcheckQuiz({locateFile: (file) => new URL(file, kScriptUrl).href});
  return corePromise;
}

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

// Children for append()/replaceChildren(): nested arrays flattened, null and false dropped.
function kids(...items) {
  return items.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);
}

// h('p', {className: 'note'}, 'text', child...): an element with properties and children;
// strings become text nodes. Never HTML.
function h(tag, props = {}, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...kids(children));
  return element;
}

function svg(tag, attributes = {}) {
  const element = document.createElementNS(kSvg, tag);
  for (const [name, value] of Object.entries(attributes))
    element.setAttribute(name, String(value));
  return element;
}

// The share code in this page's fragment ("#meshcheck-quiz=CODE", possibly among other
// '&'-separated parts), or null.
function fragmentCode() {
  const part = location.hash.slice(1).split('&').find((p) => p.startsWith(`${kFragmentKey}=`));
  if (part === undefined)
    return null;
  const code = part.slice(kFragmentKey.length + 1);
  try {
    return decodeURIComponent(code);
  } catch {
    return code;  // Not valid percent-encoding: the core will say what is wrong with it.
  }
}

// localStorage, or null where the browser refuses it (sandboxed frames, disabled storage).
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

class MeshcheckQuiz extends HTMLElement {
  static get observedAttributes() {
    return ['persona'];
  }

  constructor() {
    super();
    this.core = null;
    this.definitionText = '';  // '' = the default definition
    this.def = null;           // the definition, parsed after the core validated it
    this.answers = {persona: '', diagnostic: {}, practices: {}};
    this.reportText = '';
    this.remembered = false;
    // A property set before this script upgraded the element shadows the accessor: re-set it.
    for (const property of ['report', 'definition']) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = this[property];
        delete this[property];
        this[property] = value;
      }
    }
  }

  connectedCallback() {
    if (this.shadowRoot)
      return;
    const root = this.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = [styleSheet()];
    this.panel = h('section', {className: 'quiz'}, h('p', {}, strings.loading));
    root.append(this.panel);
    this.setState('loading');
    this.start().catch((e) => this.fail(strings.failed(String(e?.message ?? e))));
  }

  attributeChangedCallback(name) {
    if (name !== 'persona' || this.dataset.state !== 'ready')
      return;
    this.answers.persona = this.fixedPersona() ?? this.answers.persona;
    this.renderForm(null);
  }

  get report() {
    return this.reportText || null;
  }

  set report(value) {
    this.reportText = typeof value === 'string' ? value : value ? JSON.stringify(value) : '';
    if (this.dataset.state === 'result')
      this.score({focus: false});
    else if (this.reportNote)
      this.reportNote.hidden = !this.reportText;
  }

  setState(state) {
    this.dataset.state = state;
  }

  fail(message) {
    this.panel.replaceChildren(h('p', {className: 'error', role: 'alert'}, message));
    this.setState('error');
  }

  async start() {
    this.core = await loadCore();
    this.definitionText = this.pendingDefinition ?? this.inlineDefinition();
    const checked = this.core.quizCheckDefinition(this.definitionText);
    if (!checked.ok) {
      this.fail(strings.badDefinition(checked.message));
      return;
    }
    this.def = JSON.parse(this.definitionText || this.core.quizDefaultDefinition());
    const restored = this.restore();
    this.answers.persona = this.fixedPersona() ?? this.answers.persona;
    this.renderForm(restored.problem);
    this.setState('ready');
    if (restored.fromLink && this.unanswered().length === 0)
      this.score({focus: false});
  }

  // The definition named by definition-id: the text of a <script type="application/json">.
  inlineDefinition() {
    const id = this.getAttribute('definition-id');
    if (!id)
      return '';
    const script = this.ownerDocument.getElementById(id);
    if (!script || script.type !== 'application/json')
      throw new Error(`no <script type="application/json" id="${id}"> in the page`);
    return script.textContent;
  }

  // Set before the element starts: replaces the default definition.
  set definition(value) {
    this.pendingDefinition = typeof value === 'string' ? value : JSON.stringify(value);
  }

  get definition() {
    return this.def;
  }

  storageKey() {
    return `${kStoragePrefix}${this.def.id}.${this.def.version}`;
  }

  // Answers from a share link (first) or from storage the visitor allowed; {fromLink, problem}.
  restore() {
    const code = fragmentCode();
    const ours = code !== null && code.split('.')[0] === this.def.id;
    const saved = ours ? null : storage()?.getItem(this.storageKey()) ?? null;
    if (!ours && saved === null)
      return {fromLink: false, problem: null};
    const decoded = this.core.quizDecodeAnswers(this.definitionText, ours ? code : saved);
    if (!decoded.ok)
      return {fromLink: false, problem: decoded.message};
    const answers = JSON.parse(decoded.answers);
    this.answers = {
      persona: answers.persona ?? '',
      diagnostic: answers.diagnostic ?? {},
      practices: answers.practices ?? {},
    };
    this.remembered = !ours;
    return {fromLink: ours, problem: null};
  }

  fixedPersona() {
    const persona = this.getAttribute('persona');
    return this.def.personas?.some((p) => p.id === persona) ? persona : null;
  }

  // The practices that apply to `persona`: its own, then the shared core.
  checklist(persona) {
    const own = this.def.personas?.find((p) => p.id === persona)?.practices ?? [];
    return [...own, ...this.def.practices.shared.items];
  }

  needsPersona() {
    return (this.def.personas ?? []).length > 0;
  }

  // The answers as the core reads them (schema meshcheck.quiz-answers/v1), practices of the
  // chosen checklist only.
  answersJson() {
    const practices = {};
    for (const p of this.checklist(this.answers.persona)) {
      if (this.answers.practices[p.id] !== undefined)
        practices[p.id] = this.answers.practices[p.id];
    }
    const answers = {diagnostic: this.answers.diagnostic, practices};
    if (this.answers.persona)
      answers.persona = this.answers.persona;
    return JSON.stringify(answers);
  }

  // ----------------------------------------------------------------------------- the form

  renderForm(problem) {
    const d = this.def;
    this.form = h('form', {noValidate: true});
    this.rememberBox = h('input', {type: 'checkbox', name: 'remember', checked: this.remembered});
    this.reportNote =
        h('p', {className: 'notice', hidden: !this.reportText}, strings.reportWaiting);
    this.progress = h('p', {className: 'progress'});
    this.errorLine = h('p', {className: 'error', role: 'alert'}, problem ?? '');
    this.checklistBox = h('div');
    this.resultBox = h('section', {className: 'result', hidden: true});
    const personaBox = this.needsPersona() && !this.fixedPersona() ? this.personaFieldset() : null;
    this.form.append(...kids(
        storage() ?
            h('p', {}, h('label', {className: 'choice'}, this.rememberBox, strings.remember),
              h('span', {className: 'note'}, ` ${strings.rememberNote}`)) :
            null,
        personaBox, h('h3', {}, strings.part(1, d.diagnostic.title)),
        d.diagnostic.items.map((q, i) => this.questionFieldset(q, i, d.diagnostic.items.length)),
        h('h3', {}, strings.part(2, d.practices.title)), this.checklistBox, this.progress,
        this.errorLine,
        h('div', {className: 'actions'}, h('button', {type: 'submit'}, strings.submit))));
    this.form.addEventListener('change', (e) => this.onChange(e.target));
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.panel.lang = d.language ?? 'en';
    this.panel.setAttribute('aria-labelledby', 'quiz-title');
    this.panel.replaceChildren(...kids(
        h('h2', {id: 'quiz-title'}, d.title), d.intro ? h('p', {}, d.intro) : null,
        h('p', {className: 'intro-privacy'}, strings.privacy),
        this.hasAttribute('share-result') ? h('p', {className: 'notice'}, strings.sharesResult) :
                                            null,
        this.reportNote, this.form, this.resultBox));
    this.renderChecklist();
  }

  // One radio group: a fieldset whose legend is the question. `name` keys the answers.
  radioGroup({name, legend, explanation, choices, checked, inline = false, item}) {
    const fieldset = h('fieldset', {}, h('legend', {}, legend));
    fieldset.dataset.item = name;
    if (explanation)
      fieldset.append(h('p', {className: 'explanation'}, explanation));
    const box = h('div', {className: inline ? 'choices-inline' : 'choices'});
    choices.forEach(({value, label}) => {
      const input = h('input', {type: 'radio', name, value, checked: value === checked});
      input.dataset.item = item;
      box.append(h('label', {className: 'choice'}, input, label));
    });
    fieldset.append(box);
    return fieldset;
  }

  personaFieldset() {
    return this.radioGroup({
      name: 'persona',
      legend: strings.personaLegend,
      choices: this.def.personas.map((p) => ({value: p.id, label: p.title})),
      checked: this.answers.persona,
      item: 'persona',
    });
  }

  questionFieldset(q, i, count) {
    const answer = this.answers.diagnostic[q.id];
    return this.radioGroup({
      name: `d-${q.id}`,
      legend: strings.question(i + 1, count, q.question),
      explanation: q.explanation,
      choices: q.answers.map((text, value) => ({value: String(value), label: text})),
      checked: answer === undefined ? null : String(answer),
      item: q.id,
    });
  }

  renderChecklist() {
    const d = this.def;
    const persona = this.answers.persona;
    if (this.needsPersona() && !persona) {
      this.checklistBox.replaceChildren(h('p', {className: 'note'}, strings.sharedChoosePersona));
    } else {
      const scale = d.practices.scale.map((s) => ({value: s.id, label: s.label}));
      const group = (practice) => this.radioGroup({
        name: `p-${practice.id}`,
        legend: practice.question,
        choices: scale,
        checked: this.answers.practices[practice.id] ?? null,
        inline: true,
        item: practice.id,
      });
      const own = d.personas?.find((p) => p.id === persona);
      this.checklistBox.replaceChildren(...kids(
          own ? h('h4', {}, own.title) : null, (own?.practices ?? []).map(group),
          h('h4', {}, d.practices.shared.title), d.practices.shared.items.map(group)));
    }
    this.updateProgress();
  }

  onChange(input) {
    if (input.name === 'remember') {
      this.remembered = input.checked;
      if (!this.remembered)
        storage()?.removeItem(this.storageKey());
    } else if (input.name === 'persona') {
      this.answers.persona = input.value;
      this.renderChecklist();
    } else if (input.name.startsWith('d-')) {
      this.answers.diagnostic[input.dataset.item] = Number(input.value);
    } else if (input.name.startsWith('p-')) {
      this.answers.practices[input.dataset.item] = input.value;
    }
    input.closest('fieldset')?.classList.remove('unanswered');
    this.updateProgress();
    this.saveProgress();
  }

  saveProgress() {
    if (!this.remembered)
      return;
    const encoded = this.core.quizEncodeAnswers(this.definitionText, this.answersJson());
    if (encoded.ok)
      storage()?.setItem(this.storageKey(), encoded.code);
  }

  // The fieldsets still without an answer.
  unanswered() {
    return [...this.form.querySelectorAll('fieldset[data-item]')].filter(
        (f) => !f.querySelector('input:checked'));
  }

  updateProgress() {
    const groups = this.form.querySelectorAll('fieldset[data-item]').length;
    this.progress.textContent = strings.progress(groups - this.unanswered().length, groups);
  }

  submit() {
    const missing = this.unanswered();
    if (missing.length > 0) {
      for (const f of missing)
        f.classList.add('unanswered');
      this.errorLine.textContent = strings.missing(missing.length);
      missing[0].querySelector('input').focus();
      return;
    }
    this.errorLine.textContent = '';
    this.score({focus: true});
  }

  // ----------------------------------------------------------------------------- the result

  score({focus}) {
    const scored = this.core.quizScore(this.definitionText, this.answersJson(), this.reportText);
    if (!scored.ok) {
      this.backToForm();
      this.errorLine.textContent = scored.message;
      return;
    }
    this.renderResult(JSON.parse(scored.result));
    this.form.hidden = true;
    this.reportNote.hidden = true;
    this.resultBox.hidden = false;
    this.setState('result');
    if (focus)
      this.resultHeading.focus();
    if (this.hasAttribute('share-result')) {
      this.dispatchEvent(new CustomEvent(
          kResultEvent, {detail: JSON.parse(scored.result), bubbles: true, composed: true}));
    }
  }

  renderResult(r) {
    const view = r.self_view;
    const c = r.comparison;
    this.resultHeading = h('h3', {tabIndex: -1}, strings.resultHeading);
    this.resultBox.replaceChildren(...kids(
        this.resultHeading, h('p', {className: 'level'}, view.title),
        h('p', {}, strings.yourView(view.score)),
        this.scale(view.score, c ? c.data.community_index : null), h('p', {}, view.description),
        h('p', {},
          strings.practicesInPlace(r.practices.points, r.practices.max_points, r.practices.score)),
        this.steps(r.practices.roadmap), c ? this.comparison(c) : this.analyzerLink(r.code),
        this.share(r.code), this.resultActions()));
  }

  // The 0-100 scale with the band edges, the self-view (hollow, labelled above) and the data
  // (filled, labelled below) markers, an arrow between them, the ends named at the bottom.
  scale(self, data) {
    const x = (score) => 10 + 3.2 * score;
    const text = (content, at, y, anchor = 'middle') => {
      const t = svg('text', {x: at, y, 'text-anchor': anchor});
      t.textContent = content;
      return t;
    };
    const box = svg('svg', {
      class: 'scale',
      viewBox: '0 0 340 80',
      role: 'img',
      'aria-label': strings.scaleLabel(self, data),
    });
    box.append(svg('rect', {class: 'track', x: 10, y: 30, width: 320, height: 8, rx: 4}));
    for (const edge of [20, 45, 70])
      box.append(svg('line', {class: 'edge', x1: x(edge), x2: x(edge), y1: 28, y2: 40}));
    if (data !== null) {
      box.append(
          svg('line', {class: 'arrow', x1: x(self), x2: x(data), y1: 34, y2: 34}),
          svg('circle', {class: 'data', cx: x(data), cy: 34, r: 6}),
          text(strings.scaleData, x(data), 58));
    }
    box.append(
        svg('circle', {class: 'self', cx: x(self), cy: 34, r: 7}),
        text(strings.scaleYou, x(self), 16), text(strings.scaleAudience, 10, 76, 'start'),
        text(strings.scaleCommunity, 330, 76, 'end'));
    return box;
  }

  steps(roadmap) {
    if (roadmap.length === 0)
      return [h('h4', {}, strings.nextHeading), h('p', {}, strings.nextNone)];
    const item = (s) =>
        h('li', {}, h('p', {className: 'practice'}, s.question),
          h('p', {className: 'note'}, strings.youSaid(s.answer_label)),
          h('p', {}, h('strong', {}, strings.firstStep), s.first_step),
          h('p', {className: 'note'}, s.explanation,
            s.target_about ? ` ${strings.works(s.target_about)}` : ''));
    const first = roadmap.slice(0, kStepsShown);
    const rest = roadmap.slice(kStepsShown);
    return [
      h('h4', {}, strings.nextHeading),
      h('ol', {className: 'steps'}, first.map(item)),
      rest.length ? h('details', {}, h('summary', {}, strings.moreSteps(rest.length)),
                      h('ol', {className: 'steps', start: kStepsShown + 1}, rest.map(item))) :
                    null,
    ];
  }

  comparison(c) {
    const row = (item) =>
        h('tr', {}, h('th', {scope: 'row'}, item.dimension), h('td', {}, item.you_say),
          h('td', {}, item.data_says),
          h('td', {className: `verdict-${item.verdict}`},
            strings.verdicts[item.verdict] ?? item.verdict));
    return h(
        'div', {className: 'comparison'}, h('h4', {}, strings.compareHeading),
        h('p', {}, strings.compareData(c.data.title, c.data.community_index, c.data.confidence)),
        h('p', {}, h('strong', {}, c.outcome_title), ` ${c.outcome_text}`), h('p', {}, c.lead_text),
        h('table', {},
          h('thead', {},
            h('tr', {},
              [
                strings.compareDimension, strings.compareYouSay, strings.compareDataSays,
                strings.compareVerdict
              ].map((t) => h('th', {scope: 'col'}, t)))),
          h('tbody', {}, c.items.map(row))),
        c.disagreements.length ?
            [
              h('h4', {}, strings.disagreementsHeading),
              h('ul', {className: 'disagreements'}, c.disagreements.map((t) => h('li', {}, t)))
            ] :
            null,
        c.lead === 'quiz' && c.collect.length ?
            [
              h('h4', {}, strings.collectHeading), h('ul', {}, c.collect.map((t) => h('li', {}, t)))
            ] :
            null);
  }

  analyzerLink(code) {
    if (this.hasAttribute('hide-analyzer-link'))
      return null;
    const href = new URL(`./#${kFragmentKey}=${encodeURIComponent(code)}`, kScriptUrl).href;
    return h('p', {}, h('a', {href, target: '_blank', rel: 'noopener'}, strings.analyzeLink));
  }

  shareUrl(code) {
    const base = new URL(this.getAttribute('share-base') || location.href, location.href);
    base.hash = `${kFragmentKey}=${encodeURIComponent(code)}`;
    return base.href;
  }

  share(code) {
    const link = h('input', {type: 'text', readOnly: true, value: this.shareUrl(code)});
    const status = h('span', {className: 'note', role: 'status'});
    const copy = h('button', {type: 'button', className: 'secondary'}, strings.copy);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(link.value);
        status.textContent = strings.copied;
      } catch {
        link.select();
        status.textContent = strings.copyFailed;
      }
    });
    return h(
        'div', {className: 'share'}, h('label', {}, strings.shareLabel, link),
        h('div', {className: 'actions'}, copy, status));
  }

  resultActions() {
    const change = h('button', {type: 'button', className: 'secondary'}, strings.change);
    change.addEventListener('click', () => this.backToForm());
    const restart = h('button', {type: 'button', className: 'secondary'}, strings.restart);
    restart.addEventListener('click', () => {
      this.answers = {persona: this.fixedPersona() ?? '', diagnostic: {}, practices: {}};
      this.renderForm(null);
      this.saveProgress();
      this.setState('ready');
      this.form.querySelector('input:not([type=checkbox])')?.focus();
    });
    return h('div', {className: 'actions'}, change, restart);
  }

  backToForm() {
    this.resultBox.hidden = true;
    this.form.hidden = false;
    this.setState('ready');
    (this.form.querySelector('fieldset input:checked') ?? this.form.querySelector('input'))
        ?.focus();
  }
}

if (!customElements.get('meshcheck-quiz'))
  customElements.define('meshcheck-quiz', MeshcheckQuiz);
