using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>A gates file's <c>scope:</c>: <c>all</c>, or <c>{services: [..], envs: [..]}</c> (at least one of the two lists).</summary>
internal static class ScopeReader
{
    private static readonly string[] Fields = ["services", "envs"];

    public static GateScope? Read(NodeReader reader, YamlNode node)
    {
        if (node is YamlScalarNode { Value: "all" }) return GateScope.All;
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "scope", "expected all (the whole organization) or a mapping such as {services: [checkout], envs: [staging]}");
            return null;
        }

        if (reader.Fields(node, "scope", Fields) is not { } f) return null;
        if (map.Children.Count == 0)
        {
            reader.Error(node, "scope", "name services, envs or both (or write scope: all for the whole organization)");
            return null;
        }

        if (f.Count == 0) return null; // only unknown fields, each reported
        var services = List(reader, f.GetValueOrDefault("services"), "scope.services");
        var envs = List(reader, f.GetValueOrDefault("envs"), "scope.envs");
        return new GateScope(services, envs);
    }

    private static List<string>? List(NodeReader reader, YamlNode? node, string path)
    {
        if (node is null) return null;
        var values = new List<string>();
        var items = reader.Sequence(node, path) ?? [];
        if (items.Count == 0) reader.Error(node, path, "must name at least one value (leave the field out to mean all)");
        for (var i = 0; i < items.Count; i++)
        {
            if (reader.Literal(items[i], $"{path}[{i}]") is not { } value) continue;
            if (Names.TagProblem(value) is { } problem) reader.Error(items[i], $"{path}[{i}]", problem);
            else values.Add(value);
        }

        return values;
    }
}
