using DdGates.Cli.Inputs;
namespace DdGates.Cli.Commands.Evaluate;

/// <summary>What an evaluation was asked for, on top of the gate selection in <see cref="RunSettings"/>.</summary>
public sealed record EvaluateSettings(
    RunSettings Run,
    string? Version,
    string? PrimaryTag,
    string? TimeoutSeconds,
    bool FailOnError,
    bool Inline,
    bool ApplyFirst);
