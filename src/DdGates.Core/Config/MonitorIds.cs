using YamlDotNet.RepresentationModel;
using DdGates.Model;

namespace DdGates.Config;

/// <summary><c>monitor_ids: [{id: "123", groups: ["env:prod"]}, 456]</c>: a bare id means all groups.</summary>
internal static class MonitorIds
{
    private static readonly string[] Fields = ["id", "groups"];

    public static EquatableList<MonitorRef>? Read(NodeReader reader, YamlNode node, string path)
    {
        var items = reader.Sequence(node, path);
        if (items is null) return null;
        if (items.Count == 0)
        {
            reader.Error(node, path, "must name at least one monitor");
            return null;
        }

        var refs = new List<MonitorRef>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Item(reader, items[i], $"{path}[{i}]") is { } r) refs.Add(r);
        }

        return refs.Count == items.Count ? new EquatableList<MonitorRef>(refs) : null;
    }

    private static MonitorRef? Item(NodeReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode) return Id(reader, node, path) is { } bare ? new MonitorRef(bare, new([])) : null;
        if (reader.Fields(node, path, Fields) is not { } f) return null;
        if (!f.TryGetValue("id", out var idNode))
        {
            reader.Error(node, $"{path}.id", "required");
            return null;
        }

        var id = Id(reader, idNode, $"{path}.id");
        var groups = new List<string>();
        if (f.TryGetValue("groups", out var groupsNode) && reader.Sequence(groupsNode, $"{path}.groups") is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (reader.Literal(items[i], $"{path}.groups[{i}]") is { } g) groups.Add(g);
            }
        }

        return id is null ? null : new MonitorRef(id, new(groups));
    }

    /// <summary>"123" or 123: a monitor id is digits, written as text or as a number.</summary>
    private static string? Id(NodeReader reader, YamlNode node, string path)
    {
        var id = node is YamlScalarNode scalar && Scalars.KindOf(scalar) == ScalarKind.Number ? scalar.Value : reader.String(node, path);
        if (id is null) return null;
        if (id.Length > 0 && id.Length <= 19 && id.All(char.IsAsciiDigit)) return id;
        reader.Error(node, path, $"must be a monitor id (digits only), found \"{id}\"");
        return null;
    }
}
