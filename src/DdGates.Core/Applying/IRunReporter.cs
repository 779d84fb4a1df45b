namespace DdGates.Applying;

/// <summary>Where a long run tells a person what it is doing. Implementations must be thread-safe.</summary>
public interface IRunReporter
{
    void Progress(string message);

    void Warning(string message);
}
