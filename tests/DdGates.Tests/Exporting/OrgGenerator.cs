using DdGates.Api;
using DdGates.Model;

namespace DdGates.Tests.Exporting;

/// <summary>
/// A random organization, created through the real client: services, envs and names that need quoting in YAML,
/// every kind of options with and without the service's defaults, and families of gates that share their rules
/// across envs with dry_run differing per env (what export folds).
/// </summary>
internal sealed class OrgGenerator(int seed)
{
    private static readonly string[] Services = ["checkout", "payments", "3ds-gateway", "true", "123", "web:edge", "a#b", "ÿ-ünïcode", "null"];
    private static readonly string[] Envs = ["production", "staging", "on", "eu-1", "0"];
    private static readonly string[] Identifiers = [GateKey.DefaultIdentifier, GateKey.DefaultIdentifier, "canary", "2", "no"];
    private static readonly string[] RuleNames = ["P0 monitors", "FDD", "- dash", "#hash", "colon: inside", "quote \"q\"", "back\\slash", "yes", "[x]", "été"];

    private readonly Random _random = new(seed);

    /// <summary>Creates at least <paramref name="gates"/> gates; returns how many were created.</summary>
    public async Task<int> CreateAsync(DatadogClient client, int gates)
    {
        var created = 0;
        var used = new HashSet<GateKey>();
        while (created < gates)
        {
            var service = Pick(Services) + (_random.Next(3) == 0 ? "" : $"-{_random.Next(1000)}");
            var identifier = Pick(Identifiers);
            var rules = Rules();
            var envs = Envs.OrderBy(_ => _random.Next()).Take(_random.Next(1, Envs.Length + 1)).ToList();
            foreach (var env in envs)
            {
                var key = new GateKey(service, env, identifier);
                if (!used.Add(key)) continue;
                var gate = await client.CreateGateAsync(key, _random.Next(3) == 0, default);
                foreach (var rule in rules) await client.CreateRuleAsync(gate.Id, rule with { DryRun = _random.Next(4) == 0 }, default);
                created++;
            }
        }

        return created;
    }

    private List<RuleSpec> Rules() =>
        [.. RuleNames.OrderBy(_ => _random.Next()).Take(_random.Next(0, 4)).Select(name => new RuleSpec(name, false, Options()))];

    private RuleOptions Options() => _random.Next(3) switch
    {
        0 => new MonitorQueryOptions(Pick(["service:web", "tag:\"a b\" #p0", "env:prod AND team:x", "  padded  "]), Settings()),
        1 => new MonitorIdsOptions(new(Enumerable.Range(0, _random.Next(1, 4)).Select(i => new MonitorRef(
            $"{_random.Next(1, 99999) * 10 + i}", new(_random.Next(2) == 0 ? [] : ["env:prod", "region:eu"])))), Settings()),
        _ => Faulty(_random.Next(4)),
    };

    /// <summary>Excluded resources, an empty list (echoed back as none), allowed resources, or neither.</summary>
    private FaultyDeploymentOptions Faulty(int lists) => new(Maybe(() => (long)_random.Next(0, 7201)),
        lists switch { 0 => new(["GET /cart", "POST /pay"]), 1 => new([]), _ => null },
        lists == 2 ? new(["web"]) : null);

    private MonitorSettings Settings() => new(
        Maybe(() => (long)_random.Next(0, 7201)),
        Maybe(() => (long)Pick([0, 60, 300])),
        Maybe(() => _random.Next(2) == 0),
        Maybe(() => _random.Next(2) == 0));

    private T? Maybe<T>(Func<T> value) where T : struct => _random.Next(2) == 0 ? value() : null;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
