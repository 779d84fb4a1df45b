using static DdGates.Tests.Support.Rules;
using DdGates.Model;
using DdGates.Planning;

namespace DdGates.Tests.Planning;

public class PlannerTests
{
    [Fact]
    public void Missing_gate_is_created_with_all_its_rules()
    {
        var plan = Planner.PlanGate(Gate(Monitor("a"), Faulty("b")), actual: null);

        Assert.Equal(GateChange.Create, plan.Change);
        Assert.Equal([RuleChange.Create, RuleChange.Create], plan.Rules.Select(r => r.Change));
        Assert.True(plan.HasWrites);
    }

    public static TheoryData<string, RuleSpec, ActualRule, RuleChange> SingleRuleCases => new()
    {
        { "identical", Monitor("a", duration: 300), OnServer(Monitor("a", duration: 300), "r1"), RuleChange.Unchanged },
        { "query changed", Monitor("a", "service:new"), OnServer(Monitor("a", "service:old"), "r1"), RuleChange.Update },
        { "duration changed", Monitor("a", duration: 600), OnServer(Monitor("a", duration: 300), "r1"), RuleChange.Update },
        { "dry_run changed", Monitor("a", dryRun: true), OnServer(Monitor("a"), "r1"), RuleChange.Update },
        { "type changed", Faulty("a"), OnServer(Monitor("a"), "r1"), RuleChange.Replace },
        { "server echoed empty list as {}", Faulty("a", excluded: []), OnServer(Faulty("a"), "r1"), RuleChange.Unchanged },
        { "resource order differs", Faulty("a", excluded: ["x", "y"]), OnServer(Faulty("a", excluded: ["y", "x"]), "r1"), RuleChange.Unchanged },
        { "query whitespace", Monitor("a", " service:web "), OnServer(Monitor("a", "service:web"), "r1"), RuleChange.Unchanged },
        { "fail_on_no_data true (the default) equals absent", WithSettings(MonitorSettings.None with { FailOnNoData = true }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Unchanged },
        { "fail_on_no_data false differs from absent", WithSettings(MonitorSettings.None with { FailOnNoData = false }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Update },
        { "fail_on_no_groups_found false (the default) equals absent", WithSettings(MonitorSettings.None with { FailOnNoGroupsFound = false }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Unchanged },
        { "fail_on_no_groups_found true differs from absent", WithSettings(MonitorSettings.None with { FailOnNoGroupsFound = true }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Update },
        { "warmup 0 (the default) equals absent", WithSettings(MonitorSettings.None with { Warmup = 0 }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Unchanged },
        { "warmup 60 differs from absent", WithSettings(MonitorSettings.None with { Warmup = 60 }), OnServer(WithSettings(MonitorSettings.None), "r1"), RuleChange.Update },
        { "options the version cannot read", Monitor("a"), new ActualRule("r1", "a", "monitor", false, null), RuleChange.Update },
        { "unknown server type", Monitor("a"), new ActualRule("r1", "a", "future_type", false, null), RuleChange.Replace },
    };

    [Theory]
    [MemberData(nameof(SingleRuleCases))]
    public void One_declared_rule_against_one_server_rule(string name, RuleSpec desired, ActualRule actual, RuleChange expected)
    {
        var plan = Planner.PlanGate(Gate(desired), Existing(false, actual));

        Assert.True(plan.Rules.Single().Change == expected, $"{name}: expected {expected}, got {plan.Rules.Single().Change}");
        Assert.Equal(expected != RuleChange.Unchanged, plan.HasWrites);
    }

    [Fact]
    public void Gate_dry_run_change_is_an_update_with_before_and_after()
    {
        var desired = Gate() with { DryRun = true };
        var plan = Planner.PlanGate(desired, Existing(dryRun: false));

        Assert.Equal(GateChange.Update, plan.Change);
        Assert.False(plan.Actual!.DryRun);
    }

    [Fact]
    public void Update_lists_each_changed_field_with_before_and_after()
    {
        var plan = Planner.PlanGate(Gate(Monitor("a", "new", 600)), Existing(false, OnServer(Monitor("a", "old", 300), "r1")));

        var fields = plan.Rules.Single().Fields.ToDictionary(f => f.Field);
        Assert.Equal(("old", "new"), (fields["options.query"].Before, fields["options.query"].After));
        Assert.Equal(("300", "600"), (fields["options.duration"].Before, fields["options.duration"].After));
        Assert.Equal(2, fields.Count);
    }

    [Fact]
    public void Rules_not_in_the_file_are_unmanaged_and_kept_without_prune()
    {
        var plan = Planner.PlanGate(Gate(Monitor("a")), Existing(false, OnServer(Monitor("a"), "r1"), OnServer(Monitor("ui"), "r2")));

        var extra = plan.Rules.Single(r => r.Name == "ui");
        Assert.Equal(RuleChange.Unmanaged, extra.Change);
        Assert.False(plan.HasWrites);
    }

    [Fact]
    public void Rules_not_in_the_file_are_deleted_with_prune()
    {
        var plan = Planner.PlanGate(Gate(Monitor("a")) with { Prune = true }, Existing(false, OnServer(Monitor("a"), "r1"), OnServer(Monitor("ui"), "r2")));

        var extra = plan.Rules.Single(r => r.Name == "ui");
        Assert.Equal(RuleChange.Delete, extra.Change);
        Assert.Equal("r2", extra.Actual!.Id);
    }

    [Fact]
    public void Two_differing_rules_of_one_name_are_an_error_not_a_guess()
    {
        var plan = Planner.PlanGate(Gate(Monitor("a", "q1")), Existing(false, OnServer(Monitor("a", "q2"), "r1"), OnServer(Monitor("a", "q3"), "r2")));

        Assert.NotNull(plan.Error);
        Assert.Contains("2 rules named \"a\"", plan.Error);
        Assert.False(plan.HasWrites);
    }

    [Fact]
    public void Identical_duplicates_from_a_create_race_keep_the_smallest_id_everywhere()
    {
        var rule = Monitor("a");
        var plan = Planner.PlanGate(Gate(rule), Existing(false, OnServer(rule, "r9"), OnServer(rule, "r3")));

        Assert.Null(plan.Error);
        Assert.Equal("r3", plan.Rules.Single(r => r.Change == RuleChange.Unchanged).Actual!.Id);
        Assert.Equal("r9", plan.Rules.Single(r => r.Change == RuleChange.Delete).Actual!.Id);
    }

    [Fact]
    public void Leftover_of_an_interrupted_replacement_is_deleted()
    {
        var plan = Planner.PlanGate(Gate(Faulty("a")), Existing(false, OnServer(Monitor("a"), "old"), OnServer(Faulty("a"), "new")));

        Assert.Null(plan.Error);
        Assert.Equal("old", plan.Rules.Single(r => r.Change == RuleChange.Delete).Actual!.Id);
    }

    [Fact]
    public void Plan_over_many_gates_counts_changes_and_keeps_file_order()
    {
        var a = Gate(Monitor("a")) with { Key = new GateKey("a", "prod", "default") };
        var b = Gate(Monitor("b")) with { Key = new GateKey("b", "prod", "default") };
        var actual = new Dictionary<GateKey, ActualGate> { [b.Key] = new("gb", b.Key, false, [OnServer(Monitor("b"), "r1")]) };

        var plan = Planner.Plan([a, b], actual);

        Assert.Equal(["a", "b"], plan.Gates.Select(g => g.Key.Service));
        Assert.Equal(1, plan.Count(GateChange.Create));
        Assert.Equal(1, plan.Count(RuleChange.Create));
        Assert.Equal(1, plan.Count(RuleChange.Unchanged));
        Assert.True(plan.HasChanges);
    }

    private static RuleSpec WithSettings(MonitorSettings settings) => new("a", false, new MonitorQueryOptions("q", settings));
}
