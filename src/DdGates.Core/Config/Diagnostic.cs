using DdGates.Inputs;
using DdGates.Model;

namespace DdGates.Config;

/// <summary>One user mistake, with where it is: <c>gates.yaml:12:9: gates[0].rules[1].options.query: required for monitor rules</c>.</summary>
public sealed record Diagnostic(Source Where, string Path, string Message)
{
    public Diagnostic(string file, int line, int column, string path, string message) : this(new InFile(file, line, column), path, message)
    {
    }

    public static Diagnostic About(Input input, string message) => new(new FromInput(input), "", message);

    /// <summary>The line and column in a file, when the problem has one (for annotations).</summary>
    public SourceLocation? Location => Where is InFile { Line: > 0 } f ? new SourceLocation(f.File, f.Line, f.Column) : null;

    /// <summary>The whole line, the source spelled by <paramref name="inputName"/>: <c>file:line:col: path: message</c>.</summary>
    public string Describe(Func<Input, string> inputName) => Place(inputName) + PathAndMessage;

    /// <summary>The path and message alone, for an annotation that already sits on the file and line.</summary>
    public string PathAndMessage => (Path.Length > 0 ? $"{Path}: " : "") + Message;

    private string Place(Func<Input, string> inputName) => Where switch
    {
        InFile { Line: > 0 } f => $"{f.File}:{f.Line}:{f.Column}: ",
        InFile f => $"{f.File}: ",
        FromInput i => $"{inputName(i.Input)}: ",
        FromEnv e => $"{e.Name}: ",
        _ => "",
    };
}
