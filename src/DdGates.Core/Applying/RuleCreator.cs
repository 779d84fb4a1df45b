using DdGates.Api;
using DdGates.Http;
using DdGates.Model;

namespace DdGates.Applying;

/// <summary>
/// Creates a rule without ever making two. The server keeps no name uniqueness, so after an
/// ambiguous failure (5xx, timeout, dropped connection: the create may have landed) it lists the
/// gate's rules and adopts a new matching rule before it tries again.
/// </summary>
internal sealed class RuleCreator(DatadogClient client, RetryPolicy policy, IRunReporter reporter)
{
    private const int MaxAttempts = 5;

    public async Task<ActualRule> CreateAsync(string gateId, RuleSpec rule, IReadOnlySet<string> knownIds, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.CreateRuleAsync(gateId, rule, ct);
            }
            catch (DatadogApiException e) when (e.IsAmbiguous && attempt < MaxAttempts)
            {
                reporter.Debug($"create rule \"{rule.Name}\": outcome unknown ({e.Message}); checking the gate before trying again");
                var landed = (await client.ListRulesAsync(gateId, ct)).FirstOrDefault(r => r.Matches(rule) && !knownIds.Contains(r.Id));
                if (landed is not null) return landed;
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>The pipeline's base delay, growing with the square of the attempt, never above its maximum.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(policy.BaseDelay.Ticks * attempt * attempt, policy.MaxDelay.Ticks));
}
