using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>One rule of a recorded evaluation: what was evaluated (the stored rule, or an inline one) and its script.</summary>
internal sealed record RecordedRule(Guid Id, Guid? RuleId, string Name, string Type, bool DryRun, JsonObject Options, RuleScript Script)
{
    public string StatusAt(double elapsedSeconds) => elapsedSeconds >= Script.AfterSeconds ? Script.Status : "in_progress";
}

/// <summary>
/// An evaluation the emulator ran or was seeded with. Its real status: fail as soon as a non-dry-run rule fails,
/// pass when every rule is done, else in progress. The result endpoint turns a dry-run gate's fail into pass;
/// the history keeps the real status beside dry_run.
/// </summary>
internal sealed record RecordedEvaluation(Guid Id, Guid? GateId, string Service, string Env, string Identifier, string Version, bool DryRun,
    IReadOnlyList<RecordedRule> Rules, DateTimeOffset StartedAt, double NotFoundForSeconds)
{
    public string RealStatus(double elapsedSeconds)
    {
        var statuses = Rules.Select(r => (r.DryRun, Status: r.StatusAt(elapsedSeconds))).ToList();
        if (statuses.Any(r => !r.DryRun && r.Status == "fail")) return "fail";
        return statuses.All(r => r.Status != "in_progress") ? "pass" : "in_progress";
    }

    public double FinishesAfterSeconds => Rules.Count == 0 ? 0 : Rules.Max(r => r.Script.AfterSeconds);
}
