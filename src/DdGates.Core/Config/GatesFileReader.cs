using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// Reads a gates file (<c>gates: [...]</c>). One entry with lists of services and envs becomes one gate per
/// (service, env), each with dry_run resolved for its env and the placeholders of its rules replaced with its values. An
/// entry with <c>absent: true</c> declares gates to delete; a top-level <c>scope:</c> declares which gates the file owns,
/// and every entry must lie inside it.
/// </summary>
internal static class GatesFileReader
{
    private static readonly string[] TopFields = ["gates", "scope", "$schema"];
    internal static readonly string[] GateFields = ["service", "env", "identifier", "absent", "dry_run", "prune", "rules"];

    public static (List<GateSpec> Gates, GateScope? Scope) Read(NodeReader reader, YamlNode root)
    {
        var gates = new List<GateSpec>();
        if (reader.Fields(root, "", TopFields) is not { } top) return (gates, null);
        if (top.TryGetValue("$schema", out var schema)) reader.String(schema, "$schema");
        var scope = top.TryGetValue("scope", out var scopeNode) ? ScopeReader.Read(reader, scopeNode) : null;
        if (!top.TryGetValue("gates", out var list))
        {
            reader.Error(root, "gates", "required: a list of gates");
            return (gates, scope);
        }

        var items = reader.Sequence(list, "gates") ?? [];
        var seen = new Dictionary<GateKey, string>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"gates[{i}]";
            foreach (var gate in ReadGate(reader, items[i], path))
            {
                if (seen.TryGetValue(gate.Key, out var first))
                {
                    reader.Error(items[i], path, $"gate {gate.Key} is already declared by {first}");
                    continue;
                }

                if (scope is not null && !scope.Contains(gate.Key))
                {
                    reader.Error(items[i], path, $"gate {gate.Key} is outside the file's scope ({scope}); widen the scope or move the gate to another file");
                    continue;
                }

                seen[gate.Key] = $"{path} (line {items[i].Start.Line})";
                gates.Add(gate);
            }
        }

        return (gates, scope);
    }

    private static IEnumerable<GateSpec> ReadGate(NodeReader reader, YamlNode node, string path)
    {
        if (reader.Fields(node, path, GateFields) is not { } f) return [];
        var services = Tags(reader, f, node, "service", path);
        var envs = Tags(reader, f, node, "env", path);
        var identifier = Identifier(reader, f, path) ?? GateKey.DefaultIdentifier;
        var dryRun = EnvSwitch.Read(reader, f.GetValueOrDefault("dry_run"), $"{path}.dry_run");
        var absent = f.TryGetValue("absent", out var absentNode) && reader.Bool(absentNode, $"{path}.absent") == true;
        var prune = f.TryGetValue("prune", out var pruneNode) && reader.Bool(pruneNode, $"{path}.prune") == true;
        var rules = f.TryGetValue("rules", out var rulesNode) && !NodeReader.IsNull(rulesNode)
            ? RuleReader.ReadAll(reader, rulesNode, $"{path}.rules", datadogCiSpelling: false)
            : [];
        if (services.Count == 0 || envs.Count == 0) return [];
        var location = new SourceLocation(reader.File, (int)node.Start.Line, (int)node.Start.Column);
        var keys = services.SelectMany(service => envs.Select(env => new GateKey(service, env, identifier))).ToList();
        if (absent) return keys.Select(key => GateSpec.Gone(key, $"absent: true ({path})", location)).ToList();

        dryRun.CheckKeys(envs, reader);
        foreach (var rule in rules) rule.DryRun.CheckKeys(envs, reader);
        var gates = keys.Select(key => new GateSpec(key, dryRun.For(key.Env, false), prune, [.. rules.Select(r => r.For(key))], location)).ToList();
        if (rules.Any(r => r.NeedsExpanding)) CheckExpandedNames(reader, rules, gates, $"{path}.rules");
        return gates;
    }

    /// <summary>Rule names made for each gate: each valid, and unique within its gate (<c>P0-{env}</c> beside <c>P0-prod</c> is not).</summary>
    internal static void CheckExpandedNames(NodeReader reader, List<DeclaredRule> declared, List<GateSpec> gates, string path)
    {
        var reported = new HashSet<(int, string)>();
        void Report(int rule, GateKey key, string problem)
        {
            if (reported.Add((rule, problem))) reader.Error(declared[rule].NameNode, $"{path}[{rule}].name", $"for {key}: {problem}");
        }

        foreach (var gate in gates)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < gate.Rules.Count; i++)
            {
                var name = gate.Rules[i].Name;
                if (declared[i].NeedsExpanding && Names.RuleNameProblem(name) is { } problem) Report(i, gate.Key, $"\"{name}\" {problem}");
                else if (!first.TryAdd(name, i)) Report(i, gate.Key, $"\"{name}\" is already used by {path}[{first[name]}]; rule names must be unique within a gate");
            }
        }
    }

    /// <summary>One value or a list of values: service and env, each a gate per value.</summary>
    private static List<string> Tags(NodeReader reader, Dictionary<string, YamlNode> f, YamlNode gate, string field, string path)
    {
        if (!f.TryGetValue(field, out var node))
        {
            reader.Error(gate, $"{path}.{field}", $"required: one {field} or a list of {field}s");
            return [];
        }

        var values = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var items = node is YamlSequenceNode seq ? [.. seq.Children] : new List<YamlNode> { node };
        if (items.Count == 0) reader.Error(node, $"{path}.{field}", $"must name at least one {field}");
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = node is YamlSequenceNode ? $"{path}.{field}[{i}]" : $"{path}.{field}";
            if (reader.Literal(items[i], itemPath) is not { } value) continue;
            if (Names.TagProblem(value) is { } problem) reader.Error(items[i], itemPath, problem);
            else if (!listed.Add(value)) reader.Error(items[i], itemPath, $"\"{value}\" is listed twice");
            else values.Add(value);
        }

        return values;
    }

    private static string? Identifier(NodeReader reader, Dictionary<string, YamlNode> f, string path)
    {
        if (!f.TryGetValue("identifier", out var node) || NodeReader.IsNull(node)) return null;
        var value = reader.Literal(node, $"{path}.identifier");
        if (value is null) return null;
        if (Names.TagProblem(value) is not { } problem) return value;
        reader.Error(node, $"{path}.identifier", problem);
        return null;
    }
}
