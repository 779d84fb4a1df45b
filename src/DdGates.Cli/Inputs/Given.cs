using DdGates.Config;
using DdGates.Inputs;

namespace DdGates.Cli.Inputs;

/// <summary>A value (a key, the site) and where it came from, so a problem names its source and never the value.</summary>
public sealed record Given(string? Value, Source Source)
{
    public static Given Nothing(InputSpec input) => new(null, new FromInput(input));

    /// <summary>The first of the input's environment fallbacks that is set; none: nothing, named after the input.</summary>
    public static Given FromEnvironment(InputSpec input, Func<string, string?> env)
    {
        foreach (var name in input.Fallbacks)
        {
            if (env(name) is { Length: > 0 } value) return new Given(value, new FromEnv(name));
        }

        return Nothing(input);
    }
}
