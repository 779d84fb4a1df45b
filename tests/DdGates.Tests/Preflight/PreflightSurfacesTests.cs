using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Tests.Azure;
using DdGates.Tests.Cli;
using DdGates.Tests.PullRequests;
using DdGates.Tests.Support;

namespace DdGates.Tests.Preflight;

/// <summary>
/// The preflight's warnings where a reviewer meets them: the pull-request comment (rendered as GitHub renders it, in sight
/// outside &lt;details&gt;) on both platforms, Azure's logissue warnings as the agent parses them, and text from the server
/// passing the one output boundary. Searches go through the same transport: a 429 is waited out, not read as "0".
/// </summary>
public class PreflightSurfacesTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: prod
            rules:
              - { name: P0, type: monitor, options: { query: "service:checkout" } }
              - { name: Typo, type: monitor, options: { query: "service:chekout" } }
        """;

    private static async Task<EmulatorHost> OrganizationAsync(string name = "Checkout errors")
    {
        var emulator = await TestEmulator.StartAsync();
        emulator.State.Monitors.Add([new MonitorRecord(101, name, ["service:checkout"], false, "OK")]);
        return emulator;
    }

    [Theory]
    [InlineData("github")]
    [InlineData("azure")]
    public async Task The_pull_request_comment_shows_each_count_and_the_warning_in_sight(string host)
    {
        await using var emulator = await OrganizationAsync();

        var step = await PullRequestSteps.PlanAsync(host, emulator, CliRunner.TempFile(Gates), run: 3, inputs: new() { ["preflight"] = "warn" });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        var key = host == "github" ? PullRequestSteps.GitHubComments : PullRequestSteps.AzureThreads;
        var comment = Assert.Single(emulator.State.PullRequests.Comments(key)).Body;
        var rendered = await Gfm.RenderAsync(comment);
        Assert.Contains("Monitor rules: 2 checked (2 searches); 1 matches no monitor.", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("checkout/prod/default, rule \"Typo\": no monitor matches \"service:chekout\" (not muted)", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("matches 1 monitor: Checkout errors", rendered.InSight, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://127.0.0.1:", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("/monitors/101\">Checkout errors</a>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_gets_a_logissue_warning_naming_the_rule()
    {
        await using var emulator = await OrganizationAsync();

        var step = await HostedStep.RunAsync("azure", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates), ["preflight"] = "warn" });

        var warnings = AgentLoggingCommands.Parse(step.Stdout).Where(c => c.Event == "logissue" && c.Properties["type"] == "warning").ToList();
        Assert.Single(warnings, w => w.Data.Contains("rule \"Typo\": no monitor matches", StringComparison.Ordinal));
        Assert.Empty(step.Errors);
    }

    [Fact]
    public async Task A_monitor_name_holding_commands_and_a_key_reaches_no_output_as_either()
    {
        await using var emulator = await OrganizationAsync($"::warning::forged ##vso[task.setvariable variable=x]y {TestEmulator.AppKey}");

        var github = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates), ["preflight"] = "warn" });
        var azure = await HostedStep.RunAsync("azure", emulator, new() { ["command"] = "plan", ["config"] = CliRunner.TempFile(Gates), ["preflight"] = "warn" });

        Assert.DoesNotContain(github.Commands, c => c.Data.StartsWith("forged", StringComparison.Ordinal));
        Assert.Equal(1, github.Commands.Count(c => c.Command == "warning"));
        Assert.DoesNotContain(AgentLoggingCommands.Parse(azure.Stdout), c => c.Event == "setvariable" && c.Properties.GetValueOrDefault("variable") == "x");
        foreach (var step in new[] { github, azure })
        {
            Assert.DoesNotContain(TestEmulator.AppKey, step.Stdout.Replace($"::add-mask::{TestEmulator.AppKey}", "", StringComparison.Ordinal)
                .Replace($"##vso[task.setsecret]{TestEmulator.AppKey}", "", StringComparison.Ordinal) + step.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_rate_limited_search_is_waited_out_and_counted_not_read_as_no_match()
    {
        await using var emulator = await OrganizationAsync();
        emulator.State.ScriptFaults("GET /api/v1/monitor/search", "429", "503");

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", CliRunner.TempFile(Gates), "--preflight", "warn");

        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        Assert.Contains("= checkout/prod/default \"P0\": matches 1 monitor", plan.Stdout, StringComparison.Ordinal);
        var searches = emulator.State.Log.Entries.Where(e => e.Path == "/api/v1/monitor/search").ToList();
        Assert.Equal(4, searches.Count); // two answered, after a 429 and a 503
        Assert.Equal(2, searches.Count(e => e.Status == 200));
    }
}
