namespace DdGates.Http;

/// <summary>How much of an answer is read: a page of 1,000 gates is about 300 KB, an error a few hundred bytes.</summary>
public static class ResponseLimits
{
    /// <summary>A successful answer larger than this is refused: no answer of these APIs comes near it.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>What is read of a failed answer; the rest is left unread.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>What is kept of one error text for a message.</summary>
    public const int MaxErrorTextChars = 1000;

    /// <summary>Pages one listing may take before it is taken for a loop (10 million gates at 1,000 a page).</summary>
    public const int MaxPages = 10_000;
}
