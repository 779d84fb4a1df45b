using DdGates.Api;
using DdGates.Model;

namespace DdGates.Applying;

/// <summary>
/// The API does not keep rule names unique, so two runs creating the same rule at once leave two.
/// After creating rules, a run reads the gate once and deletes the copies of what it created: the
/// copy with the smallest id survives, the same choice in every run; a 404 on the delete means
/// another run already removed it. Only exact copies of a rule this run created are touched.
/// </summary>
internal sealed class RaceCleanup(DatadogClient client, IRunReporter reporter)
{
    public async Task RemoveDuplicatesAsync(string gateId, IReadOnlyCollection<RuleSpec> created, CancellationToken ct)
    {
        if (created.Count == 0) return;
        var rules = await client.ListRulesAsync(gateId, ct);
        foreach (var spec in created)
        {
            var copies = rules.Where(r => r.Matches(spec)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            foreach (var extra in copies.Skip(1))
            {
                reporter.Warning($"rule \"{spec.Name}\" was created twice (another run applied at the same time); removing {extra.Id}, keeping {copies[0].Id}");
                await client.DeleteRuleAsync(gateId, extra.Id, ct);
            }
        }
    }
}
