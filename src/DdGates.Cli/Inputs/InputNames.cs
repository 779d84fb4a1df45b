using DdGates.Inputs;
namespace DdGates.Cli.Inputs;

/// <summary>
/// How the place a run comes from spells its inputs: flags on the command line, action inputs on GitHub, task inputs
/// on Azure Pipelines. Every message that names an input goes through one of these, so a person reads the name they
/// would type.
/// </summary>
public sealed class InputNames
{
    private readonly Func<InputSpec, string> _spell;
    private readonly bool _flags;

    private InputNames(Func<InputSpec, string> spell, bool flags)
    {
        _spell = spell;
        _flags = flags;
    }

    /// <summary>The command line: the option, else the environment variables the input is read from.</summary>
    public static readonly InputNames CommandLine = new(s => s.Cli ?? (s.Fallbacks.Count > 0 ? string.Join(" / ", s.Fallbacks) : s.GitHub), flags: true);

    /// <summary>GitHub Actions: the action's inputs (kebab-case).</summary>
    public static readonly InputNames GitHub = new(s => s.GitHub, flags: false);

    /// <summary>Azure Pipelines: the task's inputs (camelCase).</summary>
    public static readonly InputNames Azure = new(s => s.Azure, flags: false);

    public string Of(Input input) => _spell(InputTable.Of(input));

    /// <summary>Where a problem is, when it is in an input: "--timeout" on the command line, "input timeout" in a step.</summary>
    public string Where(Input input) => _flags ? Of(input) : $"input {Of(input)}";

    /// <summary>How a person sets the input to a value here: <c>--expect-plan 3f2a</c>, or <c>expectPlan: 3f2a</c> in a step's inputs.</summary>
    public string Set(Input input, string value) => _flags ? $"{Of(input)} {value}" : $"{Of(input)}: {value}";

    /// <summary>How a person turns a switch on here: <c>--fail-on-error</c>, or <c>failOnError: true</c>.</summary>
    public string On(Input input) => _flags ? Of(input) : $"{Of(input)}: true";
}
