namespace DdGates.Model;

/// <summary>Where something was declared: a file (as given by the user) and a 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
