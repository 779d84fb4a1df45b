using DdGates.Emulator;
using DdGates.Tests.Support;

namespace DdGates.Tests.Azure;

/// <summary>The task's wrapper, spawned as the agent spawns it, for both run methods.</summary>
public class WrapperTests
{
    private const string Connection = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private const string ApiKey = "az-API-KEY-9e8d7c6b5a";
    private const string AppKey = "az-APP-KEY-1f2e3d4c5b";
    private const string AgentSecret = "hunter2-agent-secret";
    private const string AgentToken = "vss-oauth-token-abcdef";
    private const string Gates = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: \"service:web\" } }\n";

    private static Dictionary<string, string> AgentEnv(string command, string runMethod, string? apiUrl = null)
    {
        var env = new Dictionary<string, string>(AgentEnvironment.Endpoint(Guid.Parse(Connection), "https://app.datadoghq.eu/",
            new Dictionary<string, string> { ["apitoken"] = ApiKey, ["appkey"] = AppKey }, new Dictionary<string, string> { ["site"] = "datadoghq.eu" }))
        {
            ["INPUT_RUNMETHOD"] = runMethod,
            ["INPUT_COMMAND"] = command,
            ["INPUT_CONFIG"] = "deploy/gates.yaml",
            ["INPUT_CONNECTION"] = Connection,
            ["INPUT_SITE"] = "datadoghq.com",
            ["INPUT_PRUNE"] = "false",
            ["INPUT_TIMEOUT"] = "3600",
            ["INPUT_CONCURRENCY"] = "8",
            ["ENDPOINT_AUTH_SYSTEMVSSCONNECTION"] = $$"""{"parameters":{"AccessToken":"{{AgentToken}}"},"scheme":"OAuth"}""",
            ["SECRET_DEPLOYPASSWORD"] = AgentSecret,
            ["SYSTEM_DEBUG"] = "true",
        };
        if (apiUrl is not null) env["INPUT_APIURL"] = apiUrl;
        return env;
    }

    [Fact]
    public async Task Container_runs_the_pinned_image_with_an_allow_listed_environment_and_passes_the_exit_code_through()
    {
        using var agent = new TaskSandbox();
        var record = agent.InstallFakeDocker(runExitCode: 4);

        var run = await agent.RunAsync(AgentEnv("evaluate", "auto"), $"{agent.FakeBin}:/usr/bin:/bin");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("running as the container ghcr.io/org/dd-gates:0.1.0 (Docker is available on this Linux agent)", run.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(record);
        var args = lines.Last(l => l.StartsWith("ARGS run ", StringComparison.Ordinal));
        Assert.Contains($"-v {agent.Sources}:{agent.Sources}", args, StringComparison.Ordinal);
        Assert.Contains($"-v {agent.Temp}:{agent.Temp}", args, StringComparison.Ordinal);
        Assert.Contains($"--workdir {agent.Sources}", args, StringComparison.Ordinal);
        Assert.EndsWith("ghcr.io/org/dd-gates:0.1.0 run", args, StringComparison.Ordinal);
        var names = lines.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)).Select(l => l[4..]).ToHashSet();
        Assert.Contains("INPUT_COMMAND", names);
        Assert.Contains($"ENDPOINT_AUTH_PARAMETER_{Connection}_APITOKEN", names);
        Assert.Contains($"ENDPOINT_DATA_{Connection}_SITE", names);
        Assert.Contains("TF_BUILD", names);
        Assert.DoesNotContain("SECRET_DEPLOYPASSWORD", names);
        Assert.DoesNotContain("ENDPOINT_AUTH_SYSTEMVSSCONNECTION", names);
        Assert.DoesNotContain("INPUT_RUNMETHOD", names);
        foreach (var secret in new[] { ApiKey, AppKey, AgentSecret, AgentToken }) Assert.DoesNotContain(secret, args, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(AgentSecret, StringComparison.Ordinal) || l.Contains(AgentToken, StringComparison.Ordinal));
        Assert.Equal("created", run.OutputVariables["result"]);
    }

    [Fact]
    public async Task Dotnet_runs_the_shipped_build_and_speaks_the_agents_language()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var agent = new TaskSandbox();
        Directory.CreateDirectory(Path.Combine(agent.Sources, "deploy"));
        File.WriteAllText(Path.Combine(agent.Sources, "deploy", "gates.yaml"), Gates);

        var run = await agent.RunAsync(AgentEnv("apply", "dotnet", emulator.BaseUrl.AbsoluteUri), $"{TaskSandbox.DotnetDir()}:/usr/bin:/bin");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("running as the .NET build shipped in this task (runMethod is dotnet)", run.Stdout, StringComparison.Ordinal);
        var commands = run.Commands;
        var passed = commands.Single(c => c.Event == "debug" && c.Data.StartsWith("environment passed on:", StringComparison.Ordinal)).Data;
        Assert.DoesNotContain("SECRET_", passed, StringComparison.Ordinal);
        Assert.DoesNotContain("SYSTEMVSSCONNECTION", passed, StringComparison.Ordinal);
        var program = commands.SkipWhile(c => c.Event == "debug").ToList();
        Assert.Equal(("setsecret", ApiKey), (program[0].Event, program[0].Data));
        Assert.Equal(("setsecret", AppKey), (program[1].Event, program[1].Data));
        var outputs = run.OutputVariables;
        Assert.Equal("created", outputs["result"]);
        Assert.Equal("true", outputs["changed"]);
        Assert.Equal(Assert.Single(emulator.State.Store.Snapshot()).Id, outputs["gateId"]);
        var card = commands.Single(c => c.Event == "addattachment");
        Assert.Equal(("Distributedtask.Core.Summary", "Datadog Deployment Gates: apply"), (card.Properties["type"], card.Properties["name"]));
        var summary = card.Data;
        Assert.StartsWith(agent.Temp, summary, StringComparison.Ordinal);
        Assert.Contains("**Applied.** Gates: 1 created.", File.ReadAllText(summary), StringComparison.Ordinal);
        var withoutSetSecret = string.Join("\n", run.Stdout.Split('\n').Where(l => !l.Contains("##vso[task.setsecret]", StringComparison.Ordinal)));
        foreach (var secret in new[] { ApiKey, AppKey, AgentSecret, AgentToken }) Assert.DoesNotContain(secret, withoutSetSecret + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_pull_request_the_plan_is_posted_only_with_the_mapped_access_token_never_the_agents_own(bool mapped)
    {
        const string Mapped = "mapped-system-access-token-5c4b3a";
        await using var emulator = await TestEmulator.StartAsync();
        using var agent = new TaskSandbox();
        Directory.CreateDirectory(Path.Combine(agent.Sources, "deploy"));
        File.WriteAllText(Path.Combine(agent.Sources, "deploy", "gates.yaml"), Gates);
        var env = AgentEnv("plan", "dotnet", emulator.BaseUrl.AbsoluteUri);
        env["INPUT_PRCOMMENT"] = "true";
        env["BUILD_REASON"] = "PullRequest";
        env["BUILD_REPOSITORY_PROVIDER"] = "TfsGit";
        env["BUILD_REPOSITORY_ID"] = "3411ebc1-d5aa-464f-9615-0b527bc66719";
        env["BUILD_BUILDID"] = "77";
        env["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "22";
        env["SYSTEM_COLLECTIONURI"] = emulator.BaseUrl.AbsoluteUri + "fabrikam/";
        env["SYSTEM_TEAMPROJECTID"] = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
        if (mapped) env["SYSTEM_ACCESSTOKEN"] = Mapped; // the step's env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)

        var run = await agent.RunAsync(env, $"{TaskSandbox.DotnetDir()}:/usr/bin:/bin");

        Assert.True(run.ExitCode == 0, run.ToString());
        var threads = emulator.State.PullRequests.Comments(DdGates.Emulator.PlatformEndpoints.AzureKey("3411ebc1-d5aa-464f-9615-0b527bc66719", 22));
        Assert.Equal(mapped ? 1 : 0, threads.Count);
        Assert.All(emulator.State.PullRequests.Authorizations, a => Assert.Equal($"Bearer {Mapped}", a));
        if (mapped) Assert.Equal(("setsecret", Mapped), (run.Commands[0].Event, run.Commands[0].Data));
        else Assert.Contains(run.Commands, c => c.Event == "logissue" && c.Data.Contains("SYSTEM_ACCESSTOKEN: $(System.AccessToken)", StringComparison.Ordinal));
        var withoutSetSecret = string.Join("\n", run.Stdout.Split('\n').Where(l => !l.Contains("##vso[task.setsecret]", StringComparison.Ordinal)));
        foreach (var secret in new[] { Mapped, AgentToken }) Assert.DoesNotContain(secret, withoutSetSecret + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_gates_file_becomes_logissue_lines_with_path_and_line_and_a_failed_task()
    {
        using var agent = new TaskSandbox();
        Directory.CreateDirectory(Path.Combine(agent.Sources, "deploy"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Corpus", "bad", "three-mistakes.yaml"), Path.Combine(agent.Sources, "deploy", "gates.yaml"));

        var run = await agent.RunAsync(AgentEnv("apply", "dotnet", "http://127.0.0.1:9"), $"{TaskSandbox.DotnetDir()}:/usr/bin:/bin");

        Assert.Equal(3, run.ExitCode);
        var issues = run.Commands.Where(c => c.Event == "logissue" && c.Properties.ContainsKey("sourcepath")).ToList();
        Assert.Equal(3, issues.Count);
        Assert.All(issues, i => Assert.Equal(Path.Combine(agent.Sources, "deploy", "gates.yaml"), i.Properties["sourcepath"]));
        Assert.Equal(["8", "9", "10"], issues.Select(i => i.Properties["linenumber"]));
        Assert.Equal("Failed", run.Commands.Single(c => c.Event == "complete").Properties["result"]);
        Assert.Equal("invalid", run.OutputVariables["result"]);
    }

    [Theory]
    [InlineData("dotnet", "needs the .NET 10 runtime on the agent")]
    [InlineData("container", "runMethod container needs Docker on a Linux agent")]
    [InlineData("podman", "runMethod must be auto, container or dotnet")]
    public async Task A_run_method_that_cannot_work_says_what_is_missing(string method, string message)
    {
        using var agent = new TaskSandbox();

        var run = await agent.RunAsync(AgentEnv("apply", method), agent.FakeBin);

        Assert.Equal(1, run.ExitCode);
        var complete = run.Commands.Single(c => c.Event == "complete");
        Assert.Equal("Failed", complete.Properties["result"]);
        Assert.Contains(message, complete.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_with_only_another_major_dotnet_is_told_which_it_has_and_what_to_add()
    {
        using var agent = new TaskSandbox();
        var dotnet = Path.Combine(agent.FakeBin, "dotnet");
        File.WriteAllText(dotnet, "#!/bin/sh\necho 'Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]'\necho 'Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(agent.TaskDir, "bin"));
        File.WriteAllText(Path.Combine(agent.TaskDir, "bin", "dd-gates.dll"), "");

        var run = await agent.RunAsync(AgentEnv("apply", "dotnet"), $"{agent.FakeBin}:/usr/bin:/bin");

        Assert.Equal(1, run.ExitCode);
        var complete = run.Commands.Single(c => c.Event == "complete");
        Assert.Equal("Failed", complete.Properties["result"]);
        Assert.Contains("needs the .NET 10 runtime (or later) on the agent, and it has only 8.0.11. Add a UseDotNet@2 step", complete.Data, StringComparison.Ordinal);
    }
}
