using DdGates.Model;

namespace DdGates.Cli.Presenting;

/// <summary>
/// A warning or an error a CI host shows beside the log, on the gates file's line when it has one.
/// <paramref name="InText"/>: the command's text already says it, so a terminal does not print it twice.
/// </summary>
public sealed record Annotation(bool IsError, string Message, SourceLocation? At = null, bool InText = false);
