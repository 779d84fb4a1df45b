using static DdGates.Tests.Support.Rules;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms.AzurePipelines;
using DdGates.Cli.Platforms.GitHub;
using DdGates.Model;
using DdGates.Planning;
using DdGates.Reconciling;

namespace DdGates.Tests.PullRequests;

/// <summary>The comment's text: short when nothing changes, cut to the platform's limit with a pointer to the run, markers that tell files apart.</summary>
public class PlanCommentBodyTests
{
    private static readonly RunSettings Settings = new() { ConfigPath = "deploy/gates.yaml", Env = "prod" };

    private static Planned PlanOf(int gates) =>
        new(Planner.Plan([.. Enumerable.Range(0, gates).Select(i => new GateSpec(new GateKey($"service-{i:D4}", "prod", "default"), false, false,
            [Monitor($"P0 monitors of service {i}", $"service:service-{i} env:prod team:payments", 300)]))], new Dictionary<GateKey, ActualGate>()), 0);

    private static string Render(ReconcileOutcome outcome, long run, string url, int limit) =>
        PlanComment.Render(Settings, new ReconcileResult(CommandExit.Ok, new ReconcileView(outcome, apply: false, InputNames.GitHub), []), new CommentPlace(url, run, null), limit);

    [Theory]
    [InlineData(GitHubComments.MaxBody)]
    [InlineData(AzureReposThreads.MaxBody)]
    public void A_plan_longer_than_the_limit_is_cut_at_a_line_with_a_pointer_to_the_runs_summary(int limit)
    {
        var body = Render(PlanOf(3000), 5001, "https://github.com/octo/shop/actions/runs/5", limit);

        Assert.InRange(body.Length, limit - 2000, limit);
        Assert.Contains("Cut here", body, StringComparison.Ordinal);
        Assert.Contains("[the run's summary](https://github.com/octo/shop/actions/runs/5)", body, StringComparison.Ordinal);
        Assert.EndsWith("</details>\n\n[The run](https://github.com/octo/shop/actions/runs/5) has the plan in its summary and log.\n", body, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(body, "^```(diff)?$", System.Text.RegularExpressions.RegexOptions.Multiline)); // the fence opens and closes
    }

    [Fact]
    public void No_change_is_one_line_and_the_marker_names_the_file_the_selection_and_the_run()
    {
        var unchanged = new Planned(new Plan([]), 0);
        var body = Render(unchanged, 7001, "https://run", GitHubComments.MaxBody);

        Assert.StartsWith(PlanComment.Marker(Settings) + "run=7001 -->\n### Datadog Deployment Gates: plan for `deploy/gates.yaml` (env prod)", body, StringComparison.Ordinal);
        Assert.Contains("**No changes.**", body, StringComparison.Ordinal);
        Assert.Equal(7001, PlanComment.RunOf(body));
        Assert.NotEqual(PlanComment.Marker(Settings), PlanComment.Marker(Settings with { Env = "staging" }));
        Assert.NotEqual(PlanComment.Marker(Settings), PlanComment.Marker(Settings with { ConfigPath = "other.yaml" }));
    }

    [Fact]
    public void A_plan_that_could_not_be_made_says_so_instead_of_leaving_the_old_plan()
    {
        var body = Render(new ReadFailed("list gates failed: Datadog answered 403 Forbidden", 1), 1, "https://run", 1000);

        Assert.Contains("**The plan could not be made:** list gates failed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Backticks_in_the_plan_cannot_close_its_code_fence()
    {
        var plan = new Planned(Planner.Plan([new GateSpec(new GateKey("web", "prod", "default"), false, false, [Monitor("```rule```", "service:web", 300)])], new Dictionary<GateKey, ActualGate>()), 0);
        var body = Render(plan, 1, "https://run", GitHubComments.MaxBody);

        Assert.Contains("````\n", body, StringComparison.Ordinal);
    }
}
