namespace DdGates.Cli.Inputs;

public enum InputKind
{
    Text,
    Boolean,
    WholeNumber,
    Secret,
    FilePath,
    MultiLine,
    Choice,
}

/// <summary>
/// One input, once: its GitHub name (kebab-case), its Azure name (camelCase: Azure forbids hyphens),
/// its CLI option (null where the CLI has none: keys come from the environment, the command is the
/// subcommand), its default and its help.
/// </summary>
public sealed record InputSpec(
    string GitHub,
    string Azure,
    string? Cli,
    string? Default,
    string Description,
    InputKind Kind = InputKind.Text,
    IReadOnlyList<string>? Choices = null,
    string? EnvFallback = null,
    string? AzureDefault = null)
{
    /// <summary>The default on Azure Pipelines, where it differs (task.json's defaultValue).</summary>
    public string? DefaultOnAzure => AzureDefault ?? Default;

    /// <summary>The environment variable the GitHub runner sets: INPUT_ + name upper-cased, hyphens kept.</summary>
    public string GitHubEnv => "INPUT_" + GitHub.Replace(' ', '_').ToUpperInvariant();

    /// <summary>The environment variable the Azure agent sets: INPUT_ + name upper-cased.</summary>
    public string AzureEnv => "INPUT_" + Azure.ToUpperInvariant();
}

/// <summary>One output, with its GitHub and Azure names.</summary>
public sealed record OutputSpec(string GitHub, string Azure, string Description);
