using System.CommandLine;
using DdGates.Cli.Exit;
using DdGates.Cli.Platforms;
using DdGates.Cli.Presenting;
using DdGates.Cli.Step;
using DdGates.Config;

namespace DdGates.Cli.Commands;

/// <summary>
/// One command, registered once: its name (the subcommand, and the step's <c>command</c> value), its help, its
/// options, how its settings are read on the command line and from a step's inputs, how they are checked, and its run.
/// The CLI builds its subcommands from these rows, and a CI step looks its row up: no second switch on names.
/// </summary>
public sealed class CommandRow
{
    private CommandRow(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Runnable examples, printed after --help.</summary>
    public string? Examples { get; private init; }

    /// <summary>The command waits for a gate's verdict: outputs and JSON carry gate-status.</summary>
    public bool Evaluates { get; private init; }

    /// <summary>A subcommand of <c>dd-gates</c> (apply-and-evaluate is <c>evaluate --apply</c> there).</summary>
    public bool OnCommandLine { get; private init; } = true;

    /// <summary>A choice of the step's <c>command</c> input (validate is for terminals and pre-commit hooks).</summary>
    public bool InStep { get; private init; } = true;

    public IReadOnlyList<Option> Options { get; private init; } = [];

    private Func<ParseResult, Func<string, string?>, object> FromCommandLine { get; init; } = null!;

    private Func<StepInputs, object> FromStep { get; init; } = null!;

    private Func<object, Func<string, string?>, IReadOnlyList<Diagnostic>> Check { get; init; } = null!;

    private Func<IRunPresenter, CommandContext, object, CancellationToken, Task<CommandExit>> Execute { get; init; } = null!;

    private Func<IRunPresenter, CommandContext, StepInputs, ICiHost, CancellationToken, Task<CommandExit>>? ExecuteStep { get; init; }

    public static CommandRow Of<TSettings>(string name, string description, IReadOnlyList<Option> options,
        Func<ParseResult, Func<string, string?>, TSettings> fromCommandLine, Func<StepInputs, TSettings> fromStep,
        Func<TSettings, Func<string, string?>, IReadOnlyList<Diagnostic>> check,
        Func<IRunPresenter, CommandContext, TSettings, CancellationToken, Task<CommandExit>> run,
        string? examples = null, bool evaluates = false, bool onCommandLine = true, bool inStep = true,
        Func<IRunPresenter, CommandContext, StepInputs, ICiHost, CancellationToken, Task<CommandExit>>? runStep = null)
        where TSettings : notnull => new(name, description)
    {
        Options = options,
        FromCommandLine = (r, env) => fromCommandLine(r, env),
        FromStep = i => fromStep(i),
        Check = (s, read) => check((TSettings)s, read),
        Execute = (p, c, s, ct) => run(p, c, (TSettings)s, ct),
        ExecuteStep = runStep,
        Examples = examples,
        Evaluates = evaluates,
        OnCommandLine = onCommandLine,
        InStep = inStep,
    };

    public object ReadCommandLine(ParseResult result, Func<string, string?> env) => FromCommandLine(result, env);

    public Task<CommandExit> RunAsync(IRunPresenter presenter, CommandContext context, object settings, CancellationToken ct) => Execute(presenter, context, settings, ct);

    /// <summary>As a CI step: with problems in the inputs themselves, every problem at once (the inputs', and what checking the rest finds); else the run.</summary>
    public Task<CommandExit> RunStepAsync(IRunPresenter presenter, CommandContext context, StepInputs inputs, ICiHost host, CancellationToken ct)
    {
        var settings = FromStep(inputs);
        if (inputs.Problems.Count > 0)
        {
            IReadOnlyList<Diagnostic> problems = [.. inputs.Problems, .. Check(settings, context.ReadFile)];
            presenter.Show(new ProblemsView(problems, inputs.Settings.Names, Evaluates));
            return Task.FromResult(CommandExit.Invalid(problems.Count));
        }

        return ExecuteStep?.Invoke(presenter, context, inputs, host, ct) ?? Execute(presenter, context, settings, ct);
    }
}
