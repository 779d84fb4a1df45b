using DdGates.Model;

namespace DdGates.Cli.Presenting;

/// <summary>
/// A warning or an error a CI host shows beside the log, on the gates file's line when it has one.
/// <paramref name="InText"/>: the command's text already says it, so a terminal does not print it twice.
/// <paramref name="IsNotice"/>: not a warning, only worth knowing (never with <paramref name="IsError"/>).
/// </summary>
public sealed record Annotation(bool IsError, string Message, SourceLocation? At = null, bool InText = false, bool IsNotice = false);
