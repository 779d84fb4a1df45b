using DdGates.Applying;

namespace DdGates.Cli;

/// <summary>Progress and warnings on stderr, so stdout stays the plan (or JSON) alone.</summary>
public sealed class ConsoleReporter(TextWriter stderr) : IRunReporter
{
    private readonly Lock _lock = new();

    public void Progress(string message)
    {
        lock (_lock) stderr.WriteLine($"... {message}");
    }

    public void Warning(string message)
    {
        lock (_lock) stderr.WriteLine($"warning: {message}");
    }
}
