// Checks a .vsix: under the 25 MiB upload limit, and holding every file the task needs, including each
// execution target task.json names (tfx only warns when one is missing). Usage: check-vsix.cjs FILE.vsix
const fs = require('node:fs');
const path = require('node:path');

const LIMIT = 25 * 1024 * 1024;
const file = process.argv[2];
const zip = fs.readFileSync(file);

// The zip's central directory: the end record (0x06054b50) gives its offset and entry count.
const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (end < 0) throw new Error(`${file} is not a zip`);
const count = zip.readUInt16LE(end + 10);
let at = zip.readUInt32LE(end + 16);
const entries = [];
for (let i = 0; i < count; i++) {
  if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
  const nameLength = zip.readUInt16LE(at + 28), extra = zip.readUInt16LE(at + 30), comment = zip.readUInt16LE(at + 32);
  entries.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
  at += 46 + nameLength + extra + comment;
}

const task = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'task', 'DdGatesV1', 'task.json'), 'utf8'));
const required = [...new Set(['extension.vsixmanifest', 'DdGatesV1/task.json', 'DdGatesV1/bin/dd-gates.dll', 'DdGatesV1/bin/dd-gates.runtimeconfig.json',
  ...Object.values(task.execution).map(e => `DdGatesV1/${e.target}`)])];
const missing = required.filter(r => !entries.includes(r));
const size = fs.statSync(file).size;
console.log(`${path.basename(file)}: ${(size / 1024 / 1024).toFixed(2)} MiB, ${entries.length} entries`);
if (size >= LIMIT) { console.error(`too large: ${size} bytes, the limit is ${LIMIT}`); process.exit(1); }
if (missing.length) { console.error(`missing from the package: ${missing.join(', ')}`); process.exit(1); }
console.log(`ok: under ${LIMIT / 1024 / 1024} MiB; holds ${required.join(', ')}`);
