namespace DdGates;

/// <summary>Text cut to a length for a message, marked with "..." where it was cut.</summary>
public static class Clip
{
    public static string To(string text, int max) => text.Length > max ? text[..max] + "..." : text;
}
