using DdGates.Config;

namespace DdGates.Cli.Inputs;

/// <summary>A value (a key, the site) and where it came from, so a problem names its source and never the value.</summary>
public sealed record Sourced(string? Value, Source Source)
{
    public static Sourced Nothing(InputSpec input) => new(null, new FromInput(input));

    /// <summary>The first of the input's environment fallbacks that is set; none: nothing, named after the input.</summary>
    public static Sourced FromEnvironment(InputSpec input, Func<string, string?> env)
    {
        foreach (var name in input.Fallbacks)
        {
            if (env(name) is { Length: > 0 } value) return new Sourced(value, new FromEnv(name));
        }

        return Nothing(input);
    }
}
