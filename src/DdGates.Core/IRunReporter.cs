namespace DdGates;

/// <summary>
/// Where a long run tells a person what it is doing. <see cref="Debug"/> is for detail a person asks for
/// (each retry); <see cref="Warning"/> for what needs their attention. Implementations must be thread-safe.
/// </summary>
public interface IRunReporter
{
    void Progress(string message);

    void Debug(string message);

    void Warning(string message);
}
