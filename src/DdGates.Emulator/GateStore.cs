using System.Text;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>The in-memory organization: gates in creation order, each with its rules. One lock; the emulator is not a database.</summary>
public sealed class GateStore
{
    private readonly object _lock = new();
    private readonly Dictionary<Guid, GateRecord> _gates = [];
    private long _sequence;

    public int GateCount { get { lock (_lock) return _gates.Count; } }

    /// <summary>A snapshot for tests: (service, env, identifier, dry_run, rules as (name, type, dry_run, options json)).</summary>
    public IReadOnlyList<StoredGate> Snapshot()
    {
        lock (_lock)
        {
            return [.. _gates.Values.OrderBy(g => g.Sequence).Select(g => new StoredGate(
                g.Id.ToString(), g.Service, g.Env, g.Identifier, g.DryRun,
                [.. g.Rules.Select(r => new StoredRule(r.Id.ToString(), r.Name, r.Type, r.DryRun, r.Options.ToJsonString()))], g.CreatedAt))];
        }
    }

    /// <summary>A gate by its natural key, as a snapshot.</summary>
    public StoredGate? Find(string service, string env, string identifier) =>
        Snapshot().FirstOrDefault(g => g.Service == service && g.Env == env && g.Identifier == identifier);

    public void Clear()
    {
        lock (_lock) _gates.Clear();
    }

    /// <summary>One page of gates; <paramref name="filters"/> are exact matches on service, env, identifier and dry_run (null: no filter).</summary>
    internal ApiResult ListGates(string? cursor, string? size, IReadOnlyDictionary<string, string>? filters = null)
    {
        var pageSize = 50;
        if (size is not null && (!int.TryParse(size, out pageSize) || pageSize is < 1 or > 1000))
        {
            return ApiResult.BadRequest("page[size] must be between 1 and 1000");
        }

        long after = 0;
        if (!string.IsNullOrEmpty(cursor) && !TryDecodeCursor(cursor, out after)) return ApiResult.BadRequest("invalid page[cursor]");
        lock (_lock)
        {
            var page = _gates.Values.Where(g => g.Sequence > after && Matches(g, filters)).OrderBy(g => g.Sequence).Take(pageSize + 1).ToList();
            var more = page.Count > pageSize;
            if (more) page.RemoveAt(pageSize);
            var pageMeta = new JsonObject { ["cursor"] = cursor ?? "", ["size"] = pageSize };
            // WARNING: next_cursor is absent on the last page (docs/datadog-api.md).
            if (more) pageMeta["next_cursor"] = EncodeCursor(page[^1].Sequence);
            return ApiResult.Ok(new JsonObject
            {
                ["data"] = new JsonArray([.. page.Select(g => (JsonNode)Wire.Gate(g))]),
                ["meta"] = new JsonObject { ["page"] = pageMeta },
            });
        }
    }

    internal ApiResult CreateGate(JsonObject attributes)
    {
        if (!TryString(attributes, "service", out var service)) return ApiResult.BadRequest("attribute \"service\" is required");
        if (!TryString(attributes, "env", out var env)) return ApiResult.BadRequest("attribute \"env\" is required");
        var identifier = TryString(attributes, "identifier", out var id) ? id : "default";
        var dryRun = attributes["dry_run"]?.GetValue<bool>() ?? false;
        lock (_lock)
        {
            if (_gates.Values.Any(g => g.Service == service && g.Env == env && g.Identifier == identifier))
            {
                return ApiResult.BadRequest("Gate already exists with the given env, service and identifier");
            }

            var now = DateTimeOffset.UtcNow;
            var gate = new GateRecord
            {
                Id = Guid.NewGuid(), Sequence = ++_sequence, Service = service, Env = env, Identifier = identifier,
                DryRun = dryRun, CreatedAt = now, UpdatedAt = now,
            };
            _gates[gate.Id] = gate;
            return ApiResult.Ok(Wire.Data(Wire.Gate(gate)));
        }
    }

    internal ApiResult GetGate(Guid id)
    {
        lock (_lock) return _gates.TryGetValue(id, out var g) ? ApiResult.Ok(Wire.Data(Wire.Gate(g))) : GateMissing;
    }

    internal ApiResult UpdateGate(Guid id, JsonObject attributes)
    {
        foreach (var identity in new[] { "service", "env", "identifier" })
        {
            if (attributes.ContainsKey(identity)) return ApiResult.BadRequest($"attribute \"{identity}\" is immutable");
        }

        if (attributes["dry_run"] is not { } dryRun) return ApiResult.BadRequest("attribute \"dry_run\" is required");
        lock (_lock)
        {
            if (!_gates.TryGetValue(id, out var g)) return GateMissing;
            g.DryRun = dryRun.GetValue<bool>();
            g.UpdatedAt = DateTimeOffset.UtcNow;
            return ApiResult.Ok(Wire.Data(Wire.Gate(g)));
        }
    }

    internal ApiResult DeleteGate(Guid id)
    {
        lock (_lock) return _gates.Remove(id) ? ApiResult.NoContent : GateMissing;
    }

    internal ApiResult ListRules(Guid gateId)
    {
        lock (_lock)
        {
            if (!_gates.TryGetValue(gateId, out var g)) return RuleMissing;
            return ApiResult.Ok(Wire.Data(new JsonObject
            {
                ["id"] = g.Id.ToString(),
                ["type"] = "list_deployment_rules",
                ["attributes"] = new JsonObject { ["rules"] = new JsonArray([.. g.Rules.Select(r => (JsonNode)Wire.RuleAttributes(r, withId: true))]) },
            }));
        }
    }

    internal ApiResult CreateRule(Guid gateId, JsonObject attributes)
    {
        if (!TryString(attributes, "name", out var name)) return ApiResult.BadRequest("attribute \"name\" is required");
        if (!TryString(attributes, "type", out var type)) return ApiResult.BadRequest("attribute \"type\" is required");
        if (!RuleOptionsRules.Types.Contains(type)) return ApiResult.BadRequest("attribute \"type\" must be one of \"monitor faulty_deployment_detection\"");
        if (attributes["options"] is not JsonObject options) return ApiResult.BadRequest("attribute \"options\" is required");
        options = (JsonObject)options.DeepClone();
        if (RuleOptionsRules.Check(type, options) is { } problem) return ApiResult.BadRequest(problem);
        lock (_lock)
        {
            if (!_gates.TryGetValue(gateId, out var g)) return RuleMissing;
            var now = DateTimeOffset.UtcNow;
            // WARNING: like the real service, nothing stops two rules of the same name.
            var rule = new RuleRecord
            {
                Id = Guid.NewGuid(), GateId = gateId, Name = name, Type = type, DryRun = attributes["dry_run"]?.GetValue<bool>() ?? false,
                Options = options, CreatedAt = now, UpdatedAt = now,
            };
            g.Rules.Add(rule);
            return ApiResult.Ok(Wire.Data(Wire.Rule(rule)));
        }
    }

    internal ApiResult GetRule(Guid gateId, Guid ruleId)
    {
        lock (_lock) return FindRule(gateId, ruleId) is { } r ? ApiResult.Ok(Wire.Data(Wire.Rule(r))) : RuleMissing;
    }

    internal ApiResult UpdateRule(Guid gateId, Guid ruleId, JsonObject attributes)
    {
        foreach (var required in new[] { "dry_run", "name", "options" })
        {
            if (attributes[required] is null) return ApiResult.BadRequest($"attribute \"{required}\" is required");
        }

        if (!TryString(attributes, "name", out var name)) return ApiResult.BadRequest("attribute \"name\" is required");
        if (attributes["options"] is not JsonObject options) return ApiResult.BadRequest("attribute \"options\" must be an object");
        lock (_lock)
        {
            if (FindRule(gateId, ruleId) is not { } r) return RuleMissing;
            options = (JsonObject)options.DeepClone();
            if (RuleOptionsRules.Check(r.Type, options) is { } problem) return ApiResult.BadRequest(problem);
            r.Name = name;
            r.DryRun = attributes["dry_run"]!.GetValue<bool>();
            r.Options = options;
            r.UpdatedAt = DateTimeOffset.UtcNow;
            return ApiResult.Ok(Wire.Data(Wire.Rule(r)));
        }
    }

    internal ApiResult DeleteRule(Guid gateId, Guid ruleId)
    {
        lock (_lock)
        {
            if (!_gates.TryGetValue(gateId, out var g) || g.Rules.RemoveAll(r => r.Id == ruleId) == 0) return RuleMissing;
            return ApiResult.NoContent;
        }
    }

    /// <summary>Creates <paramref name="count"/> gates with one monitor rule each, for paging tests and benchmarks.</summary>
    public void Seed(int count, string servicePrefix)
    {
        for (var i = 0; i < count; i++)
        {
            var created = CreateGate(new JsonObject { ["service"] = $"{servicePrefix}-{i:D5}", ["env"] = "seeded" });
            if (created.Status != 200) continue;
            var id = Guid.Parse(created.Body!["data"]!["id"]!.GetValue<string>());
            CreateRule(id, new JsonObject { ["name"] = "seed", ["type"] = "monitor", ["options"] = new JsonObject { ["query"] = "tag:seed" } });
        }
    }

    /// <summary>
    /// A fleet as a team clicks it together: one gate per (service, env) with the given rules, each created through the
    /// API's own checks, with "{service}" and "{env}" in any text of a rule written out for that gate (plain text
    /// replacement, as a person copying a gate and editing the names would). Gates that fail a check are skipped.
    /// </summary>
    public void SeedFleet(IReadOnlyList<string> services, IReadOnlyList<string> envs, string? identifier, IReadOnlyDictionary<string, bool> dryRunByEnv, JsonArray rules)
    {
        foreach (var service in services)
        {
            foreach (var env in envs)
            {
                var gate = new JsonObject { ["service"] = service, ["env"] = env, ["dry_run"] = dryRunByEnv.GetValueOrDefault(env) };
                if (identifier is not null) gate["identifier"] = identifier;
                var created = CreateGate(gate);
                if (created.Status != 200) continue;
                var id = Guid.Parse(created.Body!["data"]!["id"]!.GetValue<string>());
                foreach (var rule in rules)
                {
                    var text = rule!.ToJsonString().Replace("{service}", service, StringComparison.Ordinal).Replace("{env}", env, StringComparison.Ordinal);
                    CreateRule(id, JsonNode.Parse(text)!.AsObject());
                }
            }
        }
    }

    private static bool Matches(GateRecord g, IReadOnlyDictionary<string, string>? filters) =>
        filters is null || filters.All(f => f.Key switch
        {
            "service" => g.Service == f.Value,
            "env" => g.Env == f.Value,
            "identifier" => g.Identifier == f.Value,
            "dry_run" => string.Equals(g.DryRun ? "true" : "false", f.Value, StringComparison.OrdinalIgnoreCase),
            _ => true,
        });

    private static readonly ApiResult GateMissing = ApiResult.NotFound("Gate does not exist");
    private static readonly ApiResult RuleMissing = ApiResult.NotFound("Rule does not exist");

    private RuleRecord? FindRule(Guid gateId, Guid ruleId) =>
        _gates.TryGetValue(gateId, out var g) ? g.Rules.FirstOrDefault(r => r.Id == ruleId) : null;

    private static bool TryString(JsonObject o, string name, out string value)
    {
        value = o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return value.Length > 0;
    }

    private static string EncodeCursor(long sequence) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"seq:{sequence}"));

    private static bool TryDecodeCursor(string cursor, out long after)
    {
        after = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("seq:", StringComparison.Ordinal) && long.TryParse(text[4..], out after);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed record StoredGate(string Id, string Service, string Env, string Identifier, bool DryRun, IReadOnlyList<StoredRule> Rules, DateTimeOffset CreatedAt = default);

public sealed record StoredRule(string Id, string Name, string Type, bool DryRun, string OptionsJson);
