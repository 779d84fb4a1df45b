using DdGates.Applying;

namespace DdGates.Cli.Hosting;

/// <summary>Progress as plain log lines, warnings as the host's warnings.</summary>
public sealed class HostReporter(ICiHost host) : IRunReporter
{
    private readonly Lock _lock = new();

    public void Progress(string message)
    {
        lock (_lock) host.Info(message);
    }

    public void Warning(string message)
    {
        lock (_lock) host.Warning(message);
    }
}
