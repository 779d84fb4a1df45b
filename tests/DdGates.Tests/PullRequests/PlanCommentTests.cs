using static DdGates.Tests.PullRequests.PullRequestSteps;
using DdGates.Cli.Exit;
using DdGates.Cli.Platforms.GitHub;
using DdGates.Emulator;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.PullRequests;

/// <summary>
/// plan on a pull request, through the whole program as a GitHub or Azure step, against the emulator's fake GitHub
/// and Azure DevOps: one comment per gates file and selection, updated in place, never duplicated, never blocking.
/// </summary>
public class PlanCommentTests
{
    public static TheoryData<string> Hosts => ["github", "azure"];

    private const string OneRule = "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitor, options: { query: \"service:web\" } }\n";
    private const string TwoRules = OneRule + "      - { name: Canary, type: faulty_deployment_detection, options: { duration: 900 } }\n";

    private static string Key(string host) => host == "github" ? PullRequestSteps.GitHubComments : AzureThreads;

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Two_runs_leave_exactly_one_comment_with_the_newest_plan(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(OneRule);

        var first = await PlanAsync(host, emulator, file, run: 1001);
        File.WriteAllText(file, TwoRules);
        var second = await PlanAsync(host, emulator, file, run: 1002);

        Assert.True(first.ExitCode == ExitCodes.Ok && second.ExitCode == ExitCodes.Ok, second.ToString());
        var comment = Assert.Single(emulator.State.PullRequests.Comments(Key(host)));
        Assert.Single(emulator.State.PullRequests.History(Key(host))); // updated in place, not deleted and posted again
        Assert.Contains("run=1002001", comment.Body, StringComparison.Ordinal);
        Assert.Contains("rule \"Canary\": create", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"`{second.Outputs[host == "github" ? "plan-hash" : "planHash"]}`", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<details><summary>The whole plan, as a diff</summary>", comment.Body, StringComparison.Ordinal);
        Assert.Contains(host == "github" ? "https://github.com/octo/shop/actions/runs/1002" : "/_build/results?buildId=1002", comment.Body, StringComparison.Ordinal);
        Assert.Contains(host == "github" ? "Updated the plan comment on GitHub octo/shop#42" : "Updated the plan comment on Azure Repos pull request 22", second.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task The_token_is_masked_sent_only_as_a_bearer_token_and_in_no_output_or_summary(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PlanAsync(host, emulator, CliRunner.TempFile(OneRule), run: 7);
        var token = host == "github" ? GitHubToken : AzureToken;

        var mask = host == "github" ? $"::add-mask::{token}" : $"##vso[task.setsecret]{token}";
        Assert.Equal(1, CountOf(step.Stdout, token));
        Assert.StartsWith(mask, step.Stdout.Split('\n').Single(l => l.Contains(token, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(token, step.Summary + step.Stderr + string.Concat(step.Outputs.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(token, Assert.Single(emulator.State.PullRequests.Comments(Key(host))).Body, StringComparison.Ordinal);
        Assert.All(emulator.State.PullRequests.Authorizations, a => Assert.Equal($"Bearer {token}", a));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Keys_a_server_echoes_into_the_failed_plan_reach_the_comment_redacted(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var datadog = DdGates.Tests.Hostile.HostileServer.Always(403,
            $$"""{"errors":["key {{TestEmulator.ApiKey}} with application key {{TestEmulator.AppKey}} may not read gates"]}""");

        var step = await PlanAsync(host, emulator, CliRunner.TempFile(OneRule), run: 9, datadog: datadog.Url);

        Assert.Equal(ExitCodes.Failed, step.ExitCode);
        var body = Assert.Single(emulator.State.PullRequests.Comments(Key(host))).Body;
        Assert.Contains("may not read gates", body, StringComparison.Ordinal); // the server's words got into the comment...
        Assert.DoesNotContain(TestEmulator.ApiKey, body, StringComparison.Ordinal); // ...without the keys
        Assert.DoesNotContain(TestEmulator.AppKey, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Two_runs_at_once_end_with_one_comment_holding_the_later_runs_plan(string host)
    {
        for (var round = 0; round < 3; round++)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var file = CliRunner.TempFile(OneRule);
            var runs = await Task.WhenAll(PlanAsync(host, emulator, file, run: 2001), PlanAsync(host, emulator, file, run: 2002));

            Assert.All(runs, r => Assert.Equal(ExitCodes.Ok, r.ExitCode));
            var comment = Assert.Single(emulator.State.PullRequests.Comments(Key(host)));
            Assert.Contains("run=2002001", comment.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Duplicates_left_by_an_earlier_race_are_removed_and_the_oldest_is_kept(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(OneRule);
        await PlanAsync(host, emulator, file, run: 1);
        var first = Assert.Single(emulator.State.PullRequests.Comments(Key(host)));
        emulator.State.PullRequests.Add(Key(host), first.Body, "another run");
        emulator.State.PullRequests.Add(Key(host), "An unrelated review comment.", "a reviewer");

        await PlanAsync(host, emulator, file, run: 2);

        var left = emulator.State.PullRequests.Comments(Key(host));
        Assert.Equal(2, left.Count);
        Assert.Equal(first.Id, left[0].Id);
        Assert.Contains("run=2001", left[0].Body, StringComparison.Ordinal);
        Assert.Equal("An unrelated review comment.", left[1].Body);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task An_older_run_finishing_late_does_not_overwrite_a_newer_plan(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(OneRule);
        await PlanAsync(host, emulator, file, run: 5000);

        var late = await PlanAsync(host, emulator, CliRunner.TempFile(TwoRules), run: 4999, variables: []);

        Assert.Equal(2, emulator.State.PullRequests.Comments(Key(host)).Count); // another file: its own comment
        var step = await PlanAsync(host, emulator, file, run: 4999);
        Assert.Contains("a later run wrote it", step.Stdout, StringComparison.Ordinal);
        Assert.Contains(emulator.State.PullRequests.Comments(Key(host)), c => c.Body.Contains("run=5000001", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Ok, late.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_token_that_may_not_comment_warns_naming_the_permission_and_changes_nothing_else(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PlanAsync(host, emulator, CliRunner.TempFile(OneRule), run: 9, token: PullRequestStore.ReadOnlyTokenPrefix + "fork-token");

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.Equal("pending", step.Outputs["result"]);
        Assert.Contains("Changes pending", step.Summary, StringComparison.Ordinal);
        Assert.Empty(emulator.State.PullRequests.Comments(Key(host)));
        var permission = host == "github" ? "pull-requests: write" : "Contribute to pull requests";
        Assert.Contains(Warnings(host, step), w => w.Contains(permission, StringComparison.Ordinal) && w.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GitHubs_secondary_rate_limits_are_waited_out_by_retry_after_and_by_the_reset_time()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.PullRequests.ScriptFaults("GET /repos/octo/shop/issues/42/comments", "reset");
        emulator.State.PullRequests.ScriptFaults("POST /repos/octo/shop/issues/42/comments", "secondary");

        var step = await PlanAsync("github", emulator, CliRunner.TempFile(OneRule), run: 3);

        Assert.Single(emulator.State.PullRequests.Comments(PullRequestSteps.GitHubComments));
        Assert.Contains(step.Commands, c => c.Command == "debug" && c.Data.Contains("403", StringComparison.Ordinal) && c.Data.Contains("retry 1/", StringComparison.Ordinal));
        Assert.DoesNotContain(step.Commands, c => c.Command == "warning");
    }

    [Fact]
    public async Task GitHub_enterprise_server_is_reached_through_its_own_api_base()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PlanAsync("github", emulator, CliRunner.TempFile(OneRule), run: 4,
            variables: new() { ["GITHUB_API_URL"] = emulator.BaseUrl.AbsoluteUri + "ghes/api/v3", ["GITHUB_SERVER_URL"] = "https://ghes.example.com" });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.Contains("https://ghes.example.com/octo/shop/actions/runs/4", Assert.Single(emulator.State.PullRequests.Comments(PullRequestSteps.GitHubComments)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github", "GITHUB_EVENT_NAME", "push")]
    [InlineData("azure", "BUILD_REASON", "IndividualCI")]
    [InlineData("github", "INPUT_PR-COMMENT", "false")]
    [InlineData("azure", "INPUT_PRCOMMENT", "false")]
    public async Task Nothing_is_posted_outside_a_pull_request_or_when_turned_off(string host, string variable, string value)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PlanAsync(host, emulator, CliRunner.TempFile(OneRule), run: 5, variables: new() { [variable] = value });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        Assert.Empty(emulator.State.PullRequests.Authorizations);
        Assert.Empty(Warnings(host, step));
    }

    [Fact]
    public async Task On_azure_without_the_mapped_access_token_the_step_warns_how_to_map_it()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var step = await PlanAsync("azure", emulator, CliRunner.TempFile(OneRule), run: 6, variables: new() { ["SYSTEM_ACCESSTOKEN"] = "" });

        Assert.Equal(ExitCodes.Ok, step.ExitCode);
        Assert.Contains(Warnings("azure", step), w => w.Contains("SYSTEM_ACCESSTOKEN: $(System.AccessToken)", StringComparison.Ordinal));
        Assert.Empty(emulator.State.PullRequests.Authorizations);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task An_invalid_gates_file_replaces_the_old_plan_with_the_problems(string host)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(OneRule);
        await PlanAsync(host, emulator, file, run: 1);
        File.WriteAllText(file, "gates:\n  - service: web\n    env: prod\n    rules:\n      - { name: P0, type: monitr }\n");

        var step = await PlanAsync(host, emulator, file, run: 2);

        Assert.Equal(ExitCodes.InvalidInput, step.ExitCode);
        var body = Assert.Single(emulator.State.PullRequests.Comments(Key(host))).Body;
        Assert.Contains("The gates file is invalid", body, StringComparison.Ordinal);
        Assert.Contains("monitr", body, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Warnings(string host, HostedStep step) => host == "github"
        ? [.. step.Commands.Where(c => c.Command == "warning").Select(c => c.Data)]
        : [.. Azure.AgentLoggingCommands.Parse(step.Stdout).Where(c => c.Event == "logissue" && c.Properties["type"] == "warning").Select(c => c.Data)];

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
