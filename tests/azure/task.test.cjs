// The Azure task under azure-pipelines-task-lib's MockTestRunner, on the Node versions the agent ships for its
// Node20_1 and Node24 handlers (azure-pipelines-agent src/Misc/externals.sh: NODE20_VERSION 20.20.2,
// NODE24_VERSION 24.18.1; npm packages node@20.20.2 and node@24.18.1). The agent's variables are built as
// the agent builds them: Handler.AddEndpointsToEnvironment names a connection's variables with endpoint.Id
// (a Guid, so lower case) and the key through VarUtil.ConvertToEnvVariableFormat (upper case).
// Needs the task's .NET build in task/DdGatesV1/bin and the emulator build (both made by .ci/run).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawn } = require('node:child_process');
const readline = require('node:readline');

const root = path.join(__dirname, '..', '..');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ddg-tasklib-home-'));
process.env.HOME = home; // MockTestRunner looks for its Node builds under $HOME, read when it is loaded
const { MockTestRunner } = require('azure-pipelines-task-lib/mock-test');
const { commandFromString } = require('azure-pipelines-task-lib/taskcommand');

const API_KEY = 'mock-run-API-KEY-5f4e3d';
const APP_KEY = 'mock-run-APP-KEY-9a8b7c';
const AGENT_SECRET = 'agent-secret-1b2c3d';
const CONNECTION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'; // what Guid.ToString() gives, and the agent writes
const toEnvFormat = (s) => s.replace(/[. ]/g, '_').toUpperCase();

/** Puts the agent's Node build where MockTestRunner looks for its download, so nothing is fetched. */
function installNode(major, downloadName, binary) {
  const dir = path.join(home, 'azure-pipelines-task-lib', '_download', `node${major}`);
  const bin = path.join(dir, `node-${downloadName}-linux-x64`, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules', binary, 'bin', 'node'), path.join(bin, 'node'));
  fs.writeFileSync(`${dir}.completed`, '');
}
installNode(20, 'v20.13.1', 'node20');
installNode(24, 'v24.10.0', 'node24');

async function startEmulator(...extra) {
  const dll = path.join(root, 'src', 'DdGates.Emulator', 'bin', 'Release', 'net10.0', 'dd-gates-emulator.dll');
  const child = spawn('dotnet', [dll, '--port', '0', '--api-key', API_KEY, '--app-key', APP_KEY, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => readline.createInterface({ input: child.stdout }).once('line', resolve));
  return { url, stop: () => child.kill() };
}

function agentVariables(workspace) {
  const temp = path.join(workspace, '_temp');
  const sources = path.join(workspace, 's');
  fs.mkdirSync(temp, { recursive: true });
  fs.mkdirSync(path.join(sources, 'deploy'), { recursive: true });
  const endpoint = {
    [`ENDPOINT_URL_${CONNECTION}`]: 'https://app.datadoghq.eu/',
    [`ENDPOINT_AUTH_${CONNECTION}`]: JSON.stringify({ parameters: { apitoken: API_KEY, appkey: APP_KEY }, scheme: 'Token' }),
    [`ENDPOINT_AUTH_SCHEME_${CONNECTION}`]: 'Token',
    [`ENDPOINT_AUTH_PARAMETER_${CONNECTION}_${toEnvFormat('apitoken')}`]: API_KEY,
    [`ENDPOINT_AUTH_PARAMETER_${CONNECTION}_${toEnvFormat('appkey')}`]: APP_KEY,
    [`ENDPOINT_DATA_${CONNECTION}`]: JSON.stringify({ site: 'datadoghq.eu' }),
    [`ENDPOINT_DATA_${CONNECTION}_${toEnvFormat('site')}`]: 'datadoghq.eu',
  };
  return {
    ...endpoint,
    TF_BUILD: 'True',
    [toEnvFormat('Agent.TempDirectory')]: temp,
    [toEnvFormat('Build.SourcesDirectory')]: sources,
    [toEnvFormat('System.Debug')]: 'true',
    [`SECRET_${toEnvFormat('deploy.password')}`]: AGENT_SECRET,
  };
}

/** Every logging command in the output, read with task-lib's own parser. */
function commands(stdout) {
  return stdout.split('\n').filter((l) => l.includes('##vso[')).map((l) => commandFromString(l.substring(l.indexOf('##vso[')).trim()));
}

async function runStep(nodeMajor, inputs, gatesYaml) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ddg-agent-'));
  const variables = agentVariables(workspace);
  fs.writeFileSync(path.join(variables.BUILD_SOURCESDIRECTORY, 'deploy', 'gates.yaml'), gatesYaml);
  process.env.DDG_SCENARIO = JSON.stringify({ inputs, variables });
  const runner = new MockTestRunner(path.join(__dirname, 'run-task.cjs'), path.join(root, 'task', 'DdGatesV1', 'task.json'));
  await runner.runAsync(nodeMajor);
  delete process.env.DDG_SCENARIO;
  return { runner, variables, all: commands(runner.stdout) };
}

const GATES = 'gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: "service:web" } }\n';

for (const major of [20, 24]) {
  test(`Node ${major}: apply through a service connection, as the agent runs the step`, async () => {
    const emulator = await startEmulator();
    try {
      const { runner, variables, all } = await runStep(major, { connection: CONNECTION, command: 'apply', config: 'deploy/gates.yaml', apiUrl: emulator.url, runMethod: 'dotnet' }, GATES);
      assert.ok(runner.succeeded, runner.stdout + runner.stderr);
      assert.match(runner.stdout, new RegExp(`under Node ${major}\\.`));

      const outputs = Object.fromEntries(all.filter((c) => c.command === 'task.setvariable').map((c) => [c.properties.variable, { value: c.message, isOutput: c.properties.isoutput }]));
      for (const name of ['gateId', 'gateIds', 'changed', 'result', 'plan']) assert.strictEqual(outputs[name]?.isOutput, 'true', `${name} is an output variable`);
      assert.strictEqual(outputs.result.value, 'created');
      assert.strictEqual(outputs.changed.value, 'true');

      const cards = all.filter((c) => c.command === 'task.addattachment');
      assert.strictEqual(cards.length, 1, 'one summary card');
      assert.strictEqual(cards[0].properties.type, 'Distributedtask.Core.Summary');
      assert.strictEqual(cards[0].properties.name, 'Datadog Deployment Gates: apply');
      assert.ok(cards[0].message.startsWith(variables.AGENT_TEMPDIRECTORY));
      assert.match(fs.readFileSync(cards[0].message, 'utf8'), /\*\*Applied\.\*\* Gates: 1 created\./);

      assert.deepStrictEqual(all.filter((c) => c.command === 'task.setsecret').map((c) => c.message), [API_KEY, APP_KEY]);
      const shown = runner.stdout.split('\n').filter((l) => !l.includes('##vso[task.setsecret]')).join('\n') + runner.stderr;
      for (const secret of [API_KEY, APP_KEY, AGENT_SECRET]) assert.ok(!shown.includes(secret), 'a secret leaked');
      assert.ok(!/##vso(?!\[)/.test(runner.stdout), 'a line holds ##vso that is no command');
    } finally {
      emulator.stop();
    }
  });

  test(`Node ${major}: no verdict without failOnError goes on, SucceededWithIssues, and gateStatus says which`, async () => {
    const emulator = await startEmulator('--fault-rate', '1', '--fault-kinds', '503');
    try {
      const inputs = { connection: CONNECTION, command: 'evaluate', service: 'web', env: 'prod', timeout: '2', apiUrl: emulator.url, runMethod: 'dotnet' };
      const { runner, all } = await runStep(major, inputs, GATES);
      assert.ok(runner.succeeded, runner.stdout);
      assert.deepStrictEqual(all.filter((c) => c.command === 'task.complete').map((c) => c.properties.result), ['SucceededWithIssues']);
      const outputs = Object.fromEntries(all.filter((c) => c.command === 'task.setvariable').map((c) => [c.properties.variable, c]));
      for (const name of ['gateStatus', 'evaluationId', 'evaluationUrl', 'rules']) assert.strictEqual(outputs[name]?.properties.isoutput, 'true', `${name} is an output variable`);
      assert.strictEqual(outputs.gateStatus.message, 'timeout');
      assert.strictEqual(all.filter((c) => c.command === 'task.addattachment').map((c) => c.properties.name).join(), 'Datadog gate evaluation: timed out, deploying anyway');
    } finally {
      emulator.stop();
    }
  });

  test(`Node ${major}: no connection and no keys says how to set them on Azure, once`, async () => {
    const { runner, all } = await runStep(major, { command: 'plan', config: 'deploy/gates.yaml', apiUrl: 'http://127.0.0.1:9', runMethod: 'dotnet' }, GATES);
    assert.ok(runner.failed);
    const errors = all.filter((c) => c.command === 'task.logissue' && c.properties.type === 'error').map((c) => c.message);
    const hint = 'set connection (a Datadog service connection), or the apiKey and appKey inputs (from secret variables)';
    assert.strictEqual(errors.filter((e) => e.includes(hint)).length, 1, errors.join('\n'));
    assert.strictEqual(all.filter((c) => c.command === 'task.complete').map((c) => c.properties.result).join(), 'Failed');
  });
}
