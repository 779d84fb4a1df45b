using DdGates.Cli.Inputs;

namespace DdGates.Cli.Commands.Export;

/// <summary>What export was asked for: the selection and connection, where to write, and whether to fold across services.</summary>
public sealed record ExportSettings(RunSettings Run, string? File, bool Fold);
