using DdGates.Inputs;
namespace DdGates.Cli.Inputs;

/// <summary>
/// One input, once: what it means (<see cref="Input"/>, all Core knows of it), its GitHub name (kebab-case), its Azure name (camelCase: Azure forbids hyphens),
/// its CLI option (null where the CLI has none: keys come from the environment, the command is the
/// subcommand), its default, the environment variables it falls back to, and its help.
/// </summary>
public sealed record InputSpec(
    Input Meaning,
    string GitHub,
    string Azure,
    string? Cli,
    string? Default,
    string Help,
    InputKind Kind = InputKind.Text,
    IReadOnlyList<string>? Choices = null,
    IReadOnlyList<string>? EnvFallbacks = null,
    string? AzureDefault = null)
{
    public static implicit operator Input(InputSpec spec) => spec.Meaning;

    /// <summary>The help as every manifest and --help shows it; an input without a CLI option names its environment fallbacks.</summary>
    public string Description => Cli is null && Fallbacks.Count > 0 ? $"{Help} Falls back to {string.Join(" / ", Fallbacks)}." : Help;

    /// <summary>Environment variables read when the input (or CLI option) is not set, first one set wins.</summary>
    public IReadOnlyList<string> Fallbacks => EnvFallbacks ?? [];

    /// <summary>The default on Azure Pipelines, where it differs (task.json's defaultValue).</summary>
    public string? DefaultOnAzure => AzureDefault ?? Default;

    /// <summary>The environment variable the GitHub runner sets: INPUT_ + name upper-cased, hyphens kept.</summary>
    public string GitHubEnv => "INPUT_" + GitHub.Replace(' ', '_').ToUpperInvariant();

    /// <summary>The environment variable the Azure agent sets: INPUT_ + name upper-cased.</summary>
    public string AzureEnv => "INPUT_" + Azure.ToUpperInvariant();

    /// <summary>The task.json input type: a boolean without a default is a pick list with an empty choice, so "unset" stays possible.</summary>
    public string AzureType => Kind switch
    {
        InputKind.Boolean => Default is null ? "pickList" : "boolean",
        InputKind.Choice => "pickList",
        InputKind.MultiLine => "multiLine",
        _ => "string",
    };
}
