'use strict';
// The page: puts the chosen files into the engine's in-memory file system,
// runs eds3's own main with the arguments the command line would take, and
// shows what it printed, its diagnostics and its output files.

(function () {
  const $ = (id) => document.getElementById(id);
  let engine = null;
  let out = [];
  let err = [];
  let runs = 0;
  let chosen = [];  // {path, bytes}
  let blobUrls = [];

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      node.append(child);
    }
    return node;
  }

  // Runs `eds3 args...` in a fresh folder holding `files`; returns the exit
  // status, what it printed, its diagnostics and the files named in `read`.
  function runEds3(args, files, read) {
    const FS = engine.FS;
    const root = `/run${++runs}`;
    FS.mkdir(root);
    for (const file of files) {
      const parts = file.path.split('/');
      let folder = root;
      for (const part of parts.slice(0, -1)) {
        folder += '/' + part;
        if (!FS.analyzePath(folder).exists) FS.mkdir(folder);
      }
      FS.writeFile(`${root}/${file.path}`, file.bytes);
    }
    FS.chdir(root);
    out = [];
    err = [];
    const started = performance.now();
    let status;
    try {
      status = engine.callMain(args);
    } catch (e) {
      status = typeof e === 'object' && e && 'status' in e ? e.status : 3;
    }
    const elapsed = performance.now() - started;
    const diagnostics = JSON.parse(engine.UTF8ToString(engine._eds3_take_diagnostics()));
    const outputs = {};
    for (const name of read) {
      if (FS.analyzePath(`${root}/${name}`).exists) {
        outputs[name] = FS.readFile(`${root}/${name}`);
      }
    }
    FS.chdir('/');
    removeTree(root);
    return { status, stdout: out.join('\n'), stderr: err.join('\n'), diagnostics, outputs, elapsed };
  }

  function removeTree(path) {
    const FS = engine.FS;
    for (const name of FS.readdir(path)) {
      if (name === '.' || name === '..') continue;
      const child = `${path}/${name}`;
      if (FS.isDir(FS.stat(child).mode)) removeTree(child);
      else FS.unlink(child);
    }
    FS.rmdir(path);
  }

  const isYaml = (path) => /\.ya?ml$/i.test(path);
  const baseName = (path) => path.split('/').pop().replace(/\.[^.]*$/, '');

  // The output files every run asks for, as the command line's options: one
  // download each, in this order. 'json' is what the page reads the grade from.
  const kOutputs = [
    { kind: 'workbook', option: '-o', ending: 'xlsx', label: 'the workbook',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    { kind: 'json', option: '--json', ending: 'json', label: 'the JSON', type: 'application/json' },
    { kind: 'markdown', option: '--markdown', ending: 'md', label: 'the Markdown summary', type: 'text/markdown' },
    { kind: 'html', option: '--html', ending: 'html', label: 'the HTML report', type: 'text/html' },
  ];

  // The output files' names from `base`, and the options that ask for them.
  function outputsNamed(base) {
    const names = {};
    const tail = [];
    for (const output of kOutputs) {
      names[output.kind] = `${base}.${output.ending}`;
      tail.push(output.option, names[output.kind]);
    }
    return { names, tail };
  }

  // The command line for the chosen mode and files, and its output files.
  function commandFor(mode) {
    const yamls = chosen.map((f) => f.path).filter(isYaml).sort();
    if (mode === 'grade') {
      if (yamls.length !== 1) {
        return { problem: `Grading needs exactly one assessment (YAML) file; you chose ${yamls.length}.` };
      }
      const { names, tail } = outputsNamed(baseName(yamls[0]));
      return { names, args: ['grade', yamls[0], ...tail] };
    }
    const { names, tail } = outputsNamed(mode);
    if (mode === 'compare') {
      if (yamls.length < 2) {
        return { problem: `Comparing needs two or more assessment (YAML) files of one organisation; you chose ${yamls.length}.` };
      }
      return { names, args: ['compare', ...yamls, ...tail] };
    }
    // A roll-up of a chosen folder names the folder, as on a command line.
    const tops = new Set(chosen.map((f) => f.path.split('/')[0]));
    const folder = chosen.length > 0 && chosen.every((f) => f.path.includes('/')) && tops.size === 1;
    const paths = folder ? [...tops] : yamls;
    if (paths.length === 0) return { problem: 'Rolling up needs assessment (YAML) files or a folder of them.' };
    return { names, args: ['rollup', ...paths, ...tail] };
  }


  function download(name, bytes, type, label) {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    blobUrls.push(url);
    return element('a', { href: url, download: name, text: `Download ${label} (${name})` });
  }

  function showProblems(diagnostics, stderr) {
    const box = $('problems');
    box.replaceChildren();
    if (diagnostics.length === 0 && !stderr) return;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    box.append(element('h3', { text: diagnostics.length ? `Problems found (${errors} error${errors === 1 ? '' : 's'})` : 'Messages' }));
    const list = element('ul', { class: 'problems' });
    for (const d of diagnostics) {
      const where = d.line ? `${d.file}:${d.line}:${d.column}` : d.file;
      const item = element('li', { class: `problem ${d.severity}` },
        element('p', {}, element('span', { class: 'where', text: where }), `: ${d.severity}: ${d.message}`));
      if (d.source_line) {
        const caret = d.column > 0 ? '\n' + ' '.repeat(d.column - 1) + '^' : '';
        item.append(element('pre', { 'aria-label': `line ${d.line} of ${d.file}`, text: d.source_line + caret }));
      }
      if (d.hint) item.append(element('p', { text: `hint: ${d.hint}` }));
      list.append(item);
    }
    if (diagnostics.length) box.append(list);
    // What is not a located problem (a file that cannot be read, a usage
    // error) is shown as the command line printed it.
    const other = stderr.split('\n').filter((line) => line.startsWith('eds3: ') && !/^eds3: [^ ]+:\d+:\d+: /.test(line) &&
      !diagnostics.some((d) => line.startsWith(`eds3: ${d.file}: `)));
    if (other.length) box.append(element('pre', { text: other.join('\n') }));
  }

  const number = (value) => (value === null || value === undefined ? 'not scored' : String(value));

  function table(caption, headings, rows) {
    const head = element('tr', {}, ...headings.map((h) => element('th', { scope: 'col', text: h })));
    const body = rows.map((row) => element('tr', {}, ...row.map((cell, i) =>
      i === 0 ? element('th', { scope: 'row', text: cell }) : element('td', { text: cell }))));
    return element('table', {}, element('caption', { text: caption }), element('thead', {}, head), element('tbody', {}, ...body));
  }

  function showGrade(result, stdout) {
    const box = $('grade');
    const org = result.organisation;
    box.append(element('h3', { text: `${org.name}${org.code ? ` (${org.code})` : ''}, ${result.year}` }));
    box.append(element('p', { class: 'total', text: result.complete
      ? `Total: ${result.total} of ${result.max}, ${result.rating}`
      : `Total: Incomplete (${result.missing.length} not scored)` }));
    box.append(table('Domain scores', ['Domain', 'Score', 'Out of', 'Level'],
      result.domains.map((d) => [`Domain ${d.id} ${d.name}`, number(d.score), String(d.max), d.level || 'not scored'])));
    for (const d of result.domains) {
      box.append(table(`Domain ${d.id} outcomes`, ['Outcome', 'Score', 'Level', 'Flags'],
        d.outcomes.map((o) => [`${o.id} ${o.title}`, number(o.score), o.level || 'not scored', o.flags.join(', ') || 'none'])));
    }
    // Panel agreement as the command line's summary words it.
    const lines = stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('Panel agreement'));
    if (first >= 0) {
      let last = first + 1;
      while (last < lines.length && lines[last].startsWith('  ')) last += 1;
      box.append(element('h4', { text: 'Panel agreement' }));
      box.append(element('p', { text: lines.slice(first, last).map((l) => l.trim().replace(/([^.:;])$/, '$1.')).join(' ').replace(/^Panel agreement: /, '') }));
    }
    if (result.flags && result.flags.length) {
      box.append(element('h4', { text: 'Flags' }));
      box.append(element('ul', {}, ...result.flags.map((f) => element('li', { text: `${f.code}: ${f.message}` }))));
    }
    if (result.missing && result.missing.length) {
      box.append(element('h4', { text: 'Not scored yet' }));
      box.append(element('ul', {}, ...result.missing.map((m) => element('li', { text: m }))));
    }
  }

  function clearResults() {
    for (const url of blobUrls) URL.revokeObjectURL(url);
    blobUrls = [];
    for (const id of ['problems', 'grade', 'downloads']) $(id).replaceChildren();
    $('log').textContent = '';
  }

  function run(event) {
    event.preventDefault();
    clearResults();
    const mode = document.querySelector('input[name=mode]:checked').value;
    const command = commandFor(mode);
    if (command.problem) {
      $('status').textContent = command.problem;
      return;
    }
    const names = command.names;
    const result = runEds3(command.args, chosen, Object.values(names));
    $('log').textContent = `eds3 ${command.args.join(' ')}\n\n${result.stdout}${result.stderr ? '\n' + result.stderr : ''}`;
    showProblems(result.diagnostics, result.stderr);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    if (result.status !== 0) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      $('status').textContent = errors
        ? `Not graded: ${errors} problem${errors === 1 ? '' : 's'} to fix, listed below. Nothing was written.`
        : 'Not done: see the message below.';
      return;
    }
    const downloads = element('div', { class: 'downloads' }, element('h3', { text: 'Downloads' }));
    for (const output of kOutputs) {
      const name = names[output.kind];
      if (result.outputs[name]) downloads.append(download(name, result.outputs[name], output.type, output.label));
    }
    $('downloads').append(downloads);
    if (mode === 'grade') {
      const json = JSON.parse(new TextDecoder().decode(result.outputs[names.json]));
      showGrade(json, result.stdout);
      $('status').textContent = (json.complete
        ? `Graded: total ${json.total} of ${json.max}, ${json.rating}.`
        : `Graded as Incomplete: ${json.missing.length} not scored.`) +
        (warnings ? ` ${warnings} warning${warnings === 1 ? '' : 's'} listed below.` : '');
    } else {
      $('grade').append(element('pre', { class: 'summary', text: result.stdout.replace(/\nWrote:[\s\S]*$/, '') }));
      $('status').textContent = mode === 'compare' ? 'Compared: the summary is below.' : 'Rolled up: the summary is below.';
    }
    document.body.dataset.lastRunMs = result.elapsed.toFixed(1);
  }

  function readFiles(list) {
    return Promise.all([...list].map((file) => file.arrayBuffer().then((buffer) => ({
      path: file.webkitRelativePath || file.name, bytes: new Uint8Array(buffer),
    }))));
  }

  // Reads a new choice of files. Until it is read, Run is off and the old
  // choice is gone: a run must never use the files chosen before. Only the
  // latest choice counts when one is made while another is being read.
  let choices = 0;
  let reading = false;
  async function choose(list) {
    const choice = ++choices;
    reading = true;
    chosen = [];
    clearResults();
    $('run').disabled = true;
    $('chosen').textContent = `Reading ${list.length} file${list.length === 1 ? '' : 's'}…`;
    $('status').textContent = '';
    let files;
    try {
      files = await readFiles(list);
    } catch (e) {
      if (choice !== choices) return;
      reading = false;
      $('chosen').textContent = 'No files chosen.';
      $('status').textContent = `The browser could not read a chosen file (${e && e.message ? e.message : e}). Choose the files again.`;
      $('run').disabled = engine === null;
      return;
    }
    if (choice !== choices) return;
    reading = false;
    chosen = files;
    const yamls = chosen.filter((f) => isYaml(f.path)).length;
    $('chosen').textContent = `${chosen.length} file${chosen.length === 1 ? '' : 's'} chosen (${yamls} YAML).`;
    $('status').textContent = 'Press the button to run.';
    $('run').disabled = engine === null;
  }

  function initAssessment(event) {
    event.preventDefault();
    const org = $('init-org').value;
    const year = $('init-year').value;
    const name = `assessment-${year.replace('/', '-')}.yaml`;
    const result = runEds3(['init', '--org', org, '--year', year, '--services', $('init-services').value, '-o', name], [], [name]);
    const box = $('init-status');
    box.replaceChildren();
    if (result.status !== 0) {
      box.append(element('pre', { text: result.stderr }));
      return;
    }
    const link = download(name, result.outputs[name], 'application/yaml', 'the new assessment');
    box.append(element('p', { text: 'Written. ' }, link));
    link.click();
  }

  // The first run after the page opens is slow (the browser compiles each
  // part of the engine when it is first called, and its memory grows), so the
  // page grades a new, empty assessment as `eds3 init` writes it while it
  // opens, and throws the result away: the user's first grade is then as
  // quick as the next. Nothing the user sees depends on it.
  function warmUp() {
    const made = runEds3(['init', '--org', 'Warm-up', '--year', '2025/26', '--services', '2', '-o', 'warm-up.yaml'],
      [], ['warm-up.yaml']);
    const yaml = made.outputs['warm-up.yaml'];
    if (made.status !== 0 || !yaml) return;
    runEds3(['grade', 'warm-up.yaml', ...outputsNamed('warm-up').tail], [{ path: 'warm-up.yaml', bytes: yaml }], []);
  }

  window.addEventListener('DOMContentLoaded', () => {
    $('files').addEventListener('change', (e) => choose(e.target.files));
    $('folder').addEventListener('change', (e) => choose(e.target.files));
    const drop = $('drop');
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files); });
    $('run-form').addEventListener('submit', run);
    $('init-form').addEventListener('submit', initAssessment);
    Eds3({ print: (text) => out.push(text), printErr: (text) => err.push(text) }).then((module) => {
      engine = module;
      try {
        warmUp();
      } catch (e) {
        // Only time is lost: the user's first run compiles what it needs.
      }
      $('run').disabled = reading;
      $('run').textContent = 'Run';
      $('init-run').disabled = false;
      document.body.dataset.ready = 'true';
    });
  });
})();
