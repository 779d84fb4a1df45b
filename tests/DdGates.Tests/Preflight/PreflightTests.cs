using System.Text.Json;
using DdGates.Cli.Exit;
using DdGates.Emulator;
using DdGates.Tests.Cli;
using DdGates.Tests.Support;

namespace DdGates.Tests.Preflight;

/// <summary>
/// The preflight against the emulator's monitors: each monitor rule's count, once per distinct query, muted monitors left
/// out; 0 and more than 50 flagged by rule name ("would" for dry run); a query Datadog cannot parse is "could not check";
/// a 403 is one notice naming monitors_read; --preflight fail stops apply before its first write; evaluate never searches.
/// </summary>
public class PreflightTests
{
    private const string Gates = """
        gates:
          - service: checkout
            env: prod
            rules:
              - { name: P0, type: monitor, options: { query: "service:checkout env:prod" } }
              - { name: Typo, type: monitor, options: { query: "service:chekout" } }
              - { name: Broad, type: monitor, dry_run: true, options: { query: "service:payments" } }
              - { name: Bad status, type: monitor, options: { query: "service:checkout status:notastatus" } }
              - { name: FDD, type: faulty_deployment_detection }
          - service: search
            env: prod
            rules:
              - { name: Shared, type: monitor, options: { query: "service:checkout env:prod" } }
        """;

    private static async Task<EmulatorHost> OrganizationAsync()
    {
        var emulator = await TestEmulator.StartAsync();
        emulator.State.Monitors.Add([
            .. Enumerable.Range(0, 3).Select(i => new MonitorRecord(100 + i, $"Checkout errors {i}", ["service:checkout", "env:prod"], false, "OK")),
            new MonitorRecord(200, "Checkout muted", ["service:checkout", "env:prod"], true, "OK"),
            .. Enumerable.Range(0, 60).Select(i => new MonitorRecord(300 + i, $"Payments {i:D2}", ["service:payments"], false, "OK")),
        ]);
        return emulator;
    }

    private static IReadOnlyList<string> Searches(EmulatorHost emulator) =>
        [.. emulator.State.Log.Entries.Where(e => e.Path == "/api/v1/monitor/search").Select(e => Uri.UnescapeDataString(e.Query.Replace('+', ' ')))];

    [Fact]
    public async Task Plan_counts_each_rule_flags_0_and_60_says_could_not_check_and_searches_a_shared_query_once()
    {
        await using var emulator = await OrganizationAsync();

        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", CliRunner.TempFile(Gates), "--preflight", "warn");

        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        Assert.Contains("Monitor rules: 5 checked (4 searches); 1 matches no monitor, 1 matches more than 50, 1 could not be checked.", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("= checkout/prod/default \"P0\": matches 3 monitors: Checkout errors 0 (", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("/monitors/100)", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("= search/prod/default \"Shared\": matches 3 monitors", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("? checkout/prod/default \"Bad status\": could not check: Datadog could not read the query: Query parsing error: 'notastatus' is not a valid monitor status", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning: checkout/prod/default, rule \"Typo\": no monitor matches \"service:chekout\" (not muted). Datadog fails a monitor rule that matches no monitor (a server with fail_on_no_groups_found: false may instead pass it without evaluating anything), so every evaluation fails it and blocks the deploy while the gate is enforced. Check the query for a typo.", plan.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning: checkout/prod/default, rule \"Broad\": 60 monitors match \"service:payments\" (not muted), more than the 50 Datadog allows, so every evaluation would fail it, which would block the deploy once the rule and its gate are enforced; it is dry run now, so it blocks nothing yet. Narrow the query.", plan.Stderr, StringComparison.Ordinal);
        var searches = Searches(emulator);
        Assert.Equal(4, searches.Count);
        Assert.All(searches, q => Assert.Contains(") muted:false", q, StringComparison.Ordinal));
        Assert.Single(searches, q => q.Contains("query=(service:checkout env:prod) muted:false", StringComparison.Ordinal));
        Assert.Empty(emulator.Writes());
    }

    [Fact]
    public async Task Every_view_shows_the_same_counts_and_the_pull_request_comment_shows_the_warnings_outside_details()
    {
        await using var emulator = await OrganizationAsync();
        var file = CliRunner.TempFile(Gates);

        var json = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--preflight", "warn", "-o", "json");
        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "plan", ["config"] = file, ["preflight"] = "warn" });

        using var doc = JsonDocument.Parse(json.Stdout);
        var preflight = doc.RootElement.GetProperty("preflight");
        Assert.Equal(4, preflight.GetProperty("searches").GetInt32());
        var rules = preflight.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("gate").GetString() + " " + r.GetProperty("rule").GetString());
        Assert.Equal(3, rules["checkout/prod/default P0"].GetProperty("matches").GetInt64());
        Assert.Equal("no_match", rules["checkout/prod/default Typo"].GetProperty("verdict").GetString());
        Assert.Equal(60, rules["checkout/prod/default Broad"].GetProperty("matches").GetInt64());
        Assert.True(rules["checkout/prod/default Broad"].GetProperty("dry_run").GetBoolean());
        Assert.Equal("could_not_check", rules["checkout/prod/default Bad status"].GetProperty("verdict").GetString());
        Assert.Equal("(service:checkout env:prod) muted:false", rules["search/prod/default Shared"].GetProperty("search").GetString());

        Assert.Single(step.Commands, c => c.Command == "warning" && c.Data.Contains("rule \"Typo\": no monitor matches", StringComparison.Ordinal));
        Assert.Contains(step.Commands, c => c.Command == "notice" && c.Data.Contains("rule \"Bad status\": could not check", StringComparison.Ordinal));
        Assert.Contains("Monitor rules: 5 checked (4 searches)", step.Summary, StringComparison.Ordinal);
        Assert.Contains("matches 3 monitors: [Checkout errors 0](", step.Summary, StringComparison.Ordinal);

        var rendered = await Gfm.RenderAsync(step.Summary);
        Assert.Contains("rule \"Typo\": no monitor matches", rendered.InSight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_with_preflight_fail_exits_1_having_sent_no_write_and_names_the_rule()
    {
        await using var emulator = await OrganizationAsync();
        var file = CliRunner.TempFile(Gates);

        var apply = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--preflight", "fail");
        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--preflight", "fail");

        Assert.Equal(ExitCodes.Failed, apply.ExitCode);
        Assert.Contains("the preflight fails 1 monitor rule that would fail every evaluation (checkout/prod/default \"Typo\": matches no monitor); nothing was written", apply.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Broad", apply.Stderr.Split("error:")[^1], StringComparison.Ordinal); // dry run: warned, never stops
        Assert.Empty(emulator.Writes());
        Assert.Equal(ExitCodes.Failed, plan.ExitCode);
        Assert.Contains("--preflight fail", plan.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_monitors_read_gets_one_notice_naming_it_and_the_plan_goes_on()
    {
        await using var emulator = await OrganizationAsync();
        emulator.State.Monitors.Forbidden = true;

        var step = await HostedStep.RunAsync("github", emulator, new() { ["command"] = "apply", ["config"] = CliRunner.TempFile(Gates), ["preflight"] = "fail" });

        Assert.True(step.ExitCode == ExitCodes.Ok, step.ToString());
        var notice = Assert.Single(step.Commands, c => c.Command == "notice");
        Assert.Contains("monitors_read", notice.Data, StringComparison.Ordinal);
        Assert.Contains("preflight was skipped", notice.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(step.Commands, c => c.Command == "warning");
        Assert.Equal(2, emulator.State.Store.Snapshot().Count);
    }

    [Fact]
    public async Task Off_sends_no_search_and_evaluate_never_searches()
    {
        await using var emulator = await OrganizationAsync();
        var file = CliRunner.TempFile(Gates);

        var off = await CliRunner.RunAsync(emulator, "apply", "--config", file, "--preflight", "off");
        var evaluate = await CliRunner.RunAsync(emulator, "evaluate", "--config", file, "--service", "search", "--env", "prod", "--apply");

        Assert.Equal(ExitCodes.Ok, off.ExitCode);
        Assert.True(evaluate.ExitCode == ExitCodes.Ok, evaluate.ToString());
        Assert.Empty(Searches(emulator));
        Assert.DoesNotContain("Monitor rules:", off.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_answers_the_documented_syntax_with_the_recorded_quirks()
    {
        await using var emulator = await OrganizationAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("DD-API-KEY", TestEmulator.ApiKey);
        http.DefaultRequestHeaders.Add("DD-APPLICATION-KEY", TestEmulator.AppKey);
        async Task<JsonElement> Search(string query) => JsonDocument.Parse(await http.GetStringAsync($"api/v1/monitor/search?per_page=2&query={Uri.EscapeDataString(query)}")).RootElement;

        var quoted = await Search("service:\"checkout\" (env:prod OR env:staging) muted:true");
        var text = await Search("\"payments 0\"");
        var bad = await http.GetAsync($"api/v1/monitor/search?query={Uri.EscapeDataString("status:notastatus")}");

        Assert.Equal(1, quoted.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(JsonValueKind.True, quoted.GetProperty("counts").GetProperty("muted")[0].GetProperty("name").ValueKind);
        Assert.Equal(long.MaxValue, quoted.GetProperty("monitors")[0].GetProperty("muted_until_ts").GetInt64());
        Assert.Equal(JsonValueKind.Number, quoted.GetProperty("monitors")[0].GetProperty("creator").GetProperty("id").ValueKind);
        Assert.Equal(10, text.GetProperty("metadata").GetProperty("total_count").GetInt64()); // Payments 00..09
        Assert.Equal(2, text.GetProperty("metadata").GetProperty("page_count").GetInt64());   // the row count, as recorded
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal("Query parsing error: 'notastatus' is not a valid monitor status",
            JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetString());
    }
}
