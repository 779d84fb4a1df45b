using System.Text;
using DdGates.Http;

namespace DdGates.Cli.Platforms;

/// <summary>
/// The one boundary every line the program prints crosses (stdout and stderr, wrapped once in <see cref="CliApp"/>):
/// it takes the run's secrets out, and defuses host commands in plain text the way the host reading the log needs
/// (<see cref="HostDetector.Defuser"/>). Lines are cut at \n and at a lone \r, since the runner and the agent read
/// both as line breaks. A host writes its own commands with <see cref="Boundary.WriteCommand"/> (redacted, not defused)
/// and its mask commands with <see cref="Boundary.WriteMask"/> (the one verbatim line: it must carry the secret).
/// </summary>
public sealed class BoundaryWriter(TextWriter inner, SecretSet secrets, Func<string, string> defuse) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _lock = new();
    private bool _afterCr;

    public override Encoding Encoding => inner.Encoding;

    public SecretSet Secrets => secrets;

    public override void Write(char value)
    {
        lock (_lock) Take(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_lock)
        {
            foreach (var c in value) Take(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write('\n');

    /// <summary>A host command: the secrets come out, the command stays a command.</summary>
    internal void WriteCommandLine(string line) => WriteOwnLine(secrets.Redact(line.ReplaceLineEndings(" ")));

    /// <summary>The host's mask command, as is: it names the secret so that the host hides it.</summary>
    internal void WriteMaskLine(string line) => WriteOwnLine(line);

    /// <summary>
    /// WARNING: flushes whole lines only. A line is cleaned once it is complete, so a secret written in two pieces is
    /// still found; the unfinished rest waits for <see cref="Finish"/>.
    /// </summary>
    public override void Flush()
    {
        lock (_lock) inner.Flush();
    }

    /// <summary>Writes out the rest of an unfinished line, once the program is done.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_line.Length > 0) inner.Write(Clean(_line.ToString()));
            _line.Clear();
            inner.Flush();
        }
    }

    private void Take(char c)
    {
        if (c == '\n' && _afterCr)
        {
            _afterCr = false;
            return; // the \n of a \r\n: the line already ended at the \r
        }

        _afterCr = c == '\r';
        if (c is '\n' or '\r') EndLine();
        else _line.Append(c);
    }

    /// <summary>A line the host writes itself, on a line of its own: a half-written plain line is ended first.</summary>
    private void WriteOwnLine(string line)
    {
        lock (_lock)
        {
            if (_line.Length > 0) EndLine();
            _afterCr = false;
            inner.Write(line + "\n");
            inner.Flush();
        }
    }

    /// <summary>The pending plain line, cleaned, with its end.</summary>
    private void EndLine()
    {
        inner.Write(Clean(_line.ToString()) + "\n");
        _line.Clear();
        inner.Flush();
    }

    private string Clean(string line) => defuse(secrets.Redact(line));
}

/// <summary>How a host writes its own command lines through the boundary (any other writer, as in tests, takes them as they are).</summary>
public static class Boundary
{
    public static void WriteCommand(this TextWriter writer, string line)
    {
        if (writer is BoundaryWriter boundary) boundary.WriteCommandLine(line);
        else writer.WriteLine(line);
    }

    public static void WriteMask(this TextWriter writer, string line)
    {
        if (writer is BoundaryWriter boundary) boundary.WriteMaskLine(line);
        else writer.WriteLine(line);
    }

    /// <summary>The writer's secrets (none for a writer outside the boundary).</summary>
    public static SecretSet SecretsOf(TextWriter writer) => writer is BoundaryWriter boundary ? boundary.Secrets : new SecretSet();
}
