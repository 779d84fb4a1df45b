using YamlDotNet.RepresentationModel;
using DdGates.Exporting;

namespace DdGates.Config;

/// <summary>A dry_run value: one boolean for every environment, or one per environment.</summary>
internal sealed record EnvSwitch(bool? All, IReadOnlyDictionary<string, (bool Value, YamlNode Node)>? PerEnv, string Path)
{
    public static EnvSwitch Unset(string path) => new(null, null, path);

    public static EnvSwitch Read(NodeReader reader, YamlNode? node, string path)
    {
        if (node is null || NodeReader.IsNull(node)) return Unset(path);
        if (node is not YamlMappingNode map) return new EnvSwitch(reader.Bool(node, path), null, path);

        var perEnv = new Dictionary<string, (bool, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var env = (key as YamlScalarNode)?.Value ?? "";
            if (reader.Bool(value, $"{path}.{env}") is { } b) perEnv[env] = (b, key);
        }

        return new EnvSwitch(null, perEnv, path);
    }

    /// <summary>The value for one environment: a per-env map may leave envs out, and those take <paramref name="fallback"/>.</summary>
    public bool For(string env, bool fallback) =>
        PerEnv is null ? All ?? fallback : PerEnv.TryGetValue(env, out var entry) ? entry.Value : fallback;

    /// <summary>Reports per-env keys that name no environment of the gate (a typo would silently do nothing).</summary>
    public void CheckKeys(IReadOnlyCollection<string> envs, NodeReader reader)
    {
        if (PerEnv is null) return;
        var known = envs as IReadOnlySet<string> ?? envs.ToHashSet(StringComparer.Ordinal);
        foreach (var (env, (_, node)) in PerEnv)
        {
            if (known.Contains(env)) continue;
            var hint = reader.Hint(env, envs) is { } s ? $"; did you mean \"{s}\"?" : "";
            var listed = envs.Count <= 10 ? string.Join(", ", envs) : $"{envs.Count} envs";
            reader.Error(node, $"{Path}.{env}", $"\"{env}\" is not one of this gate's envs ({listed}){hint}");
        }
    }
}
