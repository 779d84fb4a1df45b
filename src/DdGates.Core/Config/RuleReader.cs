using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>Reads and checks one rule; the rule's type decides which options shape is accepted.</summary>
internal static class RuleReader
{
    public const long MaxDuration = 7200;
    internal static readonly string[] RuleFields = ["name", "type", "dry_run", "options"];
    private static readonly string[] DatadogCiRuleFields = ["name", "type", "dry_run", "dryRun", "options"];
    internal static readonly string[] MonitorFields = ["query", "monitor_ids", "duration", "warmup", "fail_on_no_data", "fail_on_no_groups_found"];
    internal static readonly string[] FaultyFields = ["duration", "excluded_resources", "allowed_resources"];

    public static List<DeclaredRule> ReadAll(NodeReader reader, YamlNode node, string path, bool datadogCiSpelling)
    {
        var rules = new List<DeclaredRule>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = reader.Sequence(node, path) ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (Read(reader, items[i], rulePath, datadogCiSpelling) is not { } rule) continue;
            if (seen.TryGetValue(rule.Name, out var first))
            {
                reader.Error(items[i], $"{rulePath}.name", $"\"{rule.Name}\" is already used by {path}[{first}]; rule names must be unique within a gate");
                continue;
            }

            seen[rule.Name] = i;
            rules.Add(rule);
        }

        return rules;
    }

    private static DeclaredRule? Read(NodeReader reader, YamlNode node, string path, bool datadogCiSpelling)
    {
        if (reader.Fields(node, path, datadogCiSpelling ? DatadogCiRuleFields : RuleFields) is not { } f) return null;
        string? name = null;
        if (!f.TryGetValue("name", out var nameNode)) reader.Error(node, $"{path}.name", "required");
        else if (reader.Template(nameNode, $"{path}.name") is { } n)
        {
            if (Names.RuleNameProblem(n) is { } problem) reader.Error(nameNode, $"{path}.name", problem);
            else name = n;
        }

        RuleType? type = null;
        if (!f.TryGetValue("type", out var typeNode)) reader.Error(node, $"{path}.type", "required (monitor or faulty_deployment_detection)");
        else if (reader.String(typeNode, $"{path}.type") is { } t)
        {
            type = RuleTypeNames.FromWire(t);
            if (type is null) reader.Error(typeNode, $"{path}.type", $"unknown rule type \"{t}\"; use monitor or faulty_deployment_detection");
        }

        var dryRunNode = f.GetValueOrDefault("dry_run") ?? f.GetValueOrDefault("dryRun");
        var dryRun = EnvSwitch.Read(reader, dryRunNode, $"{path}.dry_run");
        var optionsPath = $"{path}.options";
        f.TryGetValue("options", out var optionsNode);
        RuleOptions? options = type switch
        {
            RuleType.Monitor => Monitor(reader, optionsNode, node, optionsPath),
            RuleType.FaultyDeploymentDetection => Faulty(reader, optionsNode, optionsPath),
            _ => null,
        };
        return name is null || options is null ? null : new DeclaredRule(name, dryRun, options, nameNode!);
    }

    private static RuleOptions? Monitor(NodeReader reader, YamlNode? node, YamlNode ruleNode, string path)
    {
        if (node is null || NodeReader.IsNull(node))
        {
            reader.Error(ruleNode, $"{path}.query", "required for monitor rules (or select monitors with options.monitor_ids)");
            return null;
        }

        if (reader.Fields(node, path, MonitorFields) is not { } f) return null;
        var settings = new MonitorSettings(
            Seconds(reader, f, "duration", path),
            Seconds(reader, f, "warmup", path),
            f.TryGetValue("fail_on_no_data", out var nd) ? reader.Bool(nd, $"{path}.fail_on_no_data") : null,
            f.TryGetValue("fail_on_no_groups_found", out var ng) ? reader.Bool(ng, $"{path}.fail_on_no_groups_found") : null);
        var hasQuery = f.TryGetValue("query", out var queryNode);
        var hasIds = f.TryGetValue("monitor_ids", out var idsNode);
        if (hasQuery && hasIds)
        {
            reader.Error(idsNode, $"{path}.monitor_ids", "query and monitor_ids are mutually exclusive; use one");
            return null;
        }

        if (hasIds) return MonitorIds.Read(reader, idsNode!, $"{path}.monitor_ids") is { } ids ? new MonitorIdsOptions(ids, settings) : null;
        if (!hasQuery)
        {
            reader.Error(node, $"{path}.query", "required for monitor rules (or select monitors with monitor_ids)");
            return null;
        }

        var query = reader.Template(queryNode!, $"{path}.query");
        if (query is null) return null;
        if (query.All(Names.IsSpace))
        {
            reader.Error(queryNode, $"{path}.query", "must not be blank");
            return null;
        }

        return new MonitorQueryOptions(query, settings);
    }

    private static FaultyDeploymentOptions? Faulty(NodeReader reader, YamlNode? node, string path)
    {
        if (node is null || NodeReader.IsNull(node)) return new FaultyDeploymentOptions(null, null, null);
        if (reader.Fields(node, path, FaultyFields) is not { } f) return null;
        var excluded = Resources(reader, f, "excluded_resources", path, reader.Template);
        var allowed = Resources(reader, f, "allowed_resources", path, reader.Literal);
        if (excluded is { Count: > 0 } && allowed is { Count: > 0 })
        {
            reader.Error(f["allowed_resources"], $"{path}.allowed_resources", "excluded_resources and allowed_resources are mutually exclusive; use one");
            return null;
        }

        return new FaultyDeploymentOptions(Seconds(reader, f, "duration", path), excluded, allowed);
    }

    private static long? Seconds(NodeReader reader, Dictionary<string, YamlNode> f, string field, string path) =>
        f.TryGetValue(field, out var node) ? reader.Integer(node, $"{path}.{field}", 0, MaxDuration, " seconds") : null;

    private static EquatableList<string>? Resources(NodeReader reader, Dictionary<string, YamlNode> f, string field, string path, Func<YamlNode, string, string?> read)
    {
        if (!f.TryGetValue(field, out var node)) return null;
        var items = reader.Sequence(node, $"{path}.{field}");
        if (items is null) return null;
        var values = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (read(items[i], $"{path}.{field}[{i}]") is { } s) values.Add(s);
        }

        return new EquatableList<string>(values);
    }
}
