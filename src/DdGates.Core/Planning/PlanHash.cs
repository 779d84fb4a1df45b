using System.Security.Cryptography;
using System.Text;

namespace DdGates.Planning;

/// <summary>
/// A short hash of what a plan would do, so an apply can refuse to do anything but what was reviewed: SHA-256 over a
/// canonical text of every operation and its target values (gate key, change, dry_run; each rule write with its type
/// and options as the plan shows them), in a fixed order. Server ids and unchanged gates and rules are left out, so the
/// same changes hash the same on every run.
/// </summary>
public static class PlanHash
{
    public const int Length = 12;

    public static string Of(Plan plan) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(plan))))[..Length];

    public static string Canonical(Plan plan)
    {
        var lines = new List<string>();
        foreach (var gate in plan.Gates.OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var key = gate.Key.ToString();
            if (gate.Error is not null)
            {
                lines.Add($"{key}\terror");
                continue;
            }

            if (gate.Change != GateChange.Unchanged) lines.Add($"{key}\t{gate.Change}\tdry_run={gate.Desired.DryRun}");
            foreach (var rule in gate.Rules.Where(r => r.IsWrite).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Change))
            {
                var target = rule.Desired is { } d
                    ? $"\t{d.Type}\tdry_run={d.DryRun}\t{string.Join("\t", d.Options.Normalize().Describe().Select(f => $"{f.Key}={f.Value}"))}"
                    : "";
                lines.Add($"{key}\trule\t{rule.Name}\t{rule.Change}{target}");
            }
        }

        return string.Join("\n", lines);
    }
}
