namespace DdGates.Cli.Platforms;

/// <summary>Closes a log group once, when disposed, so an exception or a cancellation cannot leave it open.</summary>
public sealed class LogGroup(Action close) : IDisposable
{
    private Action? _close = close;

    public void Dispose() => Interlocked.Exchange(ref _close, null)?.Invoke();
}
