using YamlDotNet.RepresentationModel;

namespace DdGates.Config;

/// <summary>A dry_run value: one boolean for every environment, or one per environment.</summary>
internal sealed record EnvSwitch(bool? All, IReadOnlyDictionary<string, (bool Value, YamlNode Node)>? PerEnv, YamlNode? Node, string Path)
{
    public static EnvSwitch Unset(string path) => new(null, null, null, path);

    public static EnvSwitch Read(NodeReader reader, YamlNode? node, string path)
    {
        if (node is null || NodeReader.IsNull(node)) return Unset(path);
        if (node is not YamlMappingNode map) return new EnvSwitch(reader.Bool(node, path), null, node, path);

        var perEnv = new Dictionary<string, (bool, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var env = (key as YamlScalarNode)?.Value ?? "";
            if (reader.Bool(value, $"{path}.{env}") is { } b) perEnv[env] = (b, key);
        }

        return new EnvSwitch(null, perEnv, node, path);
    }

    /// <summary>The value for one environment; reports a per-env mapping that does not name it.</summary>
    public bool For(string env, NodeReader reader, bool fallback)
    {
        if (PerEnv is null) return All ?? fallback;
        if (PerEnv.TryGetValue(env, out var entry)) return entry.Value;
        reader.Error(Node, Path, $"no value for env \"{env}\"; give one for every env of this gate (or a single true/false)");
        return fallback;
    }

    /// <summary>Reports per-env keys that name no environment of the gate (a typo would silently do nothing).</summary>
    public void CheckKeys(IReadOnlyCollection<string> envs, NodeReader reader)
    {
        foreach (var (env, (_, node)) in PerEnv ?? new Dictionary<string, (bool, YamlNode)>())
        {
            if (!envs.Contains(env)) reader.Error(node, $"{Path}.{env}", $"\"{env}\" is not one of this gate's envs ({string.Join(", ", envs)})");
        }
    }
}
