// Azure Pipelines wrapper for dd-gates: no dependencies, no azure-pipelines-task-lib (which would
// scrub INPUT_* before we could pass them on). It picks how to run the one .NET program, hands it an
// allow-listed environment (never the agent's SECRET_* variables or its own connection token; System.AccessToken
// only when the pipeline maps it into the step as SYSTEM_ACCESSTOKEN, and then masked), passes
// stdio through, and exits with the program's exit code. The program writes the ##vso commands.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// The image the release pins; equal to action.yml's (a test checks).
const IMAGE = 'ghcr.io/org/dd-gates:0.1.0';
const DOTNET_BUILD = path.join(__dirname, 'bin', 'dd-gates.dll');

function vso(command, properties, message) {
  const esc = (s, prop) => String(s).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
    .replace(prop ? /]/g : /$^/, '%5D').replace(prop ? /;/g : /$^/, '%3B');
  const props = Object.entries(properties).map(([k, v]) => `${k}=${esc(v, true)}`).join(';');
  console.log(`##vso[${command}${props ? ' ' + props : ''}]${esc(message, false)}`);
}

function fail(message) {
  vso('task.logissue', { type: 'error' }, message);
  vso('task.complete', { result: 'Failed' }, message);
  process.exit(1);
}

/** The child's environment: inputs, this task's connection, the agent variables the program reads. Nothing else. */
function allowedEnvironment(env) {
  // The agent names a connection's variables with its id as it is (a lower-case GUID) and only the key part
  // upper-cased (azure-pipelines-agent Handler.AddEndpointsToEnvironment); match the id ignoring case.
  const connection = (env.INPUT_CONNECTION || '').trim().replace(/[^A-Za-z0-9-]/g, '');
  const endpoint = connection === '' ? null : new RegExp(`^ENDPOINT_(URL|AUTH_PARAMETER|DATA)_${connection}(_[A-Z0-9_]+)?$`, 'i');
  const keep = (name) =>
    (/^INPUT_/.test(name) && name !== 'INPUT_RUNMETHOD') ||
    (endpoint !== null && endpoint.test(name)) ||
    /^(DD|DATADOG)_(API_KEY|APP_KEY|SITE)$/.test(name) || name === "DD_ACCESS_TOKEN" ||
    ['TF_BUILD', 'SYSTEM_DEBUG', 'BUILD_SOURCESDIRECTORY', 'BUILD_BUILDID', 'BUILD_REPOSITORY_NAME', 'AGENT_TEMPDIRECTORY',
      'SYSTEM_DEFAULTWORKINGDIRECTORY', 'SYSTEM_TEAMFOUNDATIONCOLLECTIONURI', 'SYSTEM_TEAMPROJECT',
      // The plan comment on an Azure Repos pull request: which pull request, where, and the token the user mapped.
      'BUILD_REASON', 'BUILD_REPOSITORY_PROVIDER', 'BUILD_REPOSITORY_ID', 'SYSTEM_PULLREQUEST_PULLREQUESTID', 'SYSTEM_COLLECTIONURI',
      'SYSTEM_TEAMPROJECTID', 'SYSTEM_JOBATTEMPT', 'SYSTEM_ACCESSTOKEN'].includes(name);
  const child = {};
  for (const [name, value] of Object.entries(env)) if (keep(name)) child[name] = value;
  child.DDGATES_CI = 'azure';
  return child;
}

const DOCKER_TIMEOUT_MS = 10000;
let dockerProblem = '';

/** Whether a Docker daemon answers, within 10 s: a hung daemon must not hang the step. */
function dockerWorks() {
  if (process.platform !== 'linux') return false;
  const r = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: DOCKER_TIMEOUT_MS });
  if (r.error && r.error.code === 'ETIMEDOUT') dockerProblem = `"docker version" did not answer within ${DOCKER_TIMEOUT_MS / 1000} s`;
  else if (r.status !== 0) dockerProblem = '"docker version" failed here';
  return r.status === 0;
}

/** The .NET runtimes on the agent; the build targets .NET 10 and runs on a later major on purpose (--roll-forward Major). */
function dotnetRuntimes() {
  const r = spawnSync('dotnet', ['--list-runtimes'], { encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0) return null;
  return [...r.stdout.matchAll(/^Microsoft\.NETCore\.App (\d+)\.(\S+)/gm)].map(m => ({ major: Number(m[1]), version: `${m[1]}.${m[2]}` }));
}

function choose(method) {
  if (method === 'container') return ['container', 'runMethod is container'];
  if (method === 'dotnet') return ['dotnet', 'runMethod is dotnet'];
  if (method !== 'auto') fail(`runMethod must be auto, container or dotnet, not "${method}".`);
  if (dockerWorks()) return ['container', 'Docker is available on this Linux agent'];
  return ['dotnet', process.platform === 'linux' ? `Docker is not available on this agent: ${dockerProblem}` : `containers need a Linux agent (this one is ${process.platform})`];
}

function command(method, env) {
  const childEnv = allowedEnvironment(env);
  if (method === 'container') {
    if (!dockerWorks()) fail(`runMethod container needs Docker on a Linux agent, and ${dockerProblem || 'this agent is not Linux'}. Use runMethod auto or dotnet, or install Docker.`);
    const cwd = process.cwd();
    // Sources and the temp directory at the same absolute paths, so file paths in issues and the summary file stay valid on the agent.
    const mounts = [...new Set([cwd, env.BUILD_SOURCESDIRECTORY, env.AGENT_TEMPDIRECTORY].filter(Boolean))].flatMap(p => ['-v', `${p}:${p}`]);
    const user = typeof process.getuid === 'function' ? ['--user', `${process.getuid()}:${process.getgid()}`] : [];
    // Values travel in docker's own environment (-e NAME), never on its command line.
    const names = Object.keys(childEnv).flatMap(n => ['-e', n]);
    return { file: 'docker', args: ['run', '--rm', '--network', 'host', '--workdir', cwd, ...user, ...mounts, ...names, IMAGE, 'run'], env: { ...childEnv, PATH: env.PATH } };
  }
  if (!fs.existsSync(DOTNET_BUILD)) fail(`The task is missing its dotnet build (${DOTNET_BUILD}). Reinstall the extension, or use runMethod container.`);
  const runtimes = dotnetRuntimes();
  const fix = 'Add a UseDotNet@2 step (packageType: runtime, version: 10.x) before this task, or use a Linux agent with Docker.';
  if (runtimes === null) fail(`runMethod dotnet needs the .NET 10 runtime on the agent, and no dotnet was found. ${fix}`);
  if (!runtimes.some(r => r.major >= 10)) {
    const found = runtimes.length ? `only ${runtimes.map(r => r.version).join(', ')}` : 'no .NET runtime';
    fail(`runMethod dotnet needs the .NET 10 runtime (or later) on the agent, and it has ${found}. ${fix}`);
  }
  const keepForDotnet = ['PATH', 'HOME', 'DOTNET_ROOT', 'TMPDIR', 'TEMP', 'TMP', 'USERPROFILE', 'SYSTEMROOT'];
  for (const name of keepForDotnet) if (env[name] !== undefined) childEnv[name] = env[name];
  return { file: 'dotnet', args: ['--roll-forward', 'Major', DOTNET_BUILD, 'run'], env: childEnv };
}

// A mapped System.AccessToken is a plain environment variable in this process: mask it before anything is printed.
if ((process.env.SYSTEM_ACCESSTOKEN || '').trim() !== '') vso('task.setsecret', {}, process.env.SYSTEM_ACCESSTOKEN.trim());
const method = (process.env.INPUT_RUNMETHOD || 'auto').trim().toLowerCase();
const [chosen, why] = choose(method);
console.log(`dd-gates: running as ${chosen === 'container' ? `the container ${IMAGE}` : 'the .NET build shipped in this task'} (${why}), under Node ${process.versions.node}.`);
const run = command(chosen, process.env);
if (process.env.SYSTEM_DEBUG === 'true') vso('task.debug', {}, `environment passed on: ${Object.keys(run.env).sort().join(', ')}`);
const child = spawn(run.file, run.args, { env: run.env, stdio: 'inherit' });
child.on('error', (e) => fail(`Could not start ${run.file}: ${e.message}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
