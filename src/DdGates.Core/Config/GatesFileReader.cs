using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>
/// Reads a gates file (<c>gates: [...]</c>). One entry with a list of envs becomes one gate per env,
/// each with dry_run resolved for its env. An entry with <c>absent: true</c> declares gates to delete; a top-level
/// <c>scope:</c> declares which gates the file owns, and every entry must lie inside it.
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
            foreach (var gate in ReadGate(reader, items[i], $"gates[{i}]"))
            {
                if (seen.TryGetValue(gate.Key, out var first))
                {
                    reader.Error(items[i], $"gates[{i}]", $"gate {gate.Key} is already declared by {first}");
                    continue;
                }

                if (scope is not null && !scope.Contains(gate.Key))
                {
                    reader.Error(items[i], $"gates[{i}]", $"gate {gate.Key} is outside the file's scope ({scope}); widen the scope or move the gate to another file");
                    continue;
                }

                seen[gate.Key] = $"gates[{i}]";
                gates.Add(gate);
            }
        }

        return (gates, scope);
    }

    private static IEnumerable<GateSpec> ReadGate(NodeReader reader, YamlNode node, string path)
    {
        if (reader.Fields(node, path, GateFields) is not { } f) return [];
        var service = Tag(reader, f, node, "service", path, required: true);
        var envs = Envs(reader, f, node, path);
        var identifier = Tag(reader, f, node, "identifier", path, required: false) ?? GateKey.DefaultIdentifier;
        var dryRun = EnvSwitch.Read(reader, f.GetValueOrDefault("dry_run"), $"{path}.dry_run");
        var absent = f.TryGetValue("absent", out var absentNode) && reader.Bool(absentNode, $"{path}.absent") == true;
        var prune = f.TryGetValue("prune", out var pruneNode) && reader.Bool(pruneNode, $"{path}.prune") == true;
        var rules = f.TryGetValue("rules", out var rulesNode) && !NodeReader.IsNull(rulesNode)
            ? RuleReader.ReadAll(reader, rulesNode, $"{path}.rules", datadogCiSpelling: false)
            : [];
        if (service is null || envs.Count == 0) return [];
        var location = new SourceLocation(reader.File, (int)node.Start.Line, (int)node.Start.Column);
        if (absent) return envs.Select(env => GateSpec.Gone(new GateKey(service, env, identifier), $"absent: true ({path})", location)).ToList();

        dryRun.CheckKeys(envs, reader);
        foreach (var rule in rules) rule.DryRun.CheckKeys(envs, reader);
        return envs.Select(env => new GateSpec(
            new GateKey(service, env, identifier),
            dryRun.For(env, false),
            prune,
            [.. rules.Select(r => r.For(env))],
            location)).ToList();
    }

    private static List<string> Envs(NodeReader reader, Dictionary<string, YamlNode> f, YamlNode gate, string path)
    {
        if (!f.TryGetValue("env", out var node))
        {
            reader.Error(gate, $"{path}.env", "required: one env or a list of envs");
            return [];
        }

        var envs = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var items = node is YamlSequenceNode seq ? [.. seq.Children] : new List<YamlNode> { node };
        if (items.Count == 0) reader.Error(node, $"{path}.env", "must name at least one env");
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = node is YamlSequenceNode ? $"{path}.env[{i}]" : $"{path}.env";
            if (reader.String(items[i], itemPath) is not { } env) continue;
            if (Names.TagProblem(env) is { } problem) reader.Error(items[i], itemPath, problem);
            else if (!listed.Add(env)) reader.Error(items[i], itemPath, $"\"{env}\" is listed twice");
            else envs.Add(env);
        }

        return envs;
    }

    private static string? Tag(NodeReader reader, Dictionary<string, YamlNode> f, YamlNode gate, string field, string path, bool required)
    {
        if (!f.TryGetValue(field, out var node) || (!required && NodeReader.IsNull(node)))
        {
            if (required) reader.Error(gate, $"{path}.{field}", "required");
            return null;
        }

        var value = reader.String(node, $"{path}.{field}");
        if (value is null) return null;
        if (Names.TagProblem(value) is not { } problem) return value;
        reader.Error(node, $"{path}.{field}", problem);
        return null;
    }
}
