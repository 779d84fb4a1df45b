namespace DdGates.Config;

/// <summary>Limits of a gates or rules file, said once for the reader and for whoever reads the file from disk.</summary>
public static class GatesFile
{
    /// <summary>An export of 5,000 gates is under 1 MiB; a file past this is refused with a message, never read whole.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Problems listed before the rest are only counted: a generated file can hold thousands of one mistake.</summary>
    public const int MaxProblemsShown = 50;
}
