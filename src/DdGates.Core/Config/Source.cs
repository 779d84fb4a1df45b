using DdGates.Inputs;

namespace DdGates.Config;

/// <summary>
/// Where a problem is: a position in a file, an input, or an environment variable. Each presenter
/// spells an input its own way (<c>--timeout</c> on a terminal, <c>timeout</c> on GitHub and Azure).
/// </summary>
public abstract record Source;

/// <summary>A file as the user named it; line 0 means the file as a whole.</summary>
public sealed record InFile(string File, int Line = 0, int Column = 0) : Source;

public sealed record FromInput(Input Input) : Source;

public sealed record FromEnv(string Name) : Source;
