using DdGates.Cli.Inputs;
namespace DdGates.Cli.Commands.Report;

/// <summary>What a report was asked for, on top of the selection and connection in <see cref="RunSettings"/>; numbers as given, checked by the validator.</summary>
public sealed record ReportSettings(RunSettings Run, string? Days, string? MinEvaluations, bool FailUnlessReady);
