using static DdGates.Tests.Support.Rules;
using DdGates.Applying;
using DdGates.Cli.Exit;
using DdGates.Config;
using DdGates.Model;
using DdGates.Reconciling;
using DdGates.Tests.Support;

namespace DdGates.Tests.Scale;

public class ReadCountAndRaceTests
{
    private static string GatesFile(int count) => "gates:\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
        $"  - service: svc-{i}\n    env: prod\n    rules:\n      - {{ name: a, type: monitor, options: {{ query: \"service:svc-{i}\" }} }}\n      - {{ name: b, type: faulty_deployment_detection }}\n"));

    [Fact]
    public async Task A_no_op_apply_of_K_gates_in_an_org_of_G_sends_ceil_G_over_1000_plus_K_reads_and_no_write()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Store.Seed(2345, "other");
        var k = ActualStateReader.FilteredLookupLimit + 4;
        var file = CliRunner.TempFile(GatesFile(k));
        await CliRunner.RunAsync(emulator, "apply", "--config", file);
        emulator.State.Log.Clear();

        var run = await CliRunner.RunAsync(emulator, "apply", "--config", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var log = emulator.State.Log.Entries;
        var g = 2345 + k;
        Assert.Equal((int)Math.Ceiling(g / 1000.0) + k, log.Count);
        Assert.All(log, e => Assert.Equal("GET", e.Method));
        Assert.Equal(3, log.Count(e => e.Path == "/api/v2/deployment_gates"));
        Assert.Equal(k, log.Count(e => e.Path.EndsWith("/rules", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 7)]
    public async Task One_gate_in_an_org_of_5500_is_looked_up_with_filters_and_the_answer_is_the_same_when_a_server_ignores_them(bool serverIgnoresFilters, int requests)
    {
        await using var emulator = await TestEmulator.StartAsync(new() { IgnoreListFilters = serverIgnoresFilters });
        emulator.State.Store.Seed(5500, "svc");
        var file = CliRunner.TempFile("""
            gates:
              - service: svc-05499
                env: seeded
                rules:
                  - { name: seed, type: monitor, options: { query: "tag:seed" } }
            """);

        var run = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("= svc-05499/seeded/default", run.Stdout, StringComparison.Ordinal);
        var log = emulator.State.Log.Entries;
        Assert.Equal(requests, log.Count);
        Assert.Contains("filter[service]=svc-05499&filter[env]=seeded&filter[identifier]=default", Uri.UnescapeDataString(log[0].Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Racers_keep_the_same_survivor_and_a_404_on_the_delete_counts_as_done()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.Client(emulator);
        var gate = await client.CreateGateAsync(new GateKey("web", "prod", "default"), false, default);
        var rule = Monitor("a");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await client.CreateRuleAsync(gate.Id, rule, default)).Id);
        await client.CreateRuleAsync(gate.Id, Monitor("a", "something else"), default); // not a copy: never touched
        var reporter = new ListReporter();

        var first = new RaceCleanup(client, reporter).RemoveDuplicatesAsync(gate.Id, [rule], default);
        var second = new RaceCleanup(client, reporter).RemoveDuplicatesAsync(gate.Id, [rule], default);
        await Task.WhenAll(first, second);

        var left = await client.ListRulesAsync(gate.Id, default);
        Assert.Equal(2, left.Count);
        Assert.Contains(left, r => r.Id == ids.Min(StringComparer.Ordinal));
        Assert.Contains(left, r => r.Matches(Monitor("a", "something else")));
    }

    [Fact]
    public async Task Four_concurrent_applies_of_one_file_leave_exactly_the_file()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var file = CliRunner.TempFile(GatesFile(20));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CliRunner.RunAsync(emulator, "apply", "--config", file)));

        Assert.All(runs, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        var state = emulator.State.Store.Snapshot();
        Assert.Equal(20, state.Count);
        Assert.All(state, g => Assert.Equal(["a", "b"], g.Rules.Select(r => r.Name).Order()));
        var plan = await CliRunner.RunAsync(emulator, "plan", "--config", file, "--detailed-exitcode");
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
    }

    private sealed class ListReporter : IRunReporter
    {
        public List<string> Messages { get; } = [];

        public void Progress(string message)
        {
            lock (Messages) Messages.Add(message);
        }

        public void Debug(string message)
        {
            lock (Messages) Messages.Add(message);
        }

        public void Warning(string message)
        {
            lock (Messages) Messages.Add(message);
        }
    }
}
