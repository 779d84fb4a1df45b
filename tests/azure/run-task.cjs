// One whole pipeline step of the Azure task, the way Microsoft tests its tasks: azure-pipelines-task-lib's
// TaskMockRunner sets the inputs, the test sets the agent's own variables, and the real wrapper (index.js) runs
// the real framework-dependent build. Run by MockTestRunner (task.test.cjs) under the agent's Node 20 and 24.
// The scenario comes from DDG_SCENARIO (JSON) in the environment MockTestRunner passes on.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { TaskMockRunner } = require('azure-pipelines-task-lib/mock-run');

const scenario = JSON.parse(process.env.DDG_SCENARIO);
const taskDir = path.join(__dirname, '..', '..', 'task', 'DdGatesV1');
const tmr = new TaskMockRunner(path.join(taskDir, 'index.js'));

// The agent gives every declared input, its task.json default first (trimmed), then the pipeline's value.
const taskJson = JSON.parse(fs.readFileSync(path.join(taskDir, 'task.json'), 'utf8'));
for (const input of taskJson.inputs) tmr.setInput(input.name, (input.defaultValue || '').trim());
for (const [name, value] of Object.entries(scenario.inputs)) tmr.setInput(name, value);

// Agent variables, spelled as the agent spells them (Handler.cs + VarUtil.ConvertToEnvVariableFormat).
for (const [name, value] of Object.entries(scenario.variables)) process.env[name] = value;
process.chdir(scenario.variables.BUILD_SOURCESDIRECTORY);
tmr.run(true); // noMockTask: the wrapper imports no task-lib, so nothing is mocked
