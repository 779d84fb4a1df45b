namespace DdGates.Config;

/// <summary>One user mistake, with where it is: <c>gates.yaml:12:9: gates[0].rules[1].options.query: required for monitor rules</c>.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        (Line > 0 ? $"{File}:{Line}:{Column}: " : $"{File}: ") + (Path.Length > 0 ? $"{Path}: " : "") + Message;
}
